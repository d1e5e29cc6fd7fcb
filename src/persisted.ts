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
export const CONSENT_SOURCES = ['web', 'api', 'sms_keyword', 'email_unsubscribe', 'county_staff', 'import', 'auto_enrol', 'bounce', 'registry', 'complaint', 'delivery_failure'] as const;
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

/**
 * Life of one message (table `messages`):
 *   planned → sending → sent → delivered        (the usual path)
 *   planned → superseded                        (a newer status of the ballot came first)
 *   planned → suppressed                        (at send time: consent withdrawn, do-not-contact, subscription ended)
 *   planned → cancelled                         (at send time: the election's window closed)
 *   planned/sending → render_failed             (a template value was missing: never sent blank)
 *   sending → planned                           (transient failure: retried later with backoff)
 *   sending/sent → failed                       (permanent failure, retries exhausted, or undelivered)
 */
export const MESSAGE_STATUSES = ['planned', 'superseded', 'sending', 'sent', 'delivered', 'failed', 'render_failed', 'suppressed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Outcome of one hand-off attempt to a provider (table `delivery_attempts`). */
export const ATTEMPT_OUTCOMES = ['started', 'sent', 'transient_error', 'permanent_error', 'recovered', 'abandoned'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Delivery providers (messages.provider, delivery_attempts.provider). */
export const PROVIDER_NAMES = ['outbox', 'smtp', 'twilio'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** What an inbound text was read as (table `inbound_messages`; notifications/keywords.ts classifies). */
export const INBOUND_KEYWORDS = ['stop', 'start', 'yes', 'help'] as const;
export type InboundKeyword = (typeof INBOUND_KEYWORDS)[number];

/** Delivery and feedback events reported by providers after hand-off (table `delivery_events`). */
export const DELIVERY_EVENTS = ['sent', 'delivered', 'undelivered', 'failed', 'hard_bounce', 'soft_bounce', 'complaint'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

/** What a USPS piece scan tells about where the envelope is (mailtracking/scan-meaning.ts). */
export const SCAN_MEANINGS = ['accepted', 'origin', 'processed', 'destination', 'delivery'] as const;
export type ScanMeaning = (typeof SCAN_MEANINGS)[number];

/** How a scan reached us: a delimited file, or an Informed Visibility push. */
export const SCAN_SOURCES = ['file', 'push'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

/** How an ingest classified a status report (ballot_status_history.classification; ballots/ingest.repository.ts). */
export const HISTORY_CLASSIFICATIONS = ['new', 'changed', 'late', 'unknown_code'] as const;
export type HistoryClassification = (typeof HISTORY_CLASSIFICATIONS)[number];

/** Where a ballot event came from (ballot_events.source). */
export const EVENT_SOURCES = ['feed', 'imb', 'participation'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Participation-history methods: polling place, vote center (voter_participation.method). */
export const PARTICIPATION_METHODS = ['POLL', 'VCR'] as const;
export type ParticipationMethod = (typeof PARTICIPATION_METHODS)[number];

/** A state admin's decision on an ingest the guardrail held (ingest_holds.decision). */
export const HOLD_DECISIONS = ['approved', 'discarded'] as const;
export type HoldDecision = (typeof HOLD_DECISIONS)[number];

/**
 * What an audit-log entry records (audit_log.action; src/console/audit.ts). Domains add the
 * actions they audit here. `voter.viewed` and `voter.changed` carry what was seen or changed
 * in `details.what`.
 */
export const AUDIT_ACTIONS = [
  // sign-in
  'login.succeeded', 'login.failed', 'login.locked', 'logout',
  // staff accounts
  'staff.created', 'staff.updated', 'staff.disabled', 'staff.enabled', 'staff.reset', 'staff.unlocked',
  'staff.setup_completed', 'staff.password_changed', 'staff.totp_changed',
  // voter data
  'voter.viewed', 'voter.changed',
  // the audit log itself
  'audit.viewed',
  // console: feeds, held ingests, message wording, outbox
  'feed.uploaded', 'feed.rejects_downloaded', 'ingest.approved', 'ingest.discarded',
  'template.saved', 'template.removed', 'outbox.viewed',
  // console: integration API keys
  'key.created', 'key.revoked',
  // console: elections and county participation
  'election.created', 'election.participation_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const isAuditAction = (v: unknown): v is AuditAction => (AUDIT_ACTIONS as readonly unknown[]).includes(v);
