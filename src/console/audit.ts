/**
 * The audit trail (DESIGN "Standards"): who saw or changed voter data, and every sign-in,
 * with when and from where. The table is append-only (050_console_staff_audit.sql refuses
 * UPDATE, DELETE and TRUNCATE). Write entries in the same transaction as the change they
 * describe, so that a change without its entry cannot exist:
 *
 *   await rt.db.tx(async (client) => {
 *     const before = await getPreferences(client, voterId);
 *     const after = await setPreferences(client, voterId, input);
 *     await auditVoterChange(client, staff, voterId, 'preferences', before, after);
 *   });
 *
 * Details never hold secrets: keys that name one (password, secret, token, code, …) are
 * replaced by '[redacted]' whatever the caller passes.
 */
import type { Queryable } from '../db/pool.ts';
import { AppError } from '../errors.ts';
import type { AuditAction, Role } from '../persisted.ts';
import type { Staff } from './roles.ts';

/** When and from where a request came (the preHandler fills it from the request and rt.wallClock). */
export interface RequestContext {
  readonly at: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Someone who is not a signed-in staff member: the CLI operator, an anonymous sign-in attempt, an API key. */
export interface AuditActor {
  readonly id: number | null;
  readonly label: string;
  readonly role: Role | null;
}

export const CLI_ACTOR: AuditActor = Object.freeze({ id: null, label: 'cli', role: null });
export const ANONYMOUS_ACTOR: AuditActor = Object.freeze({ id: null, label: 'anonymous', role: null });

/** A staff member, possibly with the request they act in (then `at`, `ip` and `userAgent` default from it). */
export type AuditWho = (Staff & { readonly request?: RequestContext }) | AuditActor;

export interface AuditInput {
  readonly actor: AuditWho;
  readonly action: AuditAction;
  readonly voterId?: string | null;
  /** The county the entry concerns; with a voterId and no county, the voter's county is looked up. */
  readonly countyCode?: string | null;
  /** Several counties (e.g. a staff account covering two). */
  readonly countyCodes?: readonly string[];
  /** The staff account acted on (staff management). */
  readonly targetUserId?: number | null;
  readonly details?: Record<string, unknown>;
  /** Defaults: the actor's request; the database's clock only when neither is given. */
  readonly at?: Date;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

const SECRET_KEY = /(password|secret|token|cookie|authorization)|^(code|otp|totp|totpCode)$/i;
const MAX_DETAILS_CHARS = 8000;

/** A copy of `value` in which every property named like a secret is '[redacted]'. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

/**
 * The fields that differ between two versions of a record, as `{ field: { from, to } }`;
 * only `fields` when given. Secret fields appear as changed but '[redacted]'.
 */
export function changeSummary(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields?: readonly string[]): Record<string, { from: unknown; to: unknown }> {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of keys) {
    const from = before?.[k] ?? null;
    const to = after?.[k] ?? null;
    const same = SECRET_KEY.test(k) ? from === to : JSON.stringify(redact(from)) === JSON.stringify(redact(to));
    if (same) continue;
    out[k] = SECRET_KEY.test(k) ? { from: '[redacted]', to: '[redacted]' } : { from: redact(from), to: redact(to) };
  }
  return out;
}

function detailsJson(details: Record<string, unknown> | undefined): string {
  const json = JSON.stringify(redact(details ?? {}));
  return json.length <= MAX_DETAILS_CHARS ? json : JSON.stringify({ truncated: true, preview: json.slice(0, MAX_DETAILS_CHARS) });
}

const isStaff = (who: AuditWho): who is Staff & { request?: RequestContext } => 'email' in who;

/** Appends one entry; returns its id. */
export async function audit(db: Queryable, entry: AuditInput): Promise<number> {
  const who = entry.actor;
  const staff = isStaff(who) ? who : null;
  const request = staff?.request;
  const counties = [...new Set([...(entry.countyCodes ?? []), ...(entry.countyCode ? [entry.countyCode] : [])])].sort();
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO audit_log (at, actor_id, actor_label, actor_role, action, voter_id, county_codes, target_user_id, details, ip, user_agent)
     VALUES (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6::text,
             CASE WHEN cardinality($7::text[]) = 0 AND $6::text IS NOT NULL
                  THEN ARRAY(SELECT county_code FROM voters WHERE voter_id = $6::text) ELSE $7::text[] END,
             $8, $9::jsonb, $10, $11)
     RETURNING id`,
    [
      entry.at ?? request?.at ?? null,
      staff ? staff.id : (who as AuditActor).id,
      staff ? staff.email : (who as AuditActor).label,
      who.role,
      entry.action,
      entry.voterId ?? null,
      counties,
      entry.targetUserId ?? null,
      detailsJson(entry.details),
      entry.ip !== undefined ? entry.ip : (request?.ip ?? null),
      truncate(entry.userAgent !== undefined ? entry.userAgent : (request?.userAgent ?? null), 400),
    ]);
  return rows[0]!.id;
}

/** Records that `staff` saw a voter's data; `what` names it ('record', 'ballots', 'messages', 'subscription', …). */
export function auditVoterView(db: Queryable, staff: Staff & { readonly request?: RequestContext }, voterId: string, what: string): Promise<number> {
  return audit(db, { actor: staff, action: 'voter.viewed', voterId, details: { what } });
}

/** Records that `staff` changed a voter's data, with the changed fields before and after. */
export function auditVoterChange(db: Queryable, staff: Staff & { readonly request?: RequestContext }, voterId: string, what: string,
  before: Record<string, unknown> | null, after: Record<string, unknown> | null): Promise<number> {
  return audit(db, { actor: staff, action: 'voter.changed', voterId, details: { what, changes: changeSummary(before, after) } });
}

export interface AuditFilter {
  readonly actorId?: number;
  readonly voterId?: string;
  readonly countyCode?: string;
  /** An action ('login.failed'), or a prefix ending in '.' ('login.') for a family. */
  readonly action?: string;
  /** Inclusive lower bound of `at`. */
  readonly from?: Date;
  /** Exclusive upper bound of `at`. */
  readonly to?: Date;
  /** Entries older than this id (the next page: pass the last id of the previous one). */
  readonly beforeId?: number;
  /** Default 100, at most 500. */
  readonly limit?: number;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: { id: number | null; label: string; role: Role | null };
  action: string;
  voterId: string | null;
  countyCodes: string[];
  targetUserId: number | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

interface AuditRow {
  id: number; at: Date; actor_id: number | null; actor_label: string; actor_role: Role | null; action: string;
  voter_id: string | null; county_codes: string[]; target_user_id: number | null; details: Record<string, unknown>;
  ip: string | null; user_agent: string | null;
}

/**
 * Entries matching `filter`, newest first, limited to `scope` (null: every entry; a county
 * list: entries concerning at least one of those counties). A filter on a county outside the
 * scope is refused rather than silently emptied.
 */
export async function queryAudit(db: Queryable, filter: AuditFilter, scope: readonly string[] | null): Promise<AuditEntry[]> {
  if (scope !== null && filter.countyCode !== undefined && !scope.includes(filter.countyCode)) {
    throw new AppError(403, 'county_forbidden', `you may not see entries of county ${filter.countyCode}`);
  }
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
  const family = filter.action?.endsWith('.') ? `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, actor_id, actor_label, actor_role, action, voter_id, county_codes, target_user_id, details, ip, user_agent
       FROM audit_log
      WHERE ($1::bigint IS NULL OR actor_id = $1)
        AND ($2::text IS NULL OR voter_id = $2)
        AND ($3::text IS NULL OR county_codes @> ARRAY[$3::text])
        AND ($4::text IS NULL OR ($5::text IS NULL AND action = $4) OR action LIKE $5)
        AND ($6::timestamptz IS NULL OR at >= $6)
        AND ($7::timestamptz IS NULL OR at < $7)
        AND ($8::bigint IS NULL OR id < $8)
        AND ($9::text[] IS NULL OR county_codes && $9::text[])
      ORDER BY id DESC
      LIMIT $10`,
    [filter.actorId ?? null, filter.voterId ?? null, filter.countyCode ?? null, filter.action ?? null, family,
      filter.from ?? null, filter.to ?? null, filter.beforeId ?? null, scope === null ? null : [...scope], limit]);
  return rows.map((r) => ({
    id: r.id, at: r.at, actor: { id: r.actor_id, label: r.actor_label, role: r.actor_role }, action: r.action,
    voterId: r.voter_id, countyCodes: r.county_codes, targetUserId: r.target_user_id, details: r.details,
    ip: r.ip, userAgent: r.user_agent,
  }));
}

function truncate(s: string | null, max: number): string | null {
  return s === null ? null : s.length <= max ? s : s.slice(0, max);
}
