/**
 * `ballotline import subscriptions FILE`: carries subscriptions over from a previous system
 * (docs/feeds/subscriptions.md). Same shape as the voter import: stream → validate each row →
 * COPY into staging → set-based merge, all in one transaction; every bad line is rejected with
 * its number and reason (CSV report + import_rejects), every good line loads; the run is
 * recorded with the file's SHA-256 and its counts. Memory is flat at any file size.
 */
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import type { Database } from '../db/pool.ts';
import type { JurisdictionProfile } from '../profiles/profile.ts';
import type { Clock } from '../clock.ts';
import { copyLine, csvRecords, type CsvRecord } from '../feeds/csv.ts';
import type { RejectsSink, Reject } from '../feeds/rejects.ts';
import { stageRows, type StagingCopy } from '../feeds/staging-copy.ts';
import { finishRun, insertRejects, startRun } from '../feeds/runs.repository.ts';
import { resolveSubscriptionHeader, validateSubscriptionRow, type HeaderIndex, type SubscriptionImportRow } from './subscriptions-import-row.ts';
import * as repo from './subscriptions-import.repository.ts';

export interface ImportSubscriptionsDeps { db: Database; profile: JurisdictionProfile; clock: Clock; dataDir: string }

export interface ImportSubscriptionsOptions {
  /** A path, or '-' with `input` for standard input. */
  source: string;
  input?: Readable;
  /** Default `<dataDir>/rejects/subscriptions-run-<id>.csv`. */
  rejectsPath?: string;
}

export interface ImportSubscriptionsReport {
  runId: number;
  source: string;
  sha256: string;
  rows: number;
  imported: number;
  /** Of the imported, those created suspended (the voter is not ACTIVE). */
  suspended: number;
  /** Voters who already had a live subscription here: left as they are. */
  alreadySubscribed: number;
  /** Channels that came in opted out because their address is on the do-not-contact list. */
  doNotContact: number;
  rejected: number;
  durationMs: number;
  rejectsFile: string | null;
  sampleRejects: Reject[];
}

export async function importSubscriptions(deps: ImportSubscriptionsDeps, options: ImportSubscriptionsOptions): Promise<ImportSubscriptionsReport> {
  const started = performance.now();
  const input = options.input ?? createReadStream(options.source);
  const sourceName = options.source === '-' ? 'stdin' : basename(options.source);
  const runId = await startRun(deps.db.pool, { kind: 'subscriptions', source: sourceName, mode: 'carry_over', countyCode: null });
  const rejectsPath = options.rejectsPath ?? join(deps.dataDir, 'rejects', `subscriptions-run-${runId}.csv`);
  const { batches, sha256 } = csvRecords(input);
  try {
    return await deps.db.tx(async (client) => {
      await client.query("SET LOCAL statement_timeout = '30min'");
      await repo.createSubscriptionStaging(client);
      const { result: rows, sink } = await stageRows(client, repo.SUBSCRIPTION_STAGING_COPY,
        { path: rejectsPath, write: (batch) => insertRejects(client, runId, batch) },
        (staging, sink) => streamRows(batches, staging, sink));
      await repo.indexStaging(client);
      for (const r of await repo.rejectDuplicateVoters(client)) await sink.add(r);
      for (const r of await repo.rejectUnknownVoters(client)) await sink.add(r);
      const valid = await repo.countStaged(client);
      const merged = await repo.mergeSubscriptions(client, { runId, now: deps.clock.now(), timeZone: deps.profile.timeZone, smsNeedsYes: deps.profile.enrolment.smsNeedsYes });
      await sink.close();
      const counts = { rows, imported: merged.imported, suspended: merged.suspended, alreadySubscribed: valid - merged.imported, doNotContact: merged.doNotContact, rejected: sink.count };
      const durationMs = performance.now() - started;
      await finishRun(client, runId, { status: 'done', sha256: sha256(), counts, durationMs });
      return { runId, source: sourceName, sha256: sha256(), ...counts, durationMs, rejectsFile: sink.count > 0 ? rejectsPath : null, sampleRejects: sink.sample };
    });
  } catch (err) {
    await finishRun(deps.db.pool, runId, { status: 'failed', sha256: null, counts: {}, durationMs: performance.now() - started, error: (err as Error).message }).catch(() => undefined);
    input.destroy();
    throw err;
  }
}

async function streamRows(batches: AsyncIterable<CsvRecord[]>, staging: StagingCopy, sink: RejectsSink): Promise<number> {
  let header: HeaderIndex | null = null;
  let rows = 0;
  let buffer = '';
  for await (const batch of batches) {
    for (const { line, fields } of batch) {
      if (header === null) {
        const h = resolveSubscriptionHeader(fields);
        if ('error' in h) throw new AppError(400, 'file_header', h.error);
        header = h;
        continue;
      }
      rows++;
      const r = validateSubscriptionRow(fields, header);
      if (!r.ok) {
        await sink.add({ line, reason: r.reason });
        continue;
      }
      buffer += stagingLine(line, r.row);
    }
    await staging.write(buffer);
    buffer = '';
  }
  if (header === null) throw new AppError(400, 'file_empty', 'the file is empty: no header line');
  return rows;
}

function stagingLine(line: number, r: SubscriptionImportRow): string {
  const ch = (c: 'sms' | 'email' | 'voice') => r.channels.find((x) => x.channel === c);
  return copyLine([line, r.voterId, r.language, r.hoursStart, r.hoursEnd, r.timeZone, r.consentedAt, r.smsYesConfirmedAt, r.sourceSystem,
    ch('sms')?.address ?? null, ch('sms')?.consent ?? null, ch('email')?.address ?? null, ch('email')?.consent ?? null,
    ch('voice')?.address ?? null, ch('voice')?.consent ?? null]);
}
