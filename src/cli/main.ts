import { Command, CommanderError } from 'commander';
import { AppError } from '../errors.ts';
import { ConfigError } from '../config.ts';
import { registerServiceCommands } from './service.cli.ts';
import { registerAuthCommands } from '../auth/auth.cli.ts';
import { registerRegistryCommands } from '../registry/registry.cli.ts';
import { registerSubscriptionsCommands } from '../subscriptions/subscriptions.cli.ts';
import { registerElectionsCommands } from '../elections/elections.cli.ts';
import { registerBallotsCommands } from '../ballots/ballots.cli.ts';
import { registerMailtrackingCommands } from '../mailtracking/mailtracking.cli.ts';
import { registerNotificationsCommands } from '../notifications/notifications.cli.ts';
import { registerConsoleCommands } from '../console/console.cli.ts';
import { registerReplayCommands } from '../replay/replay.cli.ts';
import { registerDemoCommands } from '../demo/demo.cli.ts';

/**
 * `ballotline` command line. Each domain registers its own commands; this file only
 * assembles them and turns errors into one clear line and an exit code.
 */
const program = new Command('ballotline')
  .description('Vote-by-mail ballot tracking and notifications')
  .showHelpAfterError()
  .exitOverride();

registerServiceCommands(program);
registerAuthCommands(program);
registerRegistryCommands(program);
registerSubscriptionsCommands(program);
registerElectionsCommands(program);
registerBallotsCommands(program);
registerMailtrackingCommands(program);
registerNotificationsCommands(program);
registerConsoleCommands(program);
registerReplayCommands(program);
registerDemoCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78);
  }
  if (err instanceof AppError) {
    console.error(`error: ${err.message}`);
    process.exit(err.status >= 500 ? 1 : 2);
  }
  console.error(err);
  process.exit(1);
}
