import type { Command } from 'commander';

/** `ballotline` commands of the subscriptions domain. */
export function registerSubscriptionsCommands(_program: Command): void {}
