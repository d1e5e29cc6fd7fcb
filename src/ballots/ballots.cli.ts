import type { Command } from 'commander';

/** `ballotline` commands of the ballots domain. */
export function registerBallotsCommands(_program: Command): void {}
