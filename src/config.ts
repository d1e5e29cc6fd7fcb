import { resolve } from 'node:path';

export type ProfileId = 'ca' | 'co';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The whole configuration, read once from the environment, validated and frozen. */
export interface Config {
  /** PostgreSQL URL; when absent the embedded PostgreSQL is started in `dataDir`. */
  readonly databaseUrl: string | null;
  /** Port of the embedded PostgreSQL (never 5432, which may belong to a system server). Default 54329. */
  readonly embeddedPgPort: number;
  /** HTTP listen address. Default 127.0.0.1. */
  readonly host: string;
  /** HTTP port. Default 3000. */
  readonly port: number;
  /** Public base URL used in links inside messages. Default http://localhost:PORT. */
  readonly publicUrl: string;
  /** Jurisdiction profile. Default 'ca'. */
  readonly profile: ProfileId;
  /** Folder for the embedded database and generated secrets. Default ./.data */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** Secret that signs cookies and tokens; in zero-config mode one is generated into dataDir. */
  readonly secret: string | null;
  readonly production: boolean;
  /** Delivery providers, rate limits, retries and webhooks of the notification engine. */
  readonly notifications: NotificationsConfig;
  /** Voter sign-up/log-in throttle (DESIGN §2.1): failed identity attempts allowed per window. */
  readonly signupThrottle: {
    /** Failed attempts per client (IP address) per window. BALLOTLINE_SIGNUP_MAX_FAILURES_PER_CLIENT, default 20. */
    readonly maxFailuresPerClient: number;
    /** Failed attempts per (normalised last name, ZIP) per window. BALLOTLINE_SIGNUP_MAX_FAILURES_PER_NAME_ZIP, default 5. */
    readonly maxFailuresPerNameZip: number;
    /** Window length in minutes, counted from the first failure. BALLOTLINE_SIGNUP_THROTTLE_WINDOW_MINUTES, default 15. */
    readonly windowMinutes: number;
  };
  /** Voter sessions (portal cookie and API bearer token). */
  readonly voterSession: {
    /** Idle timeout in minutes. BALLOTLINE_VOTER_SESSION_IDLE_MINUTES, default 30. */
    readonly idleMinutes: number;
    /** Absolute lifetime in hours, however active. BALLOTLINE_VOTER_SESSION_MAX_HOURS, default 12. */
    readonly maxHours: number;
  };
  /** Who voters' messages come from, as the portal's help page tells them (so they can allow them). */
  readonly senders: SendersConfig;
  /** Console staff sign-in (docs/console.md). */
  readonly staff: StaffAuthConfig;
  /** Ballot-status ingest guardrail (docs/elections.md#guardrail). */
  readonly ingest: {
    /** An ingest that would change more than this share of a county's existing ballot statuses is held for a state admin. BALLOTLINE_INGEST_HOLD_SHARE, default 0.2. */
    readonly holdShare: number;
    /** The share applies from this many changed statuses in one county (small counties are not held for a handful). BALLOTLINE_INGEST_HOLD_MIN_CHANGES, default 50. */
    readonly holdMinChanges: number;
  };
  /**
   * Demo mode (docs/demo.md). BALLOTLINE_DEMO: 'auto' (default: `start` plays the demo on the
   * zero-config default only — no DATABASE_URL, not production, no real database in the data
   * folder), 'on' (required for a demo against DATABASE_URL), 'off' (never).
   */
  readonly demo: 'auto' | 'on' | 'off';
  /** BALLOTLINE_DEMO_DAY_SECONDS: real seconds per simulated day of the demo's accelerated clock. Default 2. */
  readonly demoDaySeconds: number;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return def;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], def: T): T => {
    const raw = str(name);
    if (raw === undefined) return def;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return def;
    }
    return raw as T;
  };
  const share = (name: string, def: number): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > 1) {
      problems.push(`${name} must be a number above 0 and at most 1 (a share, e.g. 0.2), got "${raw}"`);
      return def;
    }
    return n;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const production = env.NODE_ENV === 'production';
  const port = int('PORT', 3000, 0, 65535);
  const embeddedPgPort = int('BALLOTLINE_EMBEDDED_PG_PORT', 54329, 1024, 65535);
  if (embeddedPgPort === 5432) problems.push('BALLOTLINE_EMBEDDED_PG_PORT must not be 5432 (it may belong to a system PostgreSQL)');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const secret = str('BALLOTLINE_SECRET') ?? null;
  if (secret !== null && secret.length < 32) problems.push('BALLOTLINE_SECRET must be at least 32 characters');
  if (production && secret === null) problems.push('BALLOTLINE_SECRET is required when NODE_ENV=production');
  if (production && databaseUrl === null) problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for local use)');

  const demo = oneOf<'auto' | 'on' | 'off'>('BALLOTLINE_DEMO', ['auto', 'on', 'off'], 'auto');
  if (production && demo === 'on') problems.push('BALLOTLINE_DEMO=on is refused when NODE_ENV=production (a production database is never seeded with demo data)');

  const notifications = readNotificationsConfig({ str, int, oneOf, url }, problems);
  const config: Config = {
    databaseUrl,
    embeddedPgPort,
    host: str('HOST') ?? '127.0.0.1',
    port,
    publicUrl: (url('BALLOTLINE_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    profile: oneOf<ProfileId>('BALLOTLINE_PROFILE', ['ca', 'co'], 'ca'),
    dataDir: resolve(str('BALLOTLINE_DATA_DIR') ?? '.data'),
    logLevel: oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info'),
    secret,
    production,
    notifications,
    signupThrottle: Object.freeze({
      maxFailuresPerClient: int('BALLOTLINE_SIGNUP_MAX_FAILURES_PER_CLIENT', 20, 1, 1_000_000_000),
      maxFailuresPerNameZip: int('BALLOTLINE_SIGNUP_MAX_FAILURES_PER_NAME_ZIP', 5, 1, 1_000_000_000),
      windowMinutes: int('BALLOTLINE_SIGNUP_THROTTLE_WINDOW_MINUTES', 15, 1, 24 * 60),
    }),
    voterSession: Object.freeze({
      idleMinutes: int('BALLOTLINE_VOTER_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      maxHours: int('BALLOTLINE_VOTER_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    }),
    senders: readSendersConfig(str, notifications, problems),
    staff: Object.freeze({
      maxFailedAttempts: int('BALLOTLINE_STAFF_MAX_FAILED_ATTEMPTS', 5, 1, 100),
      lockoutMinutes: int('BALLOTLINE_STAFF_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      sessionIdleMinutes: int('BALLOTLINE_STAFF_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionMaxHours: int('BALLOTLINE_STAFF_SESSION_MAX_HOURS', 12, 1, 7 * 24),
      setupTokenHours: int('BALLOTLINE_STAFF_SETUP_TOKEN_HOURS', 24, 1, 7 * 24),
      loginStepMinutes: int('BALLOTLINE_STAFF_LOGIN_STEP_MINUTES', 5, 1, 60),
    }),
    ingest: Object.freeze({
      holdShare: share('BALLOTLINE_INGEST_HOLD_SHARE', 0.2),
      holdMinChanges: int('BALLOTLINE_INGEST_HOLD_MIN_CHANGES', 50, 0, 1_000_000_000),
    }),
    demo,
    demoDaySeconds: int('BALLOTLINE_DEMO_DAY_SECONDS', 2, 1, 86_400),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** Notification delivery settings. Every provider defaults to the built-in outbox (zero-config). */
export interface NotificationsConfig {
  /** BALLOTLINE_EMAIL_PROVIDER: 'outbox' (default) or 'smtp'. */
  readonly emailProvider: 'outbox' | 'smtp';
  /** BALLOTLINE_SMS_PROVIDER: 'outbox' (default) or 'twilio'. */
  readonly smsProvider: 'outbox' | 'twilio';
  /** BALLOTLINE_VOICE_PROVIDER: 'outbox' (default) or 'twilio'. */
  readonly voiceProvider: 'outbox' | 'twilio';
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL); required with the smtp provider. */
  readonly smtpUrl: string | null;
  /** BALLOTLINE_EMAIL_FROM (older name EMAIL_FROM), the From header, e.g. `"Where's My Ballot?" <ballots@sos.example.gov>`; required with smtp. */
  readonly emailFrom: string;
  readonly twilio: {
    /** TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER (E.164): required when SMS or voice use twilio. */
    readonly accountSid: string | null;
    readonly authToken: string | null;
    readonly fromNumber: string | null;
    /** TWILIO_API_BASE, default https://api.twilio.com (tests point it at a local server). */
    readonly apiBase: string;
  };
  /** Hand-offs per second per provider and channel, shared by all worker processes (0 = no limit). BALLOTLINE_{EMAIL,SMS,VOICE}_RATE, defaults 20, 10, 1. The outbox is never limited. */
  readonly rates: { readonly email: number; readonly sms: number; readonly voice: number };
  /** BALLOTLINE_EMAIL_WEBHOOK_SECRET: HMAC-SHA256 key of the bounce/complaint webhook; without it the webhook refuses every request. */
  readonly emailWebhookSecret: string | null;
  /** BALLOTLINE_SOFT_BOUNCE_LIMIT: soft bounces in a row that make an email address undeliverable. Default 3. */
  readonly softBounceLimit: number;
  /** BALLOTLINE_DELIVERY_MAX_AGE_MINUTES: transient failures are retried until the first attempt is this old. Default 1440 (24 h). */
  readonly retryMaxAgeMinutes: number;
  /** BALLOTLINE_DELIVERY_RETRY_SECONDS: first retry delay; doubles each attempt, with jitter. Default 30. */
  readonly retryBaseSeconds: number;
  /** BALLOTLINE_DELIVERY_LEASE_SECONDS: how long a worker owns a message it is sending before another may recover it. Default 60. */
  readonly leaseSeconds: number;
  /** BALLOTLINE_DELIVERY_BATCH: deliver jobs fetched per worker batch. Default 100. */
  readonly deliverBatchSize: number;
  /** BALLOTLINE_DELIVERY_CONCURRENCY: deliver batches in flight per worker process. Default 2. */
  readonly deliverConcurrency: number;
  /** BALLOTLINE_PLAN_BATCH: ballot events planned per transaction. Default 5000. */
  readonly planBatchSize: number;
  /** BALLOTLINE_VOICE_AUDIO_URL: base URL of recorded messages (`<base>/<kind>.<language>.mp3`) played to languages Twilio cannot speak. */
  readonly voiceAudioBaseUrl: string | null;
}

interface EnvReaders {
  str(name: string): string | undefined;
  int(name: string, def: number, min: number, max: number): number;
  oneOf<T extends string>(name: string, allowed: readonly T[], def: T): T;
  url(name: string, protocols: readonly string[]): string | undefined;
}

function readNotificationsConfig({ str, int, oneOf, url }: EnvReaders, problems: string[]): NotificationsConfig {
  const emailProvider = oneOf<'outbox' | 'smtp'>('BALLOTLINE_EMAIL_PROVIDER', ['outbox', 'smtp'], 'outbox');
  const smsProvider = oneOf<'outbox' | 'twilio'>('BALLOTLINE_SMS_PROVIDER', ['outbox', 'twilio'], 'outbox');
  const voiceProvider = oneOf<'outbox' | 'twilio'>('BALLOTLINE_VOICE_PROVIDER', ['outbox', 'twilio'], 'outbox');
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']) ?? null;
  // One name for the sender address: SMTP sends as it and the help page shows it (SendersConfig).
  const emailFrom = str('BALLOTLINE_EMAIL_FROM') ?? str('EMAIL_FROM');
  if (emailProvider === 'smtp' && smtpUrl === null) problems.push('SMTP_URL is required when BALLOTLINE_EMAIL_PROVIDER=smtp');
  if (emailProvider === 'smtp' && emailFrom === undefined) problems.push('BALLOTLINE_EMAIL_FROM is required when BALLOTLINE_EMAIL_PROVIDER=smtp');
  const twilio = {
    accountSid: str('TWILIO_ACCOUNT_SID') ?? null,
    authToken: str('TWILIO_AUTH_TOKEN') ?? null,
    fromNumber: str('TWILIO_FROM_NUMBER') ?? null,
    apiBase: (url('TWILIO_API_BASE', ['http:', 'https:']) ?? 'https://api.twilio.com').replace(/\/+$/, ''),
  };
  if (smsProvider === 'twilio' || voiceProvider === 'twilio') {
    for (const [name, value] of [['TWILIO_ACCOUNT_SID', twilio.accountSid], ['TWILIO_AUTH_TOKEN', twilio.authToken], ['TWILIO_FROM_NUMBER', twilio.fromNumber]] as const) {
      if (value === null) problems.push(`${name} is required when SMS or voice use twilio`);
    }
    if (twilio.fromNumber !== null && !/^\+[1-9]\d{6,14}$/.test(twilio.fromNumber)) problems.push('TWILIO_FROM_NUMBER must be an E.164 number such as +14155550100');
  }
  const voiceAudio = url('BALLOTLINE_VOICE_AUDIO_URL', ['http:', 'https:']);
  return Object.freeze({
    emailProvider,
    smsProvider,
    voiceProvider,
    smtpUrl,
    emailFrom: emailFrom ?? '"ballotline" <no-reply@localhost>',
    twilio: Object.freeze(twilio),
    rates: Object.freeze({
      email: int('BALLOTLINE_EMAIL_RATE', 20, 0, 100_000),
      sms: int('BALLOTLINE_SMS_RATE', 10, 0, 100_000),
      voice: int('BALLOTLINE_VOICE_RATE', 1, 0, 100_000),
    }),
    emailWebhookSecret: str('BALLOTLINE_EMAIL_WEBHOOK_SECRET') ?? null,
    softBounceLimit: int('BALLOTLINE_SOFT_BOUNCE_LIMIT', 3, 1, 100),
    retryMaxAgeMinutes: int('BALLOTLINE_DELIVERY_MAX_AGE_MINUTES', 24 * 60, 1, 30 * 24 * 60),
    retryBaseSeconds: int('BALLOTLINE_DELIVERY_RETRY_SECONDS', 30, 1, 3600),
    leaseSeconds: int('BALLOTLINE_DELIVERY_LEASE_SECONDS', 60, 1, 3600),
    deliverBatchSize: int('BALLOTLINE_DELIVERY_BATCH', 100, 1, 1000),
    deliverConcurrency: int('BALLOTLINE_DELIVERY_CONCURRENCY', 2, 1, 64),
    planBatchSize: int('BALLOTLINE_PLAN_BATCH', 5000, 1, 100_000),
    voiceAudioBaseUrl: voiceAudio === undefined ? null : voiceAudio.replace(/\/+$/, ''),
  });
}

/**
 * Senders as voters see them. The email address is the one SMTP sends as
 * (BALLOTLINE_EMAIL_FROM), so the two never disagree. Texts often come from a short code
 * and calls from another number, so each has its own setting; both default to
 * TWILIO_FROM_NUMBER when set, else to a placeholder from the fictional 555-01xx range.
 */
export interface SendersConfig {
  /** The bare address of BALLOTLINE_EMAIL_FROM, e.g. `ballots@sos.example.gov`. */
  readonly email: string;
  /** BALLOTLINE_SMS_FROM: number or short code texts come from, as written for voters, e.g. `415-75` or `(916) 555-0100`. */
  readonly sms: string;
  /** BALLOTLINE_VOICE_FROM: number calls come from, as written for voters. */
  readonly voice: string;
}

const SENDER_NUMBER = /^[0-9A-Za-z+() .-]{3,24}$/;

function readSendersConfig(str: EnvReaders['str'], notifications: NotificationsConfig, problems: string[]): SendersConfig {
  const address = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(notifications.emailFrom)?.[1] ?? notifications.emailFrom.trim();
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) problems.push('BALLOTLINE_EMAIL_FROM must be an email address, optionally with a name: "Name" <address@example.gov>');
  const number = (name: string, fallback: string): string => {
    const v = str(name) ?? fallback;
    if (!SENDER_NUMBER.test(v)) problems.push(`${name} must be a phone number or short code as voters should read it (digits, spaces, + ( ) . -), got "${v}"`);
    return v;
  };
  const twilio = notifications.twilio.fromNumber;
  return Object.freeze({
    email: address,
    sms: number('BALLOTLINE_SMS_FROM', twilio ?? '(555) 010-0100'),
    voice: number('BALLOTLINE_VOICE_FROM', twilio ?? '(555) 010-0101'),
  });
}

/** Console staff sign-in: lockout and session lifetimes (docs/console.md). */
export interface StaffAuthConfig {
  /** Failed passwords or codes in a row that lock an account. BALLOTLINE_STAFF_MAX_FAILED_ATTEMPTS, default 5. */
  readonly maxFailedAttempts: number;
  /** How long a locked account stays locked. BALLOTLINE_STAFF_LOCKOUT_MINUTES, default 15. */
  readonly lockoutMinutes: number;
  /** A session unused this long ends. BALLOTLINE_STAFF_SESSION_IDLE_MINUTES, default 30. */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. BALLOTLINE_STAFF_SESSION_MAX_HOURS, default 12. */
  readonly sessionMaxHours: number;
  /** Lifetime of a one-time set-up token (new account or reset). BALLOTLINE_STAFF_SETUP_TOKEN_HOURS, default 24. */
  readonly setupTokenHours: number;
  /** Time allowed between the password step and the code step of a sign-in. BALLOTLINE_STAFF_LOGIN_STEP_MINUTES, default 5. */
  readonly loginStepMinutes: number;
}
