-- Console: staff accounts, their sessions and one-time tokens, and the append-only audit log
-- (docs/console.md). Staff are disabled, never deleted, so the audit trail keeps its actors.

CREATE TABLE staff_users (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email                 text NOT NULL,                   -- stored lower case
  name                  text NOT NULL,
  role                  text NOT NULL CHECK (role IN ('state_admin', 'county_admin', 'county_staff')),
  county_codes          text[] NOT NULL DEFAULT '{}',    -- empty for state admins
  password_hash         text,                            -- 'scrypt$N$r$p$salt$hash'; null until set-up
  totp_secret_enc       text,                            -- AES-256-GCM under a key derived from the app secret
  totp_enabled          boolean NOT NULL DEFAULT false,
  totp_pending_enc      text,                            -- secret being enrolled, until confirmed with a first code
  totp_last_step        bigint,                          -- 30-second step of the last accepted code (no replay)
  failed_attempts       int NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until          timestamptz,
  disabled_at           timestamptz,
  last_login_at         timestamptz,
  password_changed_at   timestamptz,
  created_by            bigint REFERENCES staff_users (id),
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (email = lower(email)),
  CHECK ((role = 'state_admin') = (cardinality(county_codes) = 0)),
  CHECK (NOT totp_enabled OR totp_secret_enc IS NOT NULL)
);
CREATE UNIQUE INDEX staff_users_email_idx ON staff_users (email);
CREATE INDEX staff_users_counties_idx ON staff_users USING gin (county_codes);

-- Signed-in staff. The token travels in the signed `bl_staff` cookie or as a bearer token; only
-- its SHA-256 is stored. expires_at slides with use (idle timeout), never past max_expires_at.
CREATE TABLE staff_sessions (
  token_sha256    text PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES staff_users (id),
  created_at      timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  max_expires_at  timestamptz NOT NULL,
  ended_at        timestamptz,
  ended_reason    text,                       -- 'logout', 'disabled', 'role_changed', 'password_changed', 'reset'
  ip              text,
  user_agent      text,
  CHECK (expires_at <= max_expires_at)
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- One-time tokens, stored hashed: 'setup' (set password and authenticator, from create-user or
-- a reset; 24 h) and 'login' (the password step passed, waiting for the TOTP code; minutes).
CREATE TABLE staff_tokens (
  token_sha256  text PRIMARY KEY,
  purpose       text NOT NULL CHECK (purpose IN ('setup', 'login')),
  user_id       bigint NOT NULL REFERENCES staff_users (id),
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);
CREATE INDEX staff_tokens_user_idx ON staff_tokens (user_id) WHERE used_at IS NULL;

-- Who saw or changed what, when, from where. Append-only: the triggers below refuse UPDATE,
-- DELETE and TRUNCATE for every role, the table owner included; details never hold secrets.
CREATE TABLE audit_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_id        bigint REFERENCES staff_users (id),
  actor_label     text NOT NULL,              -- staff email, 'cli', 'anonymous', 'api:<key id>'
  actor_role      text,
  action          text NOT NULL,              -- AuditAction (src/persisted.ts)
  voter_id        text,
  county_codes    text[] NOT NULL DEFAULT '{}',
  target_user_id  bigint REFERENCES staff_users (id),
  details         jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip              text,
  user_agent      text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_voter_idx ON audit_log (voter_id, id DESC) WHERE voter_id IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
CREATE INDEX audit_log_counties_idx ON audit_log USING gin (county_codes);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
-- Roles other than the owner get no way to change rows even if granted broad rights later by
-- mistake through PUBLIC; deployments that run the app as a non-owner role grant it only
-- INSERT and SELECT here (docs/console.md#audit-log).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
