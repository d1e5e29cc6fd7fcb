/**
 * Throttling the identity oracle (DESIGN §2.1). Name, date of birth and ZIP are semi-public,
 * so sign-up and log-in tell whoever asks whether a date of birth is right. Failed attempts
 * are counted in PostgreSQL (shared by every web process) under three keys:
 *
 *   client  — the requester's IP address: slows one machine guessing across many voters;
 *   nameZip — (normalised last name, ZIP): slows guessing one voter's date of birth from many
 *             machines. 5 per 15 minutes leaves ~36,500 possible birthdays needing months;
 *   pair    — (client, last name, ZIP): only bookkeeping for forgiveness, never a limit.
 *
 * A failure is an answer that gives the guesser nothing: `no_match` and `voter_id_mismatch`.
 * Every other outcome (a match, twins, a non-active record) means the name, DOB and ZIP were
 * right; the guessing is over either way. Invalid input never reaches the database and is
 * not counted.
 *
 * Windows are fixed, opening at the first failure: once a key reaches its limit, attempts are
 * refused until the window closes ("try again after HH:MM"), then counting starts over.
 *
 * No check-then-act race: each attempt first reserves its place under the name/ZIP (and pair)
 * key in one atomic upsert and is judged on the count before it, so a thousand parallel
 * guesses at one voter get the same five tries as sequential ones. A reservation becomes the
 * failure when the attempt fails, is given back when it is refused, and is forgiven (below)
 * when it succeeds. The client key is checked and counted after the fact: it is shared by
 * every request from one address, and a burst from one machine is bounded by the name/ZIP
 * key anyway.
 *
 * Honest voters are not penalised: when an attempt succeeds, the failures this client made on
 * the same last name and ZIP (the pair counter) are the voter's own typos of first name or
 * DOB; they are forgiven — taken off both the client and the nameZip counters. Failures from
 * other clients on that name and ZIP stay (they may be someone else guessing), and a
 * guesser gains nothing by succeeding on their own identity: only failures on that identity
 * are forgiven. The price: a voter whose name and ZIP are being attacked waits for the
 * window like the attacker; that is the limit doing its job.
 *
 * Keys are HMACs under the app secret, so the table holds no names, ZIPs or addresses.
 */
import { createHmac } from 'node:crypto';

export interface ThrottleLimits {
  maxFailuresPerClient: number;
  maxFailuresPerNameZip: number;
  windowMs: number;
}

export interface ThrottleKeys { client: string; nameZip: string; pair: string }

export interface ThrottleCounter { key: string; windowStart: Date; failures: number }

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAfter: Date };

const mac = (secret: string, s: string): string => createHmac('sha256', secret).update(s).digest('base64url').slice(0, 32);

export function throttleKeys(secret: string, clientIp: string, lastKey: string, zip5: string): ThrottleKeys {
  const nz = `${lastKey}\u0000${zip5}`;
  return {
    client: `c:${mac(secret, `client\u0000${clientIp}`)}`,
    nameZip: `n:${mac(secret, `namezip\u0000${nz}`)}`,
    pair: `p:${mac(secret, `pair\u0000${clientIp}\u0000${nz}`)}`,
  };
}

/** Refuses the attempt when the client or the name/ZIP has used up its failures in a window still open. */
export function throttleDecision(counters: readonly ThrottleCounter[], keys: ThrottleKeys, limits: ThrottleLimits, now: Date): ThrottleDecision {
  let until = 0;
  for (const c of counters) {
    const limit = c.key === keys.client ? limits.maxFailuresPerClient : c.key === keys.nameZip ? limits.maxFailuresPerNameZip : Infinity;
    const closes = c.windowStart.getTime() + limits.windowMs;
    if (c.failures >= limit && closes > now.getTime()) until = Math.max(until, closes);
  }
  return until > 0 ? { throttled: true, retryAfter: new Date(until) } : { throttled: false };
}

/** The match outcomes counted as failures (see above). */
export function countsAsFailure(outcome: string): boolean {
  return outcome === 'no_match' || outcome === 'voter_id_mismatch';
}
