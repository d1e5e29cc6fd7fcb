/**
 * `npm run bench -- NAME [args]`: runs bench/NAME.ts. Every bench prints its figures beside a
 * baseline measured in the same run, and ends with one JSON line. Benchmarks run against the
 * PostgreSQL at DATABASE_URL, or an embedded one in .data/bench.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['run.ts', 'support.ts', 'load.ts'].includes(f) && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3)).sort();
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(2);
}
process.argv.splice(2, 1);
// Each bench gets its own database, so two benches can run side by side.
process.env.BALLOTLINE_BENCH_NAME = name;
await import(`./${name}.ts`);
