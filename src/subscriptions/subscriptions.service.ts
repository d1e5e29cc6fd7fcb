/**
 * Voter sign-up, log-in, preferences and opt-out (DESIGN §2.1–2.2): the service the JSON API
 * and the portal both call. It owns its transactions and returns discriminated results whose
 * codes messages.ts translates; it never throws for anything a voter can cause.
 *
 * Sign-up of a voter who already has a live subscription changes nothing: it opens a session
 * and answers `already_subscribed`, so the page can show the current preferences (a sign-up
 * form must not be a way to overwrite someone's contacts without seeing them).
 *
 * See docs/subscriptions.md for the API as the portal uses it.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Queryable } from '../db/pool.ts';
import type { Runtime } from '../runtime.ts';
import { appSecret } from '../auth/secret.ts';
import { QUEUES, type Queue } from '../queue.ts';
import { isLanguage, type Channel, type ConsentSource, type Language } from '../persisted.ts';
import { matchIdentity, parseIdentity, type IdentityInput, type ParsedIdentity } from './matching.ts';
import { DEFAULT_HOURS, maskAddress, parsePreferences, planChannelChanges, type ChannelChange, type ConsentPolicy } from './preferences.ts';
import { countsAsFailure, throttleDecision, throttleKeys, type ThrottleKeys } from './throttle.ts';
import { forgive, recordClientFailure, releaseAttempt } from './throttle.repository.ts';
import { lookupIdentity } from './identity.repository.ts';
import * as repo from './subscriptions.repository.ts';
import * as sessions from './sessions.repository.ts';
import { hashSessionToken, newSessionToken } from './session-cookie.ts';
import { optOut } from './consent.service.ts';
import type {
  Account, ClientInfo, IdentityFailure, LogInResult, PreferencesInput, SessionToken,
  SignUpInput, SignUpResult, UpdateResult, VoterActionSource, VoterSession,
} from './subscriptions.types.ts';

export type * from './subscriptions.types.ts';
export { optOut, optOutByAddress, optInByAddress, type ConsentChange } from './consent.service.ts';
export { listVoterBallots } from './my-ballots.repository.ts';
export { applyRegistryChanges } from './registry-changes.repository.ts';

// ---------------------------------------------------------------- identity

type Identified = { kind: 'matched'; voterId: string; countyCode: string; registryLanguage: string | null; keys: ThrottleKeys };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the state's zone: the bound of a date of birth. */
function todayInState(rt: Runtime): string {
  const zone = rt.profile.timeZone;
  let f = dayFormats.get(zone);
  if (!f) dayFormats.set(zone, f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return f.format(rt.clock.now());
}

function windowMs(rt: Runtime): number {
  return rt.config.signupThrottle.windowMinutes * 60_000;
}

/**
 * Throttle, look up and match one identity (see throttle.ts): one round trip reserves the
 * attempt and reads the counters, the candidates and the do-not-contact status of `addresses`
 * (and counts the client's failure when nothing matched: a miss is one round trip).
 */
async function identify(rt: Runtime, identity: ParsedIdentity, client: ClientInfo, addresses: readonly string[] = []): Promise<{ result: Identified | IdentityFailure; doNotContact: Set<string> }> {
  const now = rt.clock.now();
  const keys = throttleKeys(await appSecret(rt.config), client.ip, identity.lastKey, identity.zip5);
  const found = await lookupIdentity(rt.db.pool, { keys, now, windowMs: windowMs(rt), identity, addresses });
  const decision = throttleDecision(found.counters, keys, { ...rt.config.signupThrottle, windowMs: windowMs(rt) }, now);
  if (decision.throttled) {
    await releaseAttempt(rt.db.pool, keys, found.clientFailureCounted);
    return { result: { kind: 'throttled', retryAfter: decision.retryAfter }, doNotContact: found.doNotContact };
  }
  const outcome = matchIdentity(identity, found.candidates);
  if (outcome.kind === 'matched') {
    const language = found.candidates.find((c) => c.voterId === outcome.voterId)?.language ?? null;
    return { result: { kind: 'matched', voterId: outcome.voterId, countyCode: outcome.countyCode, registryLanguage: language, keys }, doNotContact: found.doNotContact };
  }
  if (countsAsFailure(outcome.kind)) {
    if (!found.clientFailureCounted) await recordClientFailure(rt.db.pool, keys, now, windowMs(rt));
  } else {
    await forgive(rt.db.pool, keys); // twins or a non-active record: the identity was right
  }
  return { result: { kind: outcome.kind }, doNotContact: found.doNotContact };
}

// ---------------------------------------------------------------- sign-up and log-in

/**
 * Signs a voter up: validates identity and preferences together (every field error at once),
 * throttles, matches, and in one transaction creates the subscription, its channels (consent
 * per newChannelState), the consent log, one confirmation job per sms/email channel and a session.
 */
export async function signUp(rt: Runtime, input: SignUpInput, client: ClientInfo): Promise<SignUpResult> {
  const identity = parseIdentity(input.identity, todayInState(rt));
  const prefs = parsePreferences(input.preferences, { requireChannel: true });
  if (!identity.ok || !prefs.ok) {
    return { kind: 'invalid', fieldErrors: [...(identity.ok ? [] : identity.errors), ...(prefs.ok ? [] : prefs.errors)] };
  }
  const requested = prefs.prefs.channels;
  const addresses = Object.values(requested).filter((a): a is string => typeof a === 'string');
  const boss = await rt.queue();
  const { result, doNotContact: blocked } = await identify(rt, identity.identity, client, addresses);
  if (result.kind !== 'matched') return result;

  const source: ConsentSource = input.source ?? 'web';
  const actor = input.actor ?? 'voter';
  const now = rt.clock.now();
  const p = prefs.prefs;
  const language: Language = p.language ?? input.uiLanguage ?? (isLanguage(result.registryLanguage) ? result.registryLanguage : 'en');
  const { changes, notices } = planChannelChanges([], requested, (_c, a) => blocked.has(a), consentPolicy(rt));
  const adds = changes.filter((c) => c.op === 'add');
  const session = newSession(rt);
  return rt.db.tx(async (tx) => {
    const created = await repo.createSubscription(tx, {
      voterId: result.voterId, countyCode: result.countyCode, language, timeZone: p.timeZone ?? rt.profile.timeZone,
      hoursStart: (p.hours ?? DEFAULT_HOURS).start, hoursEnd: (p.hours ?? DEFAULT_HOURS).end, source, actor, at: now,
      channels: adds.map((c) => ({ channel: c.channel, address: c.address, consent: c.consent, needsYes: c.needsYes, details: channelEventDetails(c) })),
      session: { tokenHash: session.tokenHash, expiresAt: session.expiresAt, maxExpiresAt: session.maxExpiresAt },
      forgive: result.keys,
    });
    const token = { token: session.token, expiresAt: session.expiresAt };
    if (created === null) return { kind: 'already_subscribed', session: token, account: (await readAccount(tx, result.voterId))! };
    const subscription = created.subscription!;
    // A voice-only sign-up gets no confirmation (none by voice), but its voice job still plans the
    // current status of the voter's ballots (DESIGN §3: "we send the current status at sign-up").
    const confirm = adds.filter((c) => c.confirm).map((c) => c.channel);
    const voiceOnly = confirm.length === 0 && adds.some((c) => c.channel === 'voice' && c.consent === 'active');
    await enqueueConfirmations(boss, tx, subscription.id, voiceOnly ? ['voice'] : confirm);
    return { kind: 'signed_up', session: token, account: toAccount(created), notices };
  });
}

/** Logs a voter in with the same identity (and throttle) as sign-up; opens a session when they have a live subscription. */
export async function logIn(rt: Runtime, identityInput: IdentityInput, client: ClientInfo): Promise<LogInResult> {
  const identity = parseIdentity(identityInput, todayInState(rt));
  if (!identity.ok) return { kind: 'invalid', fieldErrors: identity.errors };
  const { result } = await identify(rt, identity.identity, client);
  if (result.kind !== 'matched') return result;
  const [account] = await Promise.all([readAccount(rt.db.pool, result.voterId), forgive(rt.db.pool, result.keys)]);
  if (!account?.subscription) return { kind: 'not_subscribed' };
  return { kind: 'logged_in', session: await createSession(rt, result.voterId), account };
}

// ---------------------------------------------------------------- sessions

/** A new session's token, its hash and expiries (idle, and absolute). Nothing stored yet. */
function newSession(rt: Runtime): { token: string; tokenHash: string; expiresAt: Date; maxExpiresAt: Date } {
  const now = rt.clock.now().getTime();
  const token = newSessionToken();
  const maxExpiresAt = new Date(now + rt.config.voterSession.maxHours * 3_600_000);
  const idle = new Date(now + rt.config.voterSession.idleMinutes * 60_000);
  return { token, tokenHash: hashSessionToken(token), expiresAt: idle < maxExpiresAt ? idle : maxExpiresAt, maxExpiresAt };
}

/** Opens a session for a voter; returns the token (shown once; only its hash is stored). */
export async function createSession(rt: Runtime, voterId: string, db: Queryable = rt.db.pool): Promise<SessionToken> {
  const s = newSession(rt);
  await sessions.insertSession(db, { tokenHash: s.tokenHash, voterId, at: rt.clock.now(), expiresAt: s.expiresAt, maxExpiresAt: s.maxExpiresAt });
  return { token: s.token, expiresAt: s.expiresAt };
}

/**
 * The live session of a token, or null (unknown, ended, expired, or the voter has since become
 * confidential or been removed). Use slides the idle expiry forward, never past the absolute
 * limit; it is written only once half the idle time has passed, not on every request.
 */
export async function verifySession(rt: Runtime, token: string): Promise<VoterSession | null> {
  if (token.length === 0 || token.length > 100) return null;
  const now = rt.clock.now();
  const tokenHash = hashSessionToken(token);
  const row = await sessions.findLiveSession(rt.db.pool, tokenHash, now);
  if (!row) return null;
  const idleMs = rt.config.voterSession.idleMinutes * 60_000;
  let expiresAt = row.expires_at;
  if (expiresAt.getTime() - now.getTime() < idleMs / 2 && expiresAt < row.max_expires_at) {
    const wanted = new Date(Math.min(now.getTime() + idleMs, row.max_expires_at.getTime()));
    await sessions.extendSession(rt.db.pool, tokenHash, wanted);
    expiresAt = wanted;
  }
  return { voterId: row.voter_id, tokenHash, expiresAt };
}

/** Logs out: ends the session of a token. False when it was not live. */
export async function endSession(rt: Runtime, token: string): Promise<boolean> {
  return sessions.endSessionByHash(rt.db.pool, hashSessionToken(token), rt.clock.now());
}

// ---------------------------------------------------------------- account and preferences

/** The voter's name, county, preferences and channels (addresses masked); null when the voter is no longer visible. */
export async function getAccount(rt: Runtime, session: VoterSession): Promise<Account | null> {
  return readAccount(rt.db.pool, session.voterId);
}

async function readAccount(db: Queryable, voterId: string): Promise<Account | null> {
  const row = await repo.getAccountRow(db, voterId);
  return row ? toAccount(row) : null;
}

function toAccount(row: repo.AccountRow): Account {
  const s = row.subscription;
  return {
    voter: { firstName: row.first_name, lastName: row.last_name, countyCode: row.county_code, countyName: row.county_name },
    subscription: s === null || s.state === 'ended' ? null : {
      id: Number(s.id), state: s.state, language: s.language, timeZone: s.time_zone, hours: { start: s.hours_start, end: s.hours_end },
      source: s.source, createdAt: new Date(s.created_at),
      channels: s.channels.map((c) => ({
        channel: c.channel, address: maskAddress(c.channel, c.address), consent: c.consent, needsYes: c.needs_yes, yesConfirmed: c.yes_confirmed_at !== null,
      })),
    },
  };
}

/**
 * Changes the live subscription's language, hours, time zone and channels. A channel set to an
 * address is turned on (new or changed address: consent starts over and a confirmation goes
 * out; same address that was opted out or undeliverable: turned back on); set to null it is
 * turned off (opt-out, logged). Absent fields stay as they are. Turning every channel off is
 * allowed — the Colorado FAQ's way to opt out — and keeps the subscription (and its settings)
 * so the voter can turn one back on; `optOutVoter(…, 'all')` ends it instead.
 */
export async function updatePreferences(rt: Runtime, session: VoterSession, input: PreferencesInput, source: VoterActionSource = 'web', actor = 'voter'): Promise<UpdateResult> {
  const boss = await rt.queue();
  const now = rt.clock.now();
  return rt.db.tx(async (tx) => {
    const sub = await repo.getLiveSubscription(tx, session.voterId, true);
    if (!sub) return { kind: 'not_subscribed' };
    const channels = await repo.getChannels(tx, sub.id);
    const voiceOn = channels.some((c) => c.channel === 'voice' && c.consent !== 'opted_out');
    const parsed = parsePreferences(input, { requireChannel: false, currentHours: { start: sub.hours_start, end: sub.hours_end }, voiceOn });
    if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.errors };
    const p = parsed.prefs;
    const addresses = Object.values(p.channels).filter((a): a is string => typeof a === 'string');
    const blocked = await repo.doNotContact(tx, addresses);
    const { changes, notices } = planChannelChanges(repo.toExisting(channels), p.channels, (_c, a) => blocked.has(a), consentPolicy(rt));
    await repo.updateSubscriptionSettings(tx, sub.id, {
      language: p.language ?? sub.language, timeZone: p.timeZone ?? sub.time_zone,
      hoursStart: p.hours?.start ?? sub.hours_start, hoursEnd: p.hours?.end ?? sub.hours_end, at: now,
    });
    await applyChannelChanges(tx, boss, sub.id, session.voterId, changes, source, actor, now);
    return { kind: 'updated', account: (await readAccount(tx, session.voterId))!, notices };
  });
}

/** The portal's and API's opt-out: one channel, or 'all' (every channel off and the subscription ended). */
export async function optOutVoter(rt: Runtime, session: VoterSession, channel: Channel | 'all', source: VoterActionSource = 'web', actor = 'voter'): Promise<Account | null> {
  return rt.db.tx(async (tx) => {
    const sub = await repo.getLiveSubscription(tx, session.voterId, true);
    if (sub) await optOut(tx, sub.id, channel, source, actor, rt.clock.now());
    return readAccount(tx, session.voterId);
  });
}

function consentPolicy(rt: Runtime): ConsentPolicy {
  return { smsNeedsYes: rt.profile.enrolment.smsNeedsYes };
}

/** Writes channel changes, their consent events, and a confirmation job per changed sms/email channel. */
async function applyChannelChanges(tx: pg.PoolClient, boss: Queue, subscriptionId: number, voterId: string, changes: readonly ChannelChange[], source: ConsentSource, actor: string, at: Date): Promise<void> {
  const events: repo.ConsentEvent[] = [];
  const confirm: Channel[] = [];
  for (const c of changes) {
    if (c.op === 'opt_out') {
      await optOut(tx, subscriptionId, c.channel, source, actor, at);
      continue;
    }
    await repo.upsertChannel(tx, subscriptionId, { channel: c.channel, address: c.address, consent: c.consent, needsYes: c.needsYes, at });
    events.push({ subscriptionId, voterId, channel: c.channel, fromState: c.op === 'add' ? null : c.from.consent, toState: c.consent, source, actor, at, details: channelEventDetails(c) });
    if (c.confirm) confirm.push(c.channel);
  }
  await repo.insertConsentEvents(tx, events);
  await enqueueConfirmations(boss, tx, subscriptionId, confirm);
}

/** What the consent log keeps about a channel turned on: the address (the record of consent) and why. */
function channelEventDetails(c: Exclude<ChannelChange, { op: 'opt_out' }>): Record<string, unknown> {
  return {
    op: c.op, address: c.address,
    ...(c.op === 'change_address' ? { previousAddress: c.from.address } : {}),
    ...(c.consent === 'opted_out' ? { doNotContact: true } : {}),
    ...(c.needsYes ? { needsYes: true } : {}),
  };
}

/**
 * One `service-message` confirmation job per channel, in the caller's transaction (they exist
 * if and only if the change commits). One INSERT for all of them (pg-boss `insert` with the
 * transaction's connection: the same guarantee as `sendInTx`, one round trip).
 */
async function enqueueConfirmations(boss: Queue, tx: pg.PoolClient, subscriptionId: number | string, channels: readonly Channel[]): Promise<void> {
  if (channels.length === 0) return;
  await boss.insert(QUEUES.serviceMessage, channels.map((channel) => ({ data: { subscriptionId: String(subscriptionId), kind: 'confirmation', channel } })),
    { db: { executeSql: (text: string, values?: unknown[]) => tx.query({ name: preparedName(text), text, values: values ?? [] }) } });
}

const preparedNames = new Map<string, string>();

/**
 * A stable prepared-statement name for a statement pg-boss generates: its insert is long and
 * always the same text for a queue, so preparing it once per connection saves the server a
 * parse and plan on every sign-up.
 */
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) {
    name = `pgboss-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    if (preparedNames.size < 100) preparedNames.set(text, name);
  }
  return name;
}
