import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { AppError } from '../errors.ts';
import { keyCoversCounty, requireApiKey } from '../auth/api-keys.ts';
import { actorFromApiKey } from '../elections/actor.ts';
import { approveHeldRun, discardHeldRun, getIngestRun, ingestBallotBatch, listIngestRuns, type BallotJsonRow } from './ingest.ts';
import { getBallotView } from './ballots.service.ts';

/**
 * JSON API of ballot-status ingestion (docs/feeds/ballots.md): the batch endpoint for
 * integrations (a key writes only its counties' ballots), ingest runs, and the state's
 * decision on held ingests.
 */
const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { basic: [] }];
const MAX_BATCH = 5000;

const errorSchema = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } } } } } as const;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const str = { type: ['string', 'null'] } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

const reportSchema = {
  type: 'object',
  description: 'The run report: counts, events by kind, unknown codes, the hold summary when held, and the first rejects',
  properties: {
    runId: { type: 'integer' }, status: { type: 'string', enum: ['done', 'held', 'approved'] }, source: { type: 'string' },
    sha256: str, mode: { type: 'string' }, durationMs: { type: 'number' },
    counts: anyObject, eventsByKind: anyObject, unknownCodes: anyObject,
    hold: { type: ['object', 'null'], additionalProperties: true },
    rejects: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, reason: { type: 'string' } } } },
  },
} as const;

export async function ballotsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const anyKey = requireApiKey(rt.db.pool);
  const stateKey = requireApiKey(rt.db.pool, { scope: 'state' });

  app.post<{ Body: { rows: BallotJsonRow[] } }>('/api/v1/ballot-statuses', {
    preHandler: anyKey,
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: ['ballots'], security: SECURITY,
      summary: `Ingest a batch of ballot statuses (at most ${MAX_BATCH} rows); every row must be of a county the key covers`,
      description: 'Same rules as the file feed (docs/feeds/ballots.md). 200 when applied, 202 when the guardrail held it for a state admin. Bad rows are rejected by row number (1-based); the rest is applied.',
      body: {
        type: 'object', required: ['rows'], additionalProperties: false,
        properties: {
          rows: {
            type: 'array', maxItems: MAX_BATCH,
            items: {
              type: 'object', additionalProperties: false,
              properties: {
                voterId: str, electionId: str, ballotId: str, countyCode: str, statusCode: str,
                statusDate: { type: ['string', 'null'], description: 'YYYY-MM-DD or an ISO 8601 timestamp' },
                issuedDate: str, sentDate: str, reasonText: str, cureDeadline: str,
              },
            },
          },
        },
      },
      response: { 200: reportSchema, 202: reportSchema, ...errors },
    },
  }, async (req, reply) => {
    const key = req.apiKey!;
    const r = await ingestBallotBatch(rt, req.body.rows, { actor: actorFromApiKey(key), source: `api:${key.id}` });
    return reply.status(r.status === 'held' ? 202 : 200).send({
      runId: r.runId, status: r.status, source: r.source, sha256: r.sha256, mode: r.mode, durationMs: Math.round(r.durationMs),
      counts: r.counts, eventsByKind: r.eventsByKind, unknownCodes: r.unknownCodes, hold: r.hold,
      rejects: r.sampleRejects.map((x) => ({ row: x.line, reason: x.reason })),
    });
  });

  app.get<{ Querystring: { held?: boolean; limit?: number } }>('/api/v1/ingest/runs', {
    preHandler: anyKey,
    schema: {
      tags: ['ballots'], summary: "Ballot ingest runs, newest first (a county key sees its counties' snapshot runs and its own batches)", security: SECURITY,
      querystring: { type: 'object', properties: { held: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 500 } } },
      response: { 200: { type: 'object', properties: { runs: { type: 'array', items: anyObject } } }, ...errors },
    },
  }, async (req) => {
    const key = req.apiKey!;
    const runs = await listIngestRuns(rt, { held: req.query.held ?? false, limit: req.query.limit ?? 50 });
    return { runs: runs.filter((r) => key.scope === 'state' || r.source === `api:${key.id}` || (r.county_code !== null && keyCoversCounty(key, r.county_code))) };
  });

  app.get<{ Params: { runId: number } }>('/api/v1/ingest/runs/:runId', {
    preHandler: anyKey,
    schema: {
      tags: ['ballots'], summary: 'One ballot ingest run: counts, events by kind, hold summary and decision, rejects', security: SECURITY,
      params: { type: 'object', properties: { runId: { type: 'integer' } } },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    const key = req.apiKey!;
    const view = await getIngestRun(rt, req.params.runId);
    const mine = key.scope === 'state' || view.run.source === `api:${key.id}` || (view.run.county_code !== null && keyCoversCounty(key, view.run.county_code));
    if (!mine) throw new AppError(404, 'run_not_found', `no ballot ingest run ${req.params.runId}`);
    return view;
  });

  const decision = { type: 'object', required: ['by', 'reason'], additionalProperties: false, properties: { by: { type: 'string', minLength: 1, maxLength: 200, description: 'the state admin deciding' }, reason: { type: 'string', minLength: 1, maxLength: 2000 } } } as const;

  app.post<{ Params: { runId: number }; Body: { by: string; reason: string } }>('/api/v1/ingest/runs/:runId/approve', {
    preHandler: stateKey,
    schema: {
      tags: ['ballots'], summary: 'Approve a held ingest (state key): exactly its rows are applied, events appended and planning enqueued', security: SECURITY,
      params: { type: 'object', properties: { runId: { type: 'integer' } } }, body: decision,
      response: { 200: reportSchema, ...errors },
    },
  }, async (req) => {
    const r = await approveHeldRun(rt, req.params.runId, actorFromApiKey(req.apiKey!, req.body.by), req.body.reason);
    return { runId: r.runId, status: r.status, source: r.source, sha256: r.sha256, mode: r.mode, durationMs: Math.round(r.durationMs), counts: r.counts, eventsByKind: r.eventsByKind, unknownCodes: r.unknownCodes, hold: null, rejects: r.sampleRejects.map((x) => ({ row: x.line, reason: x.reason })) };
  });

  app.post<{ Params: { runId: number }; Body: { by: string; reason: string } }>('/api/v1/ingest/runs/:runId/discard', {
    preHandler: stateKey,
    schema: {
      tags: ['ballots'], summary: 'Discard a held ingest (state key): nothing of it is ever applied', security: SECURITY,
      params: { type: 'object', properties: { runId: { type: 'integer' } } }, body: decision,
      response: { 200: { type: 'object', properties: { runId: { type: 'integer' }, status: { type: 'string' } } }, ...errors },
    },
  }, async (req) => {
    await discardHeldRun(rt, req.params.runId, actorFromApiKey(req.apiKey!, req.body.by), req.body.reason);
    return { runId: req.params.runId, status: 'discarded' };
  });

  app.get<{ Params: { electionId: string; ballotId: string } }>('/api/v1/elections/:electionId/ballots/:ballotId', {
    preHandler: anyKey,
    schema: {
      tags: ['ballots'], summary: 'A ballot: current status, full status history and its events (key of its county, or state)', security: SECURITY,
      params: { type: 'object', properties: { electionId: { type: 'string' }, ballotId: { type: 'string' } } },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    const view = await getBallotView(rt, req.params.electionId, req.params.ballotId);
    if (!keyCoversCounty(req.apiKey!, view.ballot.county_code)) throw new AppError(404, 'ballot_not_found', `no ballot ${req.params.ballotId} in election ${req.params.electionId}`);
    return view;
  });
}
