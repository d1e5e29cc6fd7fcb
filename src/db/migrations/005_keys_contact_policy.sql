-- Integration API keys (machines: the state voter database, print vendors, USPS IV-MTR pushes).
-- The secret is shown once at creation and stored only as a SHA-256 hash.
CREATE TABLE integration_keys (
  id            text PRIMARY KEY,                 -- public identifier, e.g. 'key_3f9a...'
  name          text NOT NULL,
  secret_sha256 text NOT NULL,
  scope         text NOT NULL CHECK (scope IN ('state', 'county')),
  county_codes  text[] NOT NULL DEFAULT '{}',     -- for scope 'county': the counties it may write
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  CHECK (scope = 'state' OR cardinality(county_codes) > 0)
);

-- Phone numbers (E.164) and email addresses (lower case) that asked not to be contacted
-- (STOP replies, complaints, county staff). Checked at every send and at every enrolment.
CREATE TABLE do_not_contact (
  address     text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('phone', 'email')),
  reason      text NOT NULL,                      -- 'stop', 'complaint', 'hard_bounce', 'staff', ...
  source      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
