import type { Command } from 'commander';

/** `ballotline` commands of the mailtracking domain. */
export function registerMailtrackingCommands(_program: Command): void {}
