-- Voter sessions and the identity-attempt throttle (subscriptions domain, DESIGN §2.1).

-- A session opens on a successful identity match (sign-up or log-in). The portal carries the
-- token in a signed httpOnly cookie, the JSON API as a bearer token. Only the token's SHA-256
-- is stored. expires_at slides with use (idle timeout) but never passes max_expires_at.
CREATE TABLE voter_sessions (
  token_sha256    text PRIMARY KEY,
  voter_id        text NOT NULL REFERENCES voters (voter_id),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  max_expires_at  timestamptz NOT NULL,
  ended_at        timestamptz,                -- log-out, or the voter became confidential
  CHECK (expires_at <= max_expires_at)
);
CREATE INDEX voter_sessions_voter_idx ON voter_sessions (voter_id) WHERE ended_at IS NULL;
CREATE INDEX voter_sessions_expires_idx ON voter_sessions (expires_at);

-- Failed identity attempts per key in a fixed window that opens at the first failure.
-- key: 'c:' client, 'n:' (last name, ZIP), 'p:' (client, last name, ZIP); each an HMAC under
-- the app secret, so no name, ZIP or IP address is stored (src/subscriptions/throttle.ts).
CREATE TABLE identity_throttle (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  failures      int NOT NULL CHECK (failures >= 0)
);
CREATE INDEX identity_throttle_window_idx ON identity_throttle (window_start);

-- A voter's earlier, ended subscriptions (auto-enrolment must not re-enrol one who opted out).
CREATE INDEX subscriptions_voter_ended_idx ON subscriptions (voter_id) WHERE state = 'ended';

-- Outbox of service messages decided in bulk, set-based, inside an import's transaction
-- (Colorado auto-enrolment). The subscriptions worker turns them into `service-message`
-- jobs in batches and deletes them in the same transaction, so none is lost or doubled.
CREATE TABLE subscription_notices (
  id               bigserial PRIMARY KEY,
  subscription_id  bigint NOT NULL REFERENCES subscriptions (id),
  channel          text NOT NULL CHECK (channel IN ('sms', 'email', 'voice')),
  kind             text NOT NULL,            -- MessageKind, e.g. 'confirmation'
  reason           text NOT NULL,            -- why: 'auto_enrol'
  created_at       timestamptz NOT NULL DEFAULT now()
);
