import type { Command } from 'commander';

/** `ballotline` commands of the elections domain. */
export function registerElectionsCommands(_program: Command): void {}
