-- Subscriptions: one live subscription per voter, its channels with consent, and the
-- compliance log of every consent change. Contract between subscriptions/ (sign-up,
-- preferences, opt-out) and notifications/ (planning and delivery read these).

CREATE TABLE subscriptions (
  id            bigserial PRIMARY KEY,
  voter_id      text NOT NULL,
  county_code   text NOT NULL REFERENCES counties (code),  -- the county the voter signed up in
  state         text NOT NULL CHECK (state IN ('active', 'suspended', 'ended')),
  ended_reason  text CHECK (ended_reason IN ('opted_out', 'moved', 'confidential', 'removed')),
  language      text NOT NULL DEFAULT 'en',
  time_zone     text NOT NULL,                              -- IANA zone of the notification hours
  hours_start   text NOT NULL DEFAULT '08:00' CHECK (hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  hours_end     text NOT NULL DEFAULT '20:00' CHECK (hours_end ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'),
  source        text NOT NULL,                              -- ConsentSource that created it
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  ended_at      timestamptz
);
-- A voter signs up once: at most one subscription that has not ended.
CREATE UNIQUE INDEX subscriptions_one_live_per_voter ON subscriptions (voter_id) WHERE state <> 'ended';
CREATE INDEX subscriptions_county_idx ON subscriptions (county_code, state);

-- One row per channel of a subscription. address: E.164 phone for sms/voice, lower-case email.
CREATE TABLE subscription_channels (
  subscription_id   bigint NOT NULL REFERENCES subscriptions (id),
  channel           text NOT NULL CHECK (channel IN ('sms', 'email', 'voice')),
  address           text NOT NULL,
  consent           text NOT NULL CHECK (consent IN ('pending', 'active', 'opted_out', 'undeliverable')),
  needs_yes         boolean NOT NULL DEFAULT false,         -- status texts wait for a YES reply (Colorado)
  yes_confirmed_at  timestamptz,
  soft_bounces      int NOT NULL DEFAULT 0,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscription_id, channel)
);
CREATE INDEX subscription_channels_address_idx ON subscription_channels (address);

-- Every consent change, kept for compliance: what, when, how and by whom.
CREATE TABLE consent_events (
  id               bigserial PRIMARY KEY,
  subscription_id  bigint NOT NULL REFERENCES subscriptions (id),
  voter_id         text NOT NULL,
  channel          text,                                   -- NULL: the whole subscription
  from_state       text,
  to_state         text NOT NULL,
  source           text NOT NULL,                          -- ConsentSource
  actor            text,                                   -- staff user id, 'voter', or the replying number
  details          jsonb NOT NULL DEFAULT '{}'::jsonb,
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_events_subscription_idx ON consent_events (subscription_id, id);
