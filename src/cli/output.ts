import { openRuntime, type Runtime } from '../runtime.ts';
import type { Command } from 'commander';

/** The shared parent command (e.g. `import`, `generate`) that several domains add subcommands to. */
export function parentCommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** Prints a report for people (aligned key: value lines) or, with --json, as one JSON object. */
export function printReport(title: string, fields: Record<string, unknown>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(fields));
    return;
  }
  console.log(title);
  const width = Math.max(...Object.keys(fields).map((k) => k.length));
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) {
      console.log(`  ${k.padEnd(width)}:`);
      for (const item of v) console.log(`    ${typeof item === 'object' ? Object.values(item as object).join(': ') : String(item)}`);
    } else console.log(`  ${k.padEnd(width)}: ${v === null ? '-' : String(v)}`);
  }
}

/** Opens the runtime for one command and always closes it (database, queue, embedded server). */
export async function withRuntime(fn: (rt: Runtime) => Promise<void>): Promise<void> {
  const rt = await openRuntime();
  try {
    await fn(rt);
  } finally {
    await rt.close();
  }
}
