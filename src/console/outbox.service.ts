/**
 * What the built-in outbox provider holds (notifications' `outbox` table), for the console's
 * outbox viewer: filtered by voter, kind, language and channel, and limited to the voters of
 * the member's counties (an entry without a voter — a reply to an unknown number — is the
 * state's). Reading it is recorded in the audit log: the entries are messages to voters.
 */
import type { Queryable } from '../db/pool.ts';
import type { Channel, Language, MessageKind } from '../persisted.ts';
import { audit, type RequestContext } from './audit.ts';
import { countyScope, type Staff } from './roles.ts';

export interface OutboxQuery {
  voterId?: string;
  kind?: MessageKind;
  language?: Language;
  channel?: Channel;
  /** Entries older than this id (next page). */
  beforeId?: number;
  /** Default 50, at most 200. */
  limit?: number;
}

export interface OutboxView {
  id: number;
  messageId: number;
  channel: Channel;
  address: string;
  voterId: string | null;
  countyCode: string | null;
  kind: MessageKind;
  language: Language;
  subject: string | null;
  body: string;
  createdAt: Date;
}

/** Entries the member may see, newest first; the read is audited. */
export async function outboxFor(db: Queryable, staff: Staff & { readonly request?: RequestContext }, q: OutboxQuery): Promise<OutboxView[]> {
  const scope = countyScope(staff);
  const { rows } = await db.query<{ id: string; message_id: string; channel: Channel; address: string; voter_id: string | null; county_code: string | null; kind: MessageKind; language: Language; subject: string | null; body: string; created_at: Date }>(
    `SELECT o.id, o.message_id, o.channel, o.address, o.voter_id, v.county_code, o.kind, o.language, o.subject, o.body, o.created_at
     FROM outbox o LEFT JOIN voters v ON v.voter_id = o.voter_id
     WHERE ($1::text[] IS NULL OR v.county_code = ANY($1))
       AND ($2::text IS NULL OR o.voter_id = $2) AND ($3::text IS NULL OR o.kind = $3)
       AND ($4::text IS NULL OR o.language = $4) AND ($5::text IS NULL OR o.channel = $5)
       AND ($6::bigint IS NULL OR o.id < $6)
     ORDER BY o.id DESC LIMIT $7`,
    [scope, q.voterId ?? null, q.kind ?? null, q.language ?? null, q.channel ?? null, q.beforeId ?? null, Math.min(Math.max(q.limit ?? 50, 1), 200)]);
  await audit(db, {
    actor: staff, action: 'outbox.viewed', ...(q.voterId ? { voterId: q.voterId } : {}), countyCodes: scope ?? [],
    details: { filter: { voterId: q.voterId ?? null, kind: q.kind ?? null, language: q.language ?? null, channel: q.channel ?? null }, entries: rows.length },
  });
  return rows.map((r) => ({
    id: Number(r.id), messageId: Number(r.message_id), channel: r.channel, address: r.address, voterId: r.voter_id, countyCode: r.county_code,
    kind: r.kind, language: r.language, subject: r.subject, body: r.body, createdAt: r.created_at,
  }));
}
