-- Counties of the deployment's jurisdiction profile (filled from the profile at start).
CREATE TABLE counties (
  code        text PRIMARY KEY,            -- the state's county code, e.g. '19' for Los Angeles
  fips        text NOT NULL UNIQUE,
  name        text NOT NULL,
  phone       text,
  email       text,
  website     text,
  address     text,
  cure_instructions text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The state's voter registration, as the voter database reports it.
-- Confidential voters keep only voter_id, county_code, status and the flag: never name or DOB.
CREATE TABLE voters (
  voter_id          text PRIMARY KEY,
  county_code       text NOT NULL REFERENCES counties (code),
  first_name        text,
  middle_name       text,
  last_name         text,
  suffix            text,
  first_key         text,                  -- normalizeName(first_name): the sign-up match key
  last_key          text,
  dob               date,
  zip               char(5),
  status            text NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'CANCELLED', 'PENDING')),
  confidential      boolean NOT NULL DEFAULT false,
  email             text,
  phone             text,
  language          text,
  source_updated_at timestamptz NOT NULL,  -- when the voter database last changed the record
  removed_at        timestamptz,           -- set when a full county file no longer lists the voter
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT confidential OR (first_name IS NULL AND last_name IS NULL AND dob IS NULL AND zip IS NULL AND email IS NULL AND phone IS NULL))
);
CREATE INDEX voters_match_idx ON voters (last_key, zip) WHERE NOT confidential AND removed_at IS NULL;
CREATE INDEX voters_county_idx ON voters (county_code);

-- One row per import of any feed (voters, ballots, tracking, scans, subscriptions).
CREATE TABLE import_runs (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL,            -- 'voters', 'ballots', 'tracking', 'scans', 'subscriptions'
  source         text NOT NULL,            -- file name, 'stdin' or 'api:<key id>'
  sha256         text,
  mode           text NOT NULL,            -- 'upsert', 'full', 'delta', 'snapshot', ...
  county_code    text REFERENCES counties (code),
  status         text NOT NULL DEFAULT 'running', -- 'running', 'done', 'failed', 'held', 'approved', 'discarded'
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  duration_ms    integer,
  counts         jsonb NOT NULL DEFAULT '{}'::jsonb,
  error          text
);
CREATE INDEX import_runs_kind_idx ON import_runs (kind, started_at DESC);

-- Per-line rejects of an import, with the reason in plain words.
CREATE TABLE import_rejects (
  run_id  bigint NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
  line    integer NOT NULL,
  reason  text NOT NULL,
  PRIMARY KEY (run_id, line)
);

-- Registry changes that matter to subscriptions (moved county, status, confidential, removed),
-- written by the voter merge in the same transaction, consumed by the subscriptions domain.
CREATE TABLE registry_changes (
  id                 bigserial PRIMARY KEY,
  run_id             bigint NOT NULL REFERENCES import_runs (id),
  voter_id           text NOT NULL,
  old_county_code    text,
  new_county_code    text,
  old_status         text,
  new_status         text,
  became_confidential boolean NOT NULL DEFAULT false,
  removed            boolean NOT NULL DEFAULT false,
  processed_at       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_changes_pending_idx ON registry_changes (id) WHERE processed_at IS NULL;
