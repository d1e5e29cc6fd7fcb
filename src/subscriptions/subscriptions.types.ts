/**
 * Input and result types of the subscriptions service (sign-up, log-in, preferences,
 * opt-out), shared by the JSON API and the portal. See docs/subscriptions.md.
 */
import type { Channel, ConsentSource, ConsentState, Language } from '../persisted.ts';
import type { IdentityInput } from './matching.ts';

export type { IdentityInput };

/** Who is asking; used only for throttling failed identity attempts, and stored only as a keyed hash. */
export interface ClientInfo {
  /** The client's IP address (Fastify `request.ip`, proxy-aware in production). */
  ip: string;
}

/**
 * Contact per channel, as typed. A string turns the channel on with that address (email, or a
 * phone number: US by default, `+<country code>…` or `011…` for other countries); `null` turns
 * it off (opt-out of that channel); absent leaves it as it is (on update) or off (on sign-up).
 */
export interface ChannelsInput { email?: string | null; sms?: string | null; voice?: string | null }

export interface HoursInput { start: string; end: string }

export interface PreferencesInput {
  /** Message language, BCP 47 (one of LANGUAGES). Sign-up default: the page's language (uiLanguage), else the voter's registry language, else 'en'. */
  language?: string;
  channels?: ChannelsInput;
  /** Notification hours in `timeZone`, 'HH:MM' (end may be '24:00'). Default 08:00–20:00. */
  hours?: HoursInput;
  /** IANA time zone of the hours. Default: the state's (profile) zone. */
  timeZone?: string;
}

/** How the change was made; stored in consent_events.source. */
export type VoterActionSource = Extract<ConsentSource, 'web' | 'api' | 'county_staff'>;

export interface SignUpInput {
  identity: IdentityInput;
  preferences: PreferencesInput;
  /** Language the voter is reading (the page's, or a negotiated Accept-Language); the default message language. Omit when unknown. */
  uiLanguage?: Language;
  /** Default 'web'. */
  source?: VoterActionSource;
  /** Staff user id when county staff act for the voter; default 'voter'. */
  actor?: string;
}

/** A validation problem of one field; `field` is 'firstName', 'dob', 'channels.sms', 'hours.start', …; `code` is stable. */
export interface FieldProblem { field: string; code: string }

/** A session token handed to the voter (cookie value or bearer token). Shown once, stored hashed. */
export interface SessionToken { token: string; expiresAt: Date }

/** A verified session (from verifySession). */
export interface VoterSession { voterId: string; tokenHash: string; expiresAt: Date }

export interface AccountChannel {
  channel: Channel;
  /** Masked ("j•••@example.com", "•••-•••-0123"): a log-in proves only semi-public facts. */
  address: string;
  consent: ConsentState;
  /** Colorado: status texts wait for a YES reply. */
  needsYes: boolean;
  yesConfirmed: boolean;
}

export interface Account {
  voter: { firstName: string; lastName: string; countyCode: string; countyName: string };
  /** The live subscription, or null when the voter is not (or no longer) subscribed. */
  subscription: {
    id: number;
    state: 'active' | 'suspended';
    language: Language;
    timeZone: string;
    hours: HoursInput;
    source: string;
    createdAt: Date;
    channels: AccountChannel[];
  } | null;
}

/** Something the voter should be told about a channel, e.g. it stays off because its address asked us to stop. */
export interface ChannelNotice { channel: Channel; code: 'do_not_contact' }

/** Identity outcomes that are not a match; each has a translated message in messages.ts. */
export type MatchRefusal = 'no_match' | 'voter_id_needed' | 'voter_id_mismatch' | 'inactive' | 'cancelled' | 'pending';

export type IdentityFailure =
  | { kind: 'invalid'; fieldErrors: FieldProblem[] }
  | { kind: 'throttled'; retryAfter: Date }
  | { kind: MatchRefusal };

export type SignUpResult =
  | { kind: 'signed_up'; session: SessionToken; account: Account; notices: ChannelNotice[] }
  /** The voter already has a live subscription: nothing was changed; a session is open so they can review it. */
  | { kind: 'already_subscribed'; session: SessionToken; account: Account }
  | IdentityFailure;

export type LogInResult =
  | { kind: 'logged_in'; session: SessionToken; account: Account }
  /** The identity matched but the voter has no live subscription (never signed up, opted out, or moved): sign up. */
  | { kind: 'not_subscribed' }
  | IdentityFailure;

export type UpdateResult =
  | { kind: 'updated'; account: Account; notices: ChannelNotice[] }
  | { kind: 'invalid'; fieldErrors: FieldProblem[] }
  | { kind: 'not_subscribed' };

export interface VoterBallot {
  electionId: string;
  electionName: string;
  /** YYYY-MM-DD */
  electionDate: string;
  ballots: Array<{
    ballotId: string;
    statusCode: string | null;
    statusDate: Date | null;
    /** YYYY-MM-DD */
    issuedDate: string | null;
    sentDate: string | null;
    cureDeadline: string | null;
  }>;
}
