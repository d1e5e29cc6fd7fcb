import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Queryable } from '../db/pool.ts';

/**
 * Integration API keys: `<id>.<secret>`, sent as `x-api-key: <id>.<secret>` or as HTTP Basic
 * (user = id, password = secret). Stored as SHA-256 of the secret (the secret is 32 random
 * bytes, so a slow hash adds nothing). A 'state' key may act for every county; a 'county'
 * key only for its counties.
 */
export interface ApiKey { id: string; name: string; scope: 'state' | 'county'; countyCodes: string[] }

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export async function createApiKey(db: Queryable, input: { name: string; scope: 'state' | 'county'; countyCodes?: string[]; createdBy?: string }): Promise<{ key: ApiKey; token: string }> {
  const countyCodes = input.scope === 'state' ? [] : [...new Set(input.countyCodes ?? [])].sort();
  if (input.scope === 'county' && countyCodes.length === 0) throw new AppError(400, 'key_needs_county', 'a county key needs at least one county');
  if (countyCodes.length > 0) {
    const known = (await db.query<{ code: string }>('SELECT code FROM counties WHERE code = ANY($1)', [countyCodes])).rows.map((r) => r.code);
    const unknown = countyCodes.filter((c) => !known.includes(c));
    if (unknown.length > 0) throw new AppError(400, 'unknown_county', `unknown county ${unknown.join(', ')}`);
  }
  const id = `key_${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO integration_keys (id, name, secret_sha256, scope, county_codes, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, input.name, sha256(secret), input.scope, countyCodes, input.createdBy ?? null]);
  return { key: { id, name: input.name, scope: input.scope, countyCodes }, token: `${id}.${secret}` };
}

export async function revokeApiKey(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('UPDATE integration_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return (r.rowCount ?? 0) > 0;
}

export async function listApiKeys(db: Queryable): Promise<Array<ApiKey & { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>> {
  const { rows } = await db.query('SELECT id, name, scope, county_codes, created_at, last_used_at, revoked_at FROM integration_keys ORDER BY created_at');
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, countyCodes: r.county_codes, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/** Checks `<id>.<secret>`; returns the key or null (unknown, revoked or wrong secret: indistinguishable). */
export async function verifyApiKey(db: Queryable, token: string): Promise<ApiKey | null> {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  const { rows } = await db.query<{ id: string; name: string; scope: 'state' | 'county'; county_codes: string[]; secret_sha256: string }>(
    'SELECT id, name, scope, county_codes, secret_sha256 FROM integration_keys WHERE id = $1 AND revoked_at IS NULL', [id]);
  const row = rows[0];
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(row?.secret_sha256 ?? '0'.repeat(64), 'hex');
  if (!row || !timingSafeEqual(given, stored)) return null;
  await db.query('UPDATE integration_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval \'1 minute\')', [id]);
  return { id: row.id, name: row.name, scope: row.scope, countyCodes: row.county_codes };
}

/** True when the key may act for `countyCode`. */
export function keyCoversCounty(key: ApiKey, countyCode: string): boolean {
  return key.scope === 'state' || key.countyCodes.includes(countyCode);
}

/** Reads the key from `x-api-key` or HTTP Basic auth. */
export function apiKeyToken(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return `${decoded.slice(0, colon)}.${decoded.slice(colon + 1)}`;
  }
  return null;
}

declare module 'fastify' {
  interface FastifyRequest { apiKey?: ApiKey }
}

/**
 * Fastify preHandler: requires a valid key (401 otherwise, with a Basic challenge) and, with
 * `scope: 'state'`, a state key (403 for a county key). County checks on the data itself are
 * the route's, with `keyCoversCounty`.
 */
export function requireApiKey(db: Queryable, options: { scope?: 'state' | 'any' } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = apiKeyToken(request);
    const key = token ? await verifyApiKey(db, token) : null;
    if (!key) {
      reply.header('www-authenticate', 'Basic realm="ballotline"');
      throw new AppError(401, 'unauthorized', 'a valid API key is required');
    }
    if (options.scope === 'state' && key.scope !== 'state') throw new AppError(403, 'forbidden', 'this needs a state key');
    request.apiKey = key;
  };
}
