import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ProfileId } from '../config.ts';
import { LANGUAGES, type Language, type StatusCode } from '../persisted.ts';

export interface County { code: string; fips: string; name: string }

/** Everything that differs between states. Later domains read it; nothing else hard-codes a state. */
export interface JurisdictionProfile {
  readonly id: ProfileId;
  readonly stateName: string;
  readonly stateCode: string;
  /** Name voters know the service by. */
  readonly serviceName: string;
  readonly timeZone: string;
  readonly languages: readonly Language[];
  readonly counties: readonly County[];
  readonly trackingWindow: { readonly daysBefore: number; readonly daysAfter: number };
  /** Special and local elections: a county opts in at least this many days before election day. */
  readonly localOptInMinDays: number;
  readonly enrolment: {
    /** Voters sign themselves up on the portal. */
    readonly selfSignup: boolean;
    /** Every voter whose registration carries a valid email is enrolled (email channel), with opt-out. */
    readonly autoEnrolEmail: boolean;
    /** Status texts wait for a YES reply to the confirmation text. */
    readonly smsNeedsYes: boolean;
  };
  readonly helpDesk: {
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    /** Who to call for a voter ID when twins share name, DOB and ZIP. */
    readonly voterIdPhone: string;
    readonly voterStatusUrl: string;
    readonly countyOfficesUrl: string;
  };
  /** The state's own status words → canonical status codes (identity where the state uses VoteCal's). */
  readonly statusCodeMapping: Readonly<Record<string, StatusCode>>;
}

const DATA_DIR = fileURLToPath(new URL('../../data/profiles/', import.meta.url));

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(`${DATA_DIR}${file}`), { columns: true, skip_empty_lines: true, trim: true });
}

/** California: counties carry the state's code 01–58 (alphabetical). */
function californiaCounties(): County[] {
  return readCsv('ca-counties.csv').map((r) => ({ code: r.county_code!, fips: r.fips!, name: r.name! }));
}

/** Colorado: counties are numbered 01–64 in alphabetical order, as the state numbers them. */
function coloradoCounties(): County[] {
  return readCsv('co-counties.csv')
    .sort((a, b) => a.name!.localeCompare(b.name!))
    .map((r, i) => ({ code: String(i + 1).padStart(2, '0'), fips: r.fips!, name: r.name! }));
}

const identityMapping = (codes: readonly StatusCode[]): Record<string, StatusCode> => Object.fromEntries(codes.map((c) => [c, c]));
const ALL_CODES: readonly StatusCode[] = ['ISSUED', 'INR', 'ACCEPTED', 'VAV', 'NVS', 'NMS', 'BME', 'VDD', 'MIA', 'MRE', 'NOT', 'INF', 'OTH', 'UND', 'NID', 'CLD', 'POLL', 'VCR'];

function california(): JurisdictionProfile {
  return {
    id: 'ca',
    stateName: 'California',
    stateCode: 'CA',
    serviceName: "Where's My Ballot?",
    timeZone: 'America/Los_Angeles',
    languages: LANGUAGES,
    counties: californiaCounties(),
    trackingWindow: { daysBefore: 29, daysAfter: 30 },
    localOptInMinDays: 90,
    enrolment: { selfSignup: true, autoEnrolEmail: false, smsNeedsYes: false },
    helpDesk: {
      name: 'VoteCal Help Desk',
      phone: '(888) 868-3225',
      email: 'VoteCalHelp@sos.ca.gov',
      voterIdPhone: '(916) 654-1141',
      voterStatusUrl: 'https://voterstatus.sos.ca.gov/',
      countyOfficesUrl: 'https://www.sos.ca.gov/elections/voting-resources/county-elections-offices',
    },
    statusCodeMapping: identityMapping(ALL_CODES),
  };
}

function colorado(): JurisdictionProfile {
  return {
    id: 'co',
    stateName: 'Colorado',
    stateCode: 'CO',
    serviceName: 'Colorado Ballot Tracking',
    timeZone: 'America/Denver',
    languages: LANGUAGES,
    counties: coloradoCounties(),
    trackingWindow: { daysBefore: 29, daysAfter: 30 },
    localOptInMinDays: 90,
    enrolment: { selfSignup: true, autoEnrolEmail: true, smsNeedsYes: true },
    helpDesk: {
      name: 'Colorado Secretary of State, Elections Division',
      phone: '(303) 894-2200',
      email: 'elections@coloradosos.gov',
      voterIdPhone: '(303) 894-2200',
      voterStatusUrl: 'https://www.govotecolorado.gov/',
      countyOfficesUrl: 'https://www.coloradosos.gov/pubs/elections/countyClerks.html',
    },
    statusCodeMapping: identityMapping(ALL_CODES),
  };
}

const cache = new Map<ProfileId, JurisdictionProfile>();

export function loadProfile(id: ProfileId): JurisdictionProfile {
  let p = cache.get(id);
  if (!p) {
    p = Object.freeze(id === 'ca' ? california() : colorado());
    cache.set(id, p);
  }
  return p;
}
