import type { Queryable } from '../db/pool.ts';
import type { ElectionKind, ImbUse } from '../persisted.ts';
import type { ValidElection } from './participation.ts';

/** SQL of elections, county participation and county contacts (schema 020). */

export interface ElectionRow {
  id: string;
  name: string;
  election_date: string;
  kind: ElectionKind;
  tracking_days_before: number;
  tracking_days_after: number;
  created_by: string | null;
  created_at: Date;
}

export interface ParticipationRow {
  election_id: string;
  county_code: string;
  county_name: string;
  /** NULL when the county has no row (special/local: never opted in). */
  participating: boolean | null;
  tracking_start: string | null;
  imb_use: ImbUse | null;
  late_override_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

/** Inserts the election; false when the id is taken. */
export async function insertElection(db: Queryable, e: ValidElection, createdBy: string): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO elections (id, name, election_date, kind, tracking_days_before, tracking_days_after, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
    [e.id, e.name, e.date, e.kind, e.trackingDaysBefore, e.trackingDaysAfter, createdBy]);
  return (r.rowCount ?? 0) === 1;
}

/** Statewide: one participating row per county of the deployment. */
export async function insertAllCountiesParticipating(db: Queryable, electionId: string, decidedBy: string): Promise<number> {
  const r = await db.query(
    `INSERT INTO county_participation (election_id, county_code, participating, decided_by)
     SELECT $1, code, true, $2 FROM counties ON CONFLICT DO NOTHING`, [electionId, decidedBy]);
  return r.rowCount ?? 0;
}

export async function getElection(db: Queryable, id: string): Promise<ElectionRow | null> {
  return (await db.query<ElectionRow>('SELECT * FROM elections WHERE id = $1', [id])).rows[0] ?? null;
}

export async function listElections(db: Queryable, filter: { onOrAfter?: string | null } = {}): Promise<Array<ElectionRow & { participating_counties: number }>> {
  return (await db.query<ElectionRow & { participating_counties: number }>(
    `SELECT e.*, (SELECT count(*)::int FROM county_participation p WHERE p.election_id = e.id AND p.participating) AS participating_counties
     FROM elections e WHERE ($1::date IS NULL OR e.election_date >= $1) ORDER BY e.election_date, e.id`,
    [filter.onOrAfter ?? null])).rows;
}

/** Every county of the deployment with its participation in the election (NULLs where it has no row). */
export async function listParticipation(db: Queryable, electionId: string): Promise<ParticipationRow[]> {
  return (await db.query<ParticipationRow>(
    `SELECT $1::text AS election_id, c.code AS county_code, c.name AS county_name, p.participating, p.tracking_start,
            p.imb_use, p.late_override_reason, p.decided_by, p.decided_at
     FROM counties c LEFT JOIN county_participation p ON p.election_id = $1 AND p.county_code = c.code
     ORDER BY c.code`, [electionId])).rows;
}

export async function getParticipation(db: Queryable, electionId: string, countyCode: string): Promise<ParticipationRow | null> {
  return (await db.query<ParticipationRow>(
    `SELECT $1::text AS election_id, c.code AS county_code, c.name AS county_name, p.participating, p.tracking_start,
            p.imb_use, p.late_override_reason, p.decided_by, p.decided_at
     FROM counties c LEFT JOIN county_participation p ON p.election_id = $1 AND p.county_code = c.code
     WHERE c.code = $2`, [electionId, countyCode])).rows[0] ?? null;
}

/** Writes a county's decision; the row is the county's whole current choice. */
export async function upsertParticipation(db: Queryable, p: {
  electionId: string; countyCode: string; participating: boolean; trackingStart: string | null; imbUse: ImbUse;
  lateOverrideReason: string | null; decidedBy: string; decidedAt: Date;
}): Promise<void> {
  await db.query(
    `INSERT INTO county_participation (election_id, county_code, participating, tracking_start, imb_use, late_override_reason, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (election_id, county_code) DO UPDATE SET participating = EXCLUDED.participating,
       tracking_start = EXCLUDED.tracking_start, imb_use = EXCLUDED.imb_use,
       late_override_reason = EXCLUDED.late_override_reason, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
    [p.electionId, p.countyCode, p.participating, p.trackingStart, p.imbUse, p.lateOverrideReason, p.decidedBy, p.decidedAt]);
}

export interface CountyContactsPatch {
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  address?: string | null;
  cureInstructions?: string | null;
}

/** Sets the given fields (undefined leaves a field as it is, null clears it). False when the county is unknown. */
export async function updateCountyContacts(db: Queryable, code: string, patch: CountyContactsPatch): Promise<boolean> {
  const cols: Array<[string, keyof CountyContactsPatch]> = [
    ['phone', 'phone'], ['email', 'email'], ['website', 'website'], ['address', 'address'], ['cure_instructions', 'cureInstructions']];
  const sets: string[] = [];
  const values: unknown[] = [code];
  for (const [col, key] of cols) {
    if (patch[key] === undefined) continue;
    values.push(patch[key]);
    sets.push(`${col} = $${values.length}`);
  }
  const r = await db.query(`UPDATE counties SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE code = $1`, values);
  return (r.rowCount ?? 0) === 1;
}
