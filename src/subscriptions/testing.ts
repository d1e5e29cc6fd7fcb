/**
 * Test helpers of the subscriptions domain: a small registry loaded through the real voter
 * import, the HTTP app, and a look at the jobs enqueued. Used only by *.test.ts files.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { importVoters, type ImportVotersReport } from '../registry/import.ts';
import { buildServer } from '../web/server.ts';
import type { Runtime } from '../runtime.ts';
import { subscriptionsRoutes } from './subscriptions.routes.ts';

export const VOTER_HEADER = 'voter_id,county_code,first_name,middle_name,last_name,suffix,dob,zip,status,confidential,email,phone,language,updated_at';

export interface TestVoter {
  id: string; county: string; first: string; last: string; dob?: string; zip?: string; status?: string;
  confidential?: boolean; email?: string; phone?: string; language?: string; updated?: string;
}

export function voterLine(v: TestVoter): string {
  if (v.confidential) return [v.id, v.county, '', '', '', '', '', '', v.status ?? 'ACTIVE', 'Y', '', '', '', v.updated ?? '2026-01-01T00:00:00Z'].join(',');
  return [v.id, v.county, v.first, '', v.last, '', v.dob ?? '1980-01-23', v.zip ?? '94110', v.status ?? 'ACTIVE', 'N',
    v.email ?? '', v.phone ?? '', v.language ?? '', v.updated ?? '2026-01-01T00:00:00Z'].map(csvField).join(',');
}

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Loads voters through importVoters (so registry changes and auto-enrolment run as in production). */
export function loadVoters(rt: Runtime, voters: readonly TestVoter[]): Promise<ImportVotersReport> {
  const content = [VOTER_HEADER, ...voters.map(voterLine)].join('\n') + '\n';
  return importVoters({ db: rt.db, profile: rt.profile, clock: rt.clock, dataDir: rt.config.dataDir }, { source: 'voters.csv', input: Readable.from([Buffer.from(content)]) });
}

export async function voterApp(rt: Runtime): Promise<FastifyInstance> {
  const app = await buildServer(rt, { routes: [subscriptionsRoutes], logger: false });
  await app.ready();
  return app;
}

/** The service-message jobs enqueued so far (pg-boss), oldest first. */
export async function serviceMessageJobs(rt: Runtime): Promise<Array<{ subscriptionId: string; kind: string; channel: string; reason?: string }>> {
  const { rows } = await rt.db.pool.query<{ data: { subscriptionId: string; kind: string; channel: string; reason?: string } }>(
    "SELECT data FROM pgboss.job WHERE name = 'service-message' ORDER BY created_on, id");
  return rows.map((r) => r.data);
}
