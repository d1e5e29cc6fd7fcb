import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { AppError } from '../errors.ts';
import type { Channel, Language } from '../persisted.ts';
import { fieldMessageKey, formatRetryTime, negotiateLanguage, profileMessageParams, voterMessage, type MessageKey } from './messages.ts';
import { parseLanguage } from './preferences.ts';
import {
  endSession, getAccount, listVoterBallots, logIn, optOutVoter, signUp, updatePreferences, verifySession,
  type Account, type ChannelNotice, type IdentityFailure, type PreferencesInput, type VoterSession,
} from './subscriptions.service.ts';

/**
 * The voter JSON API (DESIGN §2.1–2.2), documented at /docs under the tag 'voter':
 *
 *   POST   /api/v1/signup              identity + preferences → session (201) or already subscribed (200)
 *   POST   /api/v1/session             log-in with the identity → session
 *   DELETE /api/v1/session             log-out
 *   GET    /api/v1/me                  name, county, preferences, channels (addresses masked)
 *   PATCH  /api/v1/me/preferences      language, hours, time zone, channels
 *   POST   /api/v1/me/opt-out          one channel, or 'all'
 *   GET    /api/v1/me/ballots          the voter's ballots per election
 *
 * Sessions travel as `Authorization: Bearer <token>` (never a cookie here: a cookie-authenticated
 * JSON API would need CSRF protection; the portal has its own pages). Errors are
 * `{error:{code,message,details?}}`; `message` is in the request's language: the body's
 * `language` when valid, else Accept-Language, else English.
 */

const TAGS = ['voter'];
const BEARER = [{ bearer: [] }];

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' }, message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
            retryAfter: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  },
} as const;

const identityOutcomes = 'Error codes: `invalid` (400, details.fields: every field error with its own code and message), `no_match`, `voter_id_needed`, `voter_id_mismatch`, `inactive`, `cancelled`, `pending` (422), `throttled` (429, Retry-After and details.retryAfter).';

const text = (max: number, description?: string) => ({ type: 'string', maxLength: max, ...(description ? { description } : {}) }) as const;
const nullableText = (max: number, description: string) => ({ type: ['string', 'null'], maxLength: max, description }) as const;

const identityProperties = {
  firstName: text(1000, 'First name exactly as registered (no nicknames)'),
  lastName: text(1000),
  dob: text(100, 'Date of birth, MM-DD-YYYY'),
  zip: text(100, 'ZIP code of the residential address (overseas voters: the in-state one)'),
  voterId: text(100, 'Voter ID, only when asked for it (voter_id_needed)'),
} as const;

const preferencesProperties = {
  language: text(35, 'Message language: en, es, zh-Hant, hi, ja, km, ko, tl, th, vi'),
  channels: {
    type: 'object', additionalProperties: false,
    description: 'An address turns a channel on; null turns it off; absent leaves it as it is',
    properties: {
      email: nullableText(320, 'Email address'),
      sms: nullableText(64, 'Mobile number for texts (US, or +country code)'),
      voice: nullableText(64, 'Phone number for voice calls (US, or +country code)'),
    },
  },
  hours: {
    type: 'object', additionalProperties: false, required: ['start', 'end'],
    description: 'Notification hours, HH:MM 24-hour clock; default 08:00–20:00',
    properties: { start: text(10), end: text(10) },
  },
  timeZone: text(64, "IANA time zone of the hours; default the state's"),
} as const;

const accountSchema = {
  type: 'object',
  properties: {
    voter: { type: 'object', properties: { firstName: { type: 'string' }, lastName: { type: 'string' }, countyCode: { type: 'string' }, countyName: { type: 'string' } } },
    subscription: {
      type: ['object', 'null'],
      properties: {
        id: { type: 'integer' }, state: { type: 'string', enum: ['active', 'suspended'] }, language: { type: 'string' }, timeZone: { type: 'string' },
        hours: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
        source: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' },
        channels: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              channel: { type: 'string', enum: ['sms', 'email', 'voice'] }, address: { type: 'string', description: 'masked' },
              consent: { type: 'string', enum: ['pending', 'active', 'opted_out', 'undeliverable'] },
              needsYes: { type: 'boolean' }, yesConfirmed: { type: 'boolean' },
            },
          },
        },
      },
    },
  },
} as const;

const noticesSchema = { type: 'array', items: { type: 'object', properties: { channel: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } } as const;

const sessionResponse = {
  type: 'object',
  properties: {
    outcome: { type: 'string' }, message: { type: 'string' },
    token: { type: 'string', description: 'Bearer token for the /api/v1/me endpoints' },
    expiresAt: { type: 'string', format: 'date-time', description: 'Idle expiry; use extends it' },
    account: accountSchema, notices: noticesSchema,
  },
} as const;

type IdentityBody = { firstName?: string; lastName?: string; dob?: string; zip?: string; voterId?: string };
type SignUpBody = IdentityBody & PreferencesInput;

export async function subscriptionsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const params = profileMessageParams(rt.profile);
  const say = (lang: Language, key: MessageKey, extra: Record<string, string> = {}): string => voterMessage(lang, key, { ...params, ...extra });

  function failure(reply: FastifyReply, lang: Language, f: IdentityFailure | { kind: 'not_subscribed' }): FastifyReply {
    switch (f.kind) {
      case 'invalid':
        return reply.status(400).send({ error: { code: 'invalid', message: say(lang, 'invalid'), details: { fields: f.fieldErrors.map((e) => ({ ...e, message: say(lang, fieldMessageKey(e)) })) } } });
      case 'throttled': {
        const now = rt.clock.now();
        reply.header('retry-after', String(Math.max(1, Math.ceil((f.retryAfter.getTime() - now.getTime()) / 1000))));
        const time = formatRetryTime(lang, f.retryAfter, now, rt.profile.timeZone);
        return reply.status(429).send({ error: { code: 'throttled', message: say(lang, 'throttled', { time }), details: { retryAfter: f.retryAfter.toISOString() } } });
      }
      case 'not_subscribed':
        return reply.status(404).send({ error: { code: 'not_subscribed', message: say(lang, 'not_subscribed') } });
      default:
        return reply.status(422).send({ error: { code: f.kind, message: say(lang, f.kind) } });
    }
  }

  const notices = (lang: Language, list: readonly ChannelNotice[]) => list.map((n) => ({ ...n, message: say(lang, `do_not_contact_${n.channel}` as MessageKey) }));

  /** Requires `Authorization: Bearer <token>` of a live session. */
  const requireSession = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const session = token ? await verifySession(rt, token) : null;
    if (!session) {
      reply.header('www-authenticate', 'Bearer realm="ballotline"');
      throw new AppError(401, 'session_required', say(requestLanguage(req), 'session_required'));
    }
    sessions.set(req, { session, token });
  };
  const sessions = new WeakMap<FastifyRequest, { session: VoterSession; token: string }>();
  const sessionOf = (req: FastifyRequest) => sessions.get(req)!;

  app.post<{ Body: SignUpBody }>('/api/v1/signup', {
    schema: {
      tags: TAGS, summary: 'Sign up for ballot notifications: identity and preferences',
      description: `Matches the identity against the voter registry (throttled), then creates the subscription, its channels, the confirmations (text and email; none for voice) and a session. A voter who is already subscribed gets a session and \`already_subscribed\` (200): nothing is changed. Channels whose address asked not to be contacted stay off and are listed in \`notices\`. ${identityOutcomes}`,
      body: { type: 'object', additionalProperties: false, properties: { ...identityProperties, ...preferencesProperties } },
      response: { 200: sessionResponse, 201: sessionResponse, 400: errorSchema, 422: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const b = req.body ?? {};
    const lang = requestLanguage(req, b.language);
    const uiLanguage = negotiateLanguage(req.headers['accept-language']);
    const r = await signUp(rt, {
      identity: identityOf(b),
      preferences: { ...(b.language !== undefined ? { language: b.language } : {}), ...(b.channels ? { channels: b.channels } : {}), ...(b.hours ? { hours: b.hours } : {}), ...(b.timeZone !== undefined ? { timeZone: b.timeZone } : {}) },
      ...(uiLanguage ? { uiLanguage } : {}),
      source: 'api', actor: 'voter',
    }, { ip: req.ip });
    if (r.kind === 'signed_up') return reply.status(201).send({ outcome: r.kind, message: say(lang, 'signed_up'), token: r.session.token, expiresAt: r.session.expiresAt.toISOString(), account: accountJson(r.account), notices: notices(lang, r.notices) });
    if (r.kind === 'already_subscribed') return reply.status(200).send({ outcome: r.kind, message: say(lang, 'already_subscribed'), token: r.session.token, expiresAt: r.session.expiresAt.toISOString(), account: accountJson(r.account), notices: [] });
    return failure(reply, lang, r);
  });

  app.post<{ Body: IdentityBody & { language?: string } }>('/api/v1/session', {
    schema: {
      tags: TAGS, summary: 'Log in with the identity; returns a bearer token',
      description: `Same identity, matching and throttle as sign-up. \`not_subscribed\` (404) when the voter has no live subscription: sign up instead. ${identityOutcomes}`,
      body: { type: 'object', additionalProperties: false, properties: { ...identityProperties, language: text(35, 'Language of the answer') } },
      response: { 200: sessionResponse, 400: errorSchema, 404: errorSchema, 422: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    const b = req.body ?? {};
    const lang = requestLanguage(req, b.language);
    const r = await logIn(rt, identityOf(b), { ip: req.ip });
    if (r.kind === 'logged_in') return { outcome: r.kind, token: r.session.token, expiresAt: r.session.expiresAt.toISOString(), account: accountJson(r.account), notices: [] };
    return failure(reply, lang, r);
  });

  app.delete('/api/v1/session', {
    preHandler: requireSession,
    schema: { tags: TAGS, security: BEARER, summary: 'Log out (ends the session)', response: { 204: { type: 'null' }, 401: errorSchema } },
  }, async (req, reply) => {
    await endSession(rt, sessionOf(req).token);
    return reply.status(204).send();
  });

  app.get('/api/v1/me', {
    preHandler: requireSession,
    schema: { tags: TAGS, security: BEARER, summary: "The voter's name, county, preferences and channels (addresses masked)", response: { 200: accountSchema, 401: errorSchema } },
  }, async (req) => {
    const account = await getAccount(rt, sessionOf(req).session);
    if (!account) throw new AppError(401, 'session_required', say(requestLanguage(req), 'session_required'));
    return accountJson(account);
  });

  app.patch<{ Body: PreferencesInput }>('/api/v1/me/preferences', {
    preHandler: requireSession,
    schema: {
      tags: TAGS, security: BEARER, summary: 'Change language, hours, time zone or channels',
      description: 'Absent fields stay as they are. A new or changed sms/email address gets a confirmation. Error codes: `invalid` (400), `not_subscribed` (404).',
      body: { type: 'object', additionalProperties: false, properties: preferencesProperties },
      response: { 200: { type: 'object', properties: { account: accountSchema, notices: noticesSchema } }, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const lang = requestLanguage(req, req.body?.language);
    const r = await updatePreferences(rt, sessionOf(req).session, req.body ?? {}, 'api', 'voter');
    if (r.kind === 'updated') return { account: accountJson(r.account), notices: notices(lang, r.notices) };
    return failure(reply, lang, r);
  });

  app.post<{ Body: { channel: Channel | 'all' } }>('/api/v1/me/opt-out', {
    preHandler: requireSession,
    schema: {
      tags: TAGS, security: BEARER, summary: "Opt out of one channel, or of everything ('all' ends the subscription)",
      body: { type: 'object', required: ['channel'], additionalProperties: false, properties: { channel: { type: 'string', enum: ['sms', 'email', 'voice', 'all'] } } },
      response: { 200: accountSchema, 401: errorSchema },
    },
  }, async (req) => {
    const account = await optOutVoter(rt, sessionOf(req).session, req.body.channel, 'api', 'voter');
    if (!account) throw new AppError(401, 'session_required', say(requestLanguage(req), 'session_required'));
    return accountJson(account);
  });

  app.get('/api/v1/me/ballots', {
    preHandler: requireSession,
    schema: {
      tags: TAGS, security: BEARER, summary: "The voter's mail ballots per election, newest first, with their current status",
      response: {
        200: {
          type: 'object',
          properties: {
            elections: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  electionId: { type: 'string' }, electionName: { type: 'string' }, electionDate: { type: 'string', format: 'date' },
                  ballots: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        ballotId: { type: 'string' }, statusCode: { type: ['string', 'null'] }, statusDate: { type: ['string', 'null'], format: 'date-time' },
                        issuedDate: { type: ['string', 'null'] }, sentDate: { type: ['string', 'null'] }, cureDeadline: { type: ['string', 'null'] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        401: errorSchema,
      },
    },
  }, async (req) => {
    const elections = await listVoterBallots(rt.db.pool, sessionOf(req).session.voterId);
    return { elections: elections.map((e) => ({ ...e, ballots: e.ballots.map((b) => ({ ...b, statusDate: b.statusDate?.toISOString() ?? null })) })) };
  });
}

function identityOf(b: IdentityBody): { firstName: string; lastName: string; dob: string; zip: string; voterId?: string } {
  return { firstName: b.firstName ?? '', lastName: b.lastName ?? '', dob: b.dob ?? '', zip: b.zip ?? '', ...(b.voterId ? { voterId: b.voterId } : {}) };
}

/** The body's language when it is one of the ten, else Accept-Language, else English. */
function requestLanguage(req: FastifyRequest, bodyLanguage?: string): Language {
  return (bodyLanguage !== undefined ? parseLanguage(bodyLanguage) : null) ?? negotiateLanguage(req.headers['accept-language']) ?? 'en';
}

function accountJson(a: Account): unknown {
  return { ...a, subscription: a.subscription && { ...a.subscription, createdAt: a.subscription.createdAt.toISOString() } };
}
