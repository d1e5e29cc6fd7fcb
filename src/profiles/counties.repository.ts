import type { Queryable } from '../db/pool.ts';
import type { JurisdictionProfile } from './profile.ts';

export interface CountyRow {
  code: string; fips: string; name: string;
  phone: string | null; email: string | null; website: string | null; address: string | null;
  cure_instructions: string | null;
}

/** Inserts the profile's counties; names and FIPS follow the profile, contact details stay as staff set them. */
export async function syncCounties(db: Queryable, profile: JurisdictionProfile): Promise<void> {
  await db.query(
    `INSERT INTO counties (code, fips, name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET fips = EXCLUDED.fips, name = EXCLUDED.name
       WHERE (counties.fips, counties.name) IS DISTINCT FROM (EXCLUDED.fips, EXCLUDED.name)`,
    [profile.counties.map((c) => c.code), profile.counties.map((c) => c.fips), profile.counties.map((c) => c.name)],
  );
}

export async function listCounties(db: Queryable): Promise<CountyRow[]> {
  return (await db.query<CountyRow>('SELECT code, fips, name, phone, email, website, address, cure_instructions FROM counties ORDER BY code')).rows;
}

export async function getCounty(db: Queryable, code: string): Promise<CountyRow | null> {
  return (await db.query<CountyRow>('SELECT code, fips, name, phone, email, website, address, cure_instructions FROM counties WHERE code = $1', [code])).rows[0] ?? null;
}
