import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { requireApiKey } from '../auth/api-keys.ts';
import { ELECTION_KINDS, IMB_USES, type ElectionKind, type ImbUse } from '../persisted.ts';
import { actorFromApiKey, type Actor } from './actor.ts';
import * as svc from './elections.service.ts';

/**
 * JSON API of elections, county participation and county contacts (docs/elections.md).
 * Integration API keys: a state key creates elections and may act for any county (and
 * override the 90-day rule); a county key acts only for its own counties.
 */
const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { basic: [] }];
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });

const electionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, date: { type: 'string', format: 'date' },
    kind: { type: 'string', enum: [...ELECTION_KINDS] },
    trackingDaysBefore: { type: 'integer' }, trackingDaysAfter: { type: 'integer' },
    createdBy: nullable('string'), createdAt: { type: 'string', format: 'date-time' },
    optInDeadline: nullable('string', { description: 'special/local: last day to opt in without a state override' }),
    participatingCounties: { type: 'integer' },
  },
} as const;

const participationSchema = {
  type: 'object',
  properties: {
    countyCode: { type: 'string' }, countyName: { type: 'string' }, participating: { type: 'boolean' },
    trackingStart: nullable('string'), imbUse: { type: 'string', enum: [...IMB_USES] },
    lateOverrideReason: nullable('string'), decidedBy: nullable('string'), decidedAt: nullable('string', { format: 'date-time' }),
    window: {
      type: ['object', 'null'],
      properties: { opensAt: { type: 'string', format: 'date-time' }, closesAt: { type: 'string', format: 'date-time' } },
    },
  },
} as const;

const contactsSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' }, name: { type: 'string' }, phone: nullable('string'), email: nullable('string'),
    website: nullable('string'), address: nullable('string'), cureInstructions: nullable('string'),
  },
} as const;

const errorSchema = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } } } } } as const;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const countyParams = {
  type: 'object', required: ['electionId', 'countyCode'],
  properties: { electionId: { type: 'string', maxLength: 32 }, countyCode: { type: 'string', maxLength: 8 } },
} as const;
const byField = { by: { type: 'string', maxLength: 200, description: 'the person acting, recorded with the key id' } } as const;

type CountyParams = { electionId: string; countyCode: string };
const actorOf = (req: FastifyRequest, by?: string): Actor => actorFromApiKey(req.apiKey!, by);

export async function electionsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const anyKey = requireApiKey(rt.db.pool);
  const stateKey = requireApiKey(rt.db.pool, { scope: 'state' });

  app.get<{ Querystring: { upcoming?: boolean } }>('/api/v1/elections', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], summary: 'List elections', security: SECURITY,
      querystring: { type: 'object', properties: { upcoming: { type: 'boolean', description: 'only elections whose tracking window has not closed' } } },
      response: { 200: { type: 'object', properties: { elections: { type: 'array', items: electionSchema } } }, ...errors },
    },
  }, async (req) => ({ elections: await svc.listElections(rt, { upcoming: req.query.upcoming ?? false }) }));

  app.post<{ Body: { id: string; name: string; date: string; kind: ElectionKind; trackingDaysBefore?: number; trackingDaysAfter?: number; by?: string } }>('/api/v1/elections', {
    preHandler: stateKey,
    schema: {
      tags: ['elections'], summary: 'Create an election (state key). Statewide: every county takes part unless it opts out.', security: SECURITY,
      body: {
        type: 'object', required: ['id', 'name', 'date', 'kind'], additionalProperties: false,
        properties: {
          id: { type: 'string', description: "the state's election code, e.g. G2026" }, name: { type: 'string' },
          date: { type: 'string', description: 'election day, YYYY-MM-DD' }, kind: { type: 'string', enum: [...ELECTION_KINDS] },
          trackingDaysBefore: { type: 'integer', minimum: 0, maximum: 120, description: 'default 29 (E-29)' },
          trackingDaysAfter: { type: 'integer', minimum: 0, maximum: 120, description: 'default 30 (E+30)' },
          ...byField,
        },
      },
      response: { 201: electionSchema, ...errors },
    },
  }, async (req, reply) => {
    const { by, ...input } = req.body;
    return reply.status(201).send(await svc.createElection(rt, input, actorOf(req, by)));
  });

  app.get<{ Params: { electionId: string } }>('/api/v1/elections/:electionId', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], summary: "An election and every county's participation", security: SECURITY,
      params: { type: 'object', properties: { electionId: { type: 'string' } } },
      response: { 200: { type: 'object', properties: { election: electionSchema, counties: { type: 'array', items: participationSchema } } }, ...errors },
    },
  }, async (req) => svc.getParticipation(rt, req.params.electionId));

  const countyAction = (path: string, summary: string, action: (req: FastifyRequest<{ Params: CountyParams; Body: { by?: string } | undefined }>) => Promise<svc.CountyParticipation>) =>
    app.post<{ Params: CountyParams; Body: { by?: string } | undefined }>(`/api/v1/elections/:electionId/counties/:countyCode/${path}`, {
      preHandler: anyKey,
      schema: {
        tags: ['elections'], summary, security: SECURITY, params: countyParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { ...byField } },
        response: { 200: participationSchema, ...errors },
      },
    }, action);

  countyAction('opt-out', 'A county opts out of a statewide election (its own key, or a state key)',
    (req) => svc.optOutOfStatewide(rt, req.params, actorOf(req, req.body?.by)));
  countyAction('rejoin', 'A county that opted out of a statewide election takes part again',
    (req) => svc.rejoinStatewide(rt, req.params, actorOf(req, req.body?.by)));
  countyAction('withdraw', 'A county withdraws from a special or local election',
    (req) => svc.withdrawFromLocal(rt, req.params, actorOf(req, req.body?.by)));

  app.post<{ Params: CountyParams; Body: { imbUse: ImbUse; trackingStart?: string | null; overrideReason?: string; by?: string } }>('/api/v1/elections/:electionId/counties/:countyCode/opt-in', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], security: SECURITY, params: countyParams,
      summary: 'A county opts in to a special or local election, at least 90 days before election day (409 opt_in_too_late otherwise; a state key may override with a reason)',
      body: {
        type: 'object', required: ['imbUse'], additionalProperties: false,
        properties: {
          imbUse: { type: 'string', enum: [...IMB_USES] },
          trackingStart: { type: ['string', 'null'], description: 'YYYY-MM-DD the messages start; default E-29' },
          overrideReason: { type: 'string', minLength: 1, maxLength: 1000, description: 'state key only: let a late opt-in through, and why' },
          ...byField,
        },
      },
      response: { 200: participationSchema, ...errors },
    },
  }, async (req) => svc.optInToLocal(rt, {
    ...req.params, imbUse: req.body.imbUse, trackingStart: req.body.trackingStart ?? null,
    override: req.body.overrideReason ? { reason: req.body.overrideReason } : null,
  }, actorOf(req, req.body.by)));

  app.patch<{ Params: CountyParams; Body: { imbUse?: ImbUse; trackingStart?: string | null; by?: string } }>('/api/v1/elections/:electionId/counties/:countyCode', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], summary: "A participating county changes the day tracking turns on or its IMB use", security: SECURITY, params: countyParams,
      body: {
        type: 'object', additionalProperties: false,
        properties: { imbUse: { type: 'string', enum: [...IMB_USES] }, trackingStart: { type: ['string', 'null'] }, ...byField },
      },
      response: { 200: participationSchema, ...errors },
    },
  }, async (req) => {
    const { by, ...options } = req.body;
    return svc.setParticipationOptions(rt, { ...req.params, ...options }, actorOf(req, by));
  });

  app.get<{ Params: { countyCode: string } }>('/api/v1/counties/:countyCode/contacts', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], summary: "A county's contact details and cure instructions", security: SECURITY,
      params: { type: 'object', properties: { countyCode: { type: 'string' } } },
      response: { 200: contactsSchema, ...errors },
    },
  }, async (req) => svc.getCountyContacts(rt, req.params.countyCode));

  app.patch<{ Params: { countyCode: string }; Body: Record<string, unknown> }>('/api/v1/counties/:countyCode/contacts', {
    preHandler: anyKey,
    schema: {
      tags: ['elections'], security: SECURITY,
      summary: "Set a county's contact details and cure instructions (its own key, or a state key); null or '' clears a field",
      params: { type: 'object', properties: { countyCode: { type: 'string' } } },
      body: {
        type: 'object', additionalProperties: false,
        properties: {
          phone: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, website: { type: ['string', 'null'] },
          address: { type: ['string', 'null'] }, cureInstructions: { type: ['string', 'null'] }, ...byField,
        },
      },
      response: { 200: contactsSchema, ...errors },
    },
  }, async (req) => {
    const { by, ...patch } = req.body;
    return svc.setCountyContacts(rt, req.params.countyCode, patch, actorOf(req, by as string | undefined));
  });
}
