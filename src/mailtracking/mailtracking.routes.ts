import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { AppError } from '../errors.ts';
import { keyCoversCounty, requireApiKey } from '../auth/api-keys.ts';
import { MAX_PUSH_EVENTS, pushScans, type IvScanEvent } from './scans.service.ts';
import { ballotTimeline } from './timeline.service.ts';

const nullableString = { type: ['string', 'null'], maxLength: 200 } as const;

const pushBody = {
  type: 'object',
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      maxItems: MAX_PUSH_EVENTS,
      description: 'IV-MTR piece events. Each is checked on its own: a bad one is rejected with its position, the others load.',
      items: {
        type: 'object',
        properties: {
          imb: { type: 'string', maxLength: 80, description: '20-digit tracking code followed by the routing code (0, 5, 9 or 11 digits)' },
          scanDatetime: { type: 'string', maxLength: 40, description: 'ISO 8601; without an offset it is the facility\'s local time' },
          scanEventCode: { type: 'string', maxLength: 16, description: 'USPS operation code' },
          scanFacilityZip: nullableString,
          scanFacilityCity: nullableString,
          scanFacilityState: nullableString,
          handlingEventType: nullableString,
          mailPhase: nullableString,
          imbRoutingCode: nullableString,
        },
      },
    },
  },
} as const;

const countsProperties = {
  runId: { type: 'integer' },
  received: { type: 'integer' },
  stored: { type: 'integer', description: 'new scans kept' },
  duplicates: { type: 'integer', description: 'scans already received (same IMB, time and event code)' },
  matched: { type: 'integer', description: 'new scans matched to a ballot envelope' },
  waiting: { type: 'integer', description: 'new scans whose IMB no tracking file has named yet; matched when one does' },
  rejected: { type: 'integer' },
  outOfScope: { type: 'integer', description: 'rejected: envelopes of counties this key may not write' },
  outboundEvents: { type: 'integer' },
  inboundEvents: { type: 'integer' },
  rejects: { type: 'array', items: { type: 'object', properties: { event: { type: 'integer' }, reason: { type: 'string' } } } },
} as const;

const errorResponse = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } as const;

/** HTTP routes of the mailtracking domain: the IV-MTR push endpoint and ballot timelines for integrations. */
export async function mailtrackingRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  app.post<{ Body: { events: Array<Partial<IvScanEvent>> } }>('/api/v1/mailtracking/scans', {
    preHandler: requireApiKey(rt.db.pool),
    bodyLimit: 8 * 1024 * 1024,
    config: { rateLimit: { max: 3000, timeWindow: '1 minute' } },
    schema: {
      tags: ['mail tracking'],
      summary: 'USPS Informed Visibility (IV-MTR) push of piece scans',
      description: 'HTTP Basic auth with an integration API key (user = key id, password = secret). Idempotent per IMB, scan time and event code. A county key\'s scans only apply to ballots of its counties.',
      security: [{ basic: [] }, { apiKey: [] }],
      body: pushBody,
      response: { 200: { type: 'object', properties: countsProperties }, 401: errorResponse },
    },
  }, async (request) => pushScans(rt, request.apiKey!, request.body.events.map(asEvent)));

  app.get<{ Params: { electionId: string; ballotId: string } }>('/api/v1/mailtracking/timeline/:electionId/:ballotId', {
    preHandler: requireApiKey(rt.db.pool),
    schema: {
      tags: ['mail tracking'],
      summary: "A ballot's timeline: issued, mailed, USPS scans, received, decided",
      description: 'Entries carry stable keys and data for rendering in any language (docs/mailtracking.md).',
      security: [{ basic: [] }, { apiKey: [] }],
      params: { type: 'object', properties: { electionId: { type: 'string', maxLength: 64 }, ballotId: { type: 'string', maxLength: 64 } } },
    },
  }, async (request) => {
    const timeline = await ballotTimeline(rt.db.pool, request.params.electionId, request.params.ballotId, { timeZone: rt.profile.timeZone });
    // A ballot of a county the key may not read looks like an unknown one.
    if (timeline === null || !keyCoversCounty(request.apiKey!, timeline.countyCode)) throw new AppError(404, 'ballot_not_found', 'no such ballot');
    return timeline;
  });
}

/** Missing required fields become empty strings, which validation rejects with a reason per event. */
function asEvent(e: Partial<IvScanEvent>): IvScanEvent {
  return { ...e, imb: e.imb ?? '', scanDatetime: e.scanDatetime ?? '', scanEventCode: e.scanEventCode ?? '' };
}
