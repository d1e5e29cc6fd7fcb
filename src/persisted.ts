/**
 * Every string that is stored in the database or carried in a job lives here.
 *
 * WARNING: these values are persisted. Never rename or remove one without a
 * migration that rewrites the stored rows; adding a value is safe.
 */

/** BCP 47 tags of the ten languages every message and page is offered in. */
export const LANGUAGES = ['en', 'es', 'zh-Hant', 'hi', 'ja', 'km', 'ko', 'tl', 'th', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => (LANGUAGES as readonly unknown[]).includes(v);

/** Registration status of a voter record, as the state voter database reports it. */
export const VOTER_STATUSES = ['ACTIVE', 'INACTIVE', 'CANCELLED', 'PENDING'] as const;
export type VoterStatus = (typeof VOTER_STATUSES)[number];

/** Notification channels. */
export const CHANNELS = ['sms', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Consent state of one channel of one subscription. */
export const CONSENT_STATES = ['pending', 'active', 'opted_out', 'undeliverable'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** How a consent change was made (kept for compliance). */
export const CONSENT_SOURCES = ['web', 'api', 'sms_keyword', 'email_unsubscribe', 'county_staff', 'import', 'auto_enrol', 'bounce', 'registry'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * VoteCal VBM ballot status codes and participation-history methods (DESIGN §2.4).
 * ISSUED..CLD are ballot statuses; POLL and VCR come from voter participation history.
 */
export const STATUS_CODES = [
  'ISSUED', 'INR', 'ACCEPTED', 'VAV', 'NVS', 'NMS', 'BME', 'VDD', 'MIA', 'MRE', 'NOT',
  'INF', 'OTH', 'UND', 'NID', 'CLD', 'POLL', 'VCR',
] as const;
export type StatusCode = (typeof STATUS_CODES)[number];
export const isStatusCode = (v: unknown): v is StatusCode => (STATUS_CODES as readonly unknown[]).includes(v);

/** The kinds of message a voter can receive. */
export const MESSAGE_KINDS = [
  // ballot status messages (DESIGN §2.4)
  'outbound', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county',
  'undeliverable', 'reissued', 'in_person',
  // service messages
  'confirmation', 'opt_out_confirmation', 'opt_in_confirmation', 'help',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const BALLOT_MESSAGE_KINDS = [
  'outbound', 'inbound', 'received', 'accepted', 'not_accepted', 'contact_county',
  'undeliverable', 'reissued', 'in_person',
] as const satisfies readonly MessageKind[];
export type BallotMessageKind = (typeof BALLOT_MESSAGE_KINDS)[number];

/** Election kinds. */
export const ELECTION_KINDS = ['statewide', 'special', 'local'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/** Which envelopes of a county's election carry Intelligent Mail Barcodes. */
export const IMB_USES = ['none', 'outbound', 'inbound', 'both'] as const;
export type ImbUse = (typeof IMB_USES)[number];

/** Direction of a tracked envelope. */
export const ENVELOPE_DIRECTIONS = ['outbound', 'inbound'] as const;
export type EnvelopeDirection = (typeof ENVELOPE_DIRECTIONS)[number];

/** Staff roles in the console. */
export const ROLES = ['state_admin', 'county_admin', 'county_staff'] as const;
export type Role = (typeof ROLES)[number];
