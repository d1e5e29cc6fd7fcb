-- Notification engine: planned and sent messages, every hand-off attempt, the built-in
-- outbox provider, provider feedback, inbound replies, template overrides, window-opening
-- passes and provider rate buckets. Status strings are persisted.ts MESSAGE_STATUSES etc.

-- One row per message to one address on one channel. `key` is the idempotency key
-- (planning.messageKey for ballot messages, 'svc:…' / 'reply:…' for service messages):
-- a feed sent twice or a job run twice can never make a second row.
CREATE TABLE messages (
  id                  bigserial PRIMARY KEY,
  key                 text NOT NULL UNIQUE,
  subscription_id     bigint REFERENCES subscriptions (id),   -- NULL: a reply to a number with no subscription
  voter_id            text,
  election_id         text,                                    -- NULL for service messages
  ballot_id           text,
  event_id            bigint,                                  -- the ballot_events row that caused it
  kind                text NOT NULL,                           -- MessageKind
  reason              text NOT NULL,                           -- status code, 'scan', 'reissue', or the service trigger
  channel             text NOT NULL CHECK (channel IN ('sms', 'email', 'voice')),
  address             text NOT NULL,                           -- E.164 or lower-case email, refreshed at send
  language            text NOT NULL,
  occurred_at         timestamptz,                             -- when the event happened (orders supersede)
  not_before          timestamptz NOT NULL,                    -- earliest send: sent date and the voter's hours
  window_closes_at    timestamptz,                             -- ballot messages are cancelled from then on
  status              text NOT NULL,                           -- MessageStatus
  status_reason       text,                                    -- why superseded / suppressed / cancelled / failed
  superseded_by       bigint REFERENCES messages (id),
  content             jsonb,                                   -- rendered {subject, text, html, sms, voice}, stored at render
  error               jsonb,                                   -- the last error (render or provider), never a body
  provider            text,
  provider_message_id text,
  attempts            int NOT NULL DEFAULT 0,
  lease_until         timestamptz,                             -- a 'sending' row is owned by a worker until then
  first_attempt_at    timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  sent_at             timestamptz,
  delivered_at        timestamptz,
  failed_at           timestamptz
);
CREATE INDEX messages_ballot_idx ON messages (election_id, ballot_id, channel) WHERE ballot_id IS NOT NULL;
CREATE INDEX messages_pending_idx ON messages (not_before) WHERE status IN ('planned', 'sending');
CREATE INDEX messages_provider_id_idx ON messages (provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX messages_voter_idx ON messages (voter_id, id);
CREATE INDEX messages_subscription_idx ON messages (subscription_id, id);
CREATE INDEX messages_status_idx ON messages (status, updated_at);

-- Every hand-off attempt: 'started' is committed before the provider is called, so a worker
-- killed mid-send leaves evidence that recovery reads.
CREATE TABLE delivery_attempts (
  id                  bigserial PRIMARY KEY,
  message_id          bigint NOT NULL REFERENCES messages (id),
  attempt             int NOT NULL,
  provider            text NOT NULL,
  outcome             text NOT NULL,                           -- AttemptOutcome
  provider_message_id text,
  error               text,
  started_at          timestamptz NOT NULL,
  finished_at         timestamptz,
  UNIQUE (message_id, attempt)
);

-- The outbox provider: exactly what would have been handed to SMTP or Twilio.
-- UNIQUE (message_id): the hand-off commits with the message's status, once.
CREATE TABLE outbox (
  id          bigserial PRIMARY KEY,
  message_id  bigint NOT NULL UNIQUE REFERENCES messages (id),
  channel     text NOT NULL,
  address     text NOT NULL,
  voter_id    text,
  kind        text NOT NULL,
  language    text NOT NULL,
  subject     text,
  body        text NOT NULL,                                   -- the SMS text, the email's text part, or the spoken text
  payload     jsonb NOT NULL,                                  -- the provider request: headers, html, TwiML
  created_at  timestamptz NOT NULL
);
CREATE INDEX outbox_voter_idx ON outbox (voter_id, id);

-- What providers reported after hand-off: delivery receipts, bounces, complaints.
CREATE TABLE delivery_events (
  id                  bigserial PRIMARY KEY,
  message_id          bigint REFERENCES messages (id),
  provider            text NOT NULL,
  provider_message_id text,
  event               text NOT NULL,                           -- DeliveryEvent
  address             text,
  error_code          text,
  details             jsonb NOT NULL DEFAULT '{}'::jsonb,
  received_at         timestamptz NOT NULL
);
CREATE INDEX delivery_events_message_idx ON delivery_events (message_id);

-- Inbound texts (STOP, START, YES, HELP, anything else). The provider's id makes a webhook
-- delivered twice act once.
CREATE TABLE inbound_messages (
  id                  bigserial PRIMARY KEY,
  provider            text NOT NULL,
  provider_message_id text NOT NULL,
  from_address        text NOT NULL,
  to_address          text,
  body                text NOT NULL,
  keyword             text,                                    -- InboundKeyword, NULL when not a keyword
  language            text,
  received_at         timestamptz NOT NULL,
  UNIQUE (provider, provider_message_id)
);
CREATE INDEX inbound_messages_from_idx ON inbound_messages (from_address, id);

-- County or state wording of a message (kind × language × form), edited in the console.
-- county_code NULL: the state's own wording; a county's row wins over the state's.
CREATE TABLE template_overrides (
  id           bigserial PRIMARY KEY,
  county_code  text REFERENCES counties (code),
  kind         text NOT NULL,
  language     text NOT NULL,
  form         text NOT NULL CHECK (form IN ('sms', 'emailSubject', 'emailText', 'voice')),
  template     text NOT NULL,
  updated_by   text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (county_code, kind, language, form)
);

-- One row per (election, county) whose tracking window has been opened: the opening pass
-- planned the current status of every ballot, once.
CREATE TABLE notification_window_passes (
  election_id  text NOT NULL REFERENCES elections (id),
  county_code  text NOT NULL REFERENCES counties (code),
  opens_at     timestamptz NOT NULL,
  passed_at    timestamptz NOT NULL,
  planned      int NOT NULL,
  PRIMARY KEY (election_id, county_code)
);

-- Planning summary per ingest run (what was planned and why the rest was skipped).
CREATE TABLE notification_plan_runs (
  run_id       bigint PRIMARY KEY REFERENCES import_runs (id),
  events       int NOT NULL,
  planned      int NOT NULL,
  superseded   int NOT NULL,
  skipped      jsonb NOT NULL,                                 -- {reason: count}
  finished_at  timestamptz NOT NULL
);

-- Token buckets shared by every worker process: one row per provider and channel.
CREATE TABLE provider_rate_buckets (
  bucket       text PRIMARY KEY,                               -- e.g. 'twilio:sms'
  tokens       double precision NOT NULL,
  refreshed_at timestamptz NOT NULL
);
