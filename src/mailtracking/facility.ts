/**
 * USPS facility ZIP → time zone, city and state, for turning the facility-local times of scan
 * files into UTC and for showing where a piece was scanned.
 *
 * Zones come from `zipcode-to-timezone` (IANA names per 5-digit ZIP); city and state from
 * `zipcodes`. A ZIP the zone list lacks takes the zone its 3-digit prefix (one sectional center
 * facility, one zone) has everywhere else, then the one zone of its state or territory when there
 * is only one; otherwise the zone is unknown and the caller rejects the row. The two lists are
 * loaded on first use (about 30 MB of memory), never by a process that reads no scans.
 */

export interface Facility { zip: string; timeZone: string | null; city: string | null; state: string | null }
export type FacilityLookup = (zip: string) => Facility;

/** States and territories that lie in one time zone, for ZIPs the zone list does not have. */
const SINGLE_ZONE: Readonly<Record<string, string>> = {
  CA: 'America/Los_Angeles', WA: 'America/Los_Angeles', NV: 'America/Los_Angeles',
  CO: 'America/Denver', UT: 'America/Denver', NM: 'America/Denver', MT: 'America/Denver', WY: 'America/Denver',
  AZ: 'America/Phoenix', HI: 'Pacific/Honolulu',
  IL: 'America/Chicago', IA: 'America/Chicago', MO: 'America/Chicago', MN: 'America/Chicago', WI: 'America/Chicago',
  AR: 'America/Chicago', LA: 'America/Chicago', MS: 'America/Chicago', AL: 'America/Chicago', OK: 'America/Chicago',
  NY: 'America/New_York', PA: 'America/New_York', NJ: 'America/New_York', VA: 'America/New_York', WV: 'America/New_York',
  NC: 'America/New_York', SC: 'America/New_York', GA: 'America/New_York', OH: 'America/New_York', DC: 'America/New_York',
  MD: 'America/New_York', DE: 'America/New_York', CT: 'America/New_York', RI: 'America/New_York', MA: 'America/New_York',
  VT: 'America/New_York', NH: 'America/New_York', ME: 'America/New_York',
  PR: 'America/Puerto_Rico', VI: 'America/St_Thomas', GU: 'Pacific/Guam', MP: 'Pacific/Saipan', AS: 'Pacific/Pago_Pago',
  PW: 'Pacific/Palau', MH: 'Pacific/Majuro',
};

let loaded: Promise<FacilityLookup> | null = null;

/** The facility directory, loaded once per process. */
export function facilityDirectory(): Promise<FacilityLookup> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<FacilityLookup> {
  const [{ default: zoneLookup }, { default: places }] = await Promise.all([import('zipcode-to-timezone'), import('zipcodes')]);
  const prefixZones = new Map<string, string | null>();
  for (const [zip, place] of Object.entries(places.codes)) {
    if (place.country !== 'US' || !/^\d{5}$/.test(zip)) continue;
    const zone = zoneLookup.lookup(zip);
    if (zone === null) continue;
    const prefix = zip.slice(0, 3);
    const seen = prefixZones.get(prefix);
    if (seen === undefined) prefixZones.set(prefix, zone);
    else if (seen !== zone) prefixZones.set(prefix, null); // a prefix that spans zones decides nothing
  }
  const cache = new Map<string, Facility>();
  return (zip: string): Facility => {
    let f = cache.get(zip);
    if (f) return f;
    const place = /^\d{5}$/.test(zip) ? places.lookup(zip) : undefined;
    const us = place?.country === 'US' ? place : undefined;
    const timeZone = /^\d{5}$/.test(zip)
      ? zoneLookup.lookup(zip) ?? prefixZones.get(zip.slice(0, 3)) ?? (us ? SINGLE_ZONE[us.state] : undefined) ?? null
      : null;
    f = Object.freeze({ zip, timeZone, city: us ? us.city : null, state: us ? us.state : null });
    cache.set(zip, f);
    return f;
  };
}
