import type { Command } from 'commander';

/** `ballotline` commands of the notifications domain. */
export function registerNotificationsCommands(_program: Command): void {}
