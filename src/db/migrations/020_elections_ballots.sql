-- Elections, county participation, ballots and the append-only ballot event log.
-- This schema is the contract between ingestion (ballots/), mail tracking (mailtracking/)
-- and the notification engine (notifications/).

CREATE TABLE elections (
  id                   text PRIMARY KEY,       -- the state's election code, e.g. 'G2026'
  name                 text NOT NULL,
  election_date        date NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('statewide', 'special', 'local')),
  tracking_days_before int NOT NULL DEFAULT 29 CHECK (tracking_days_before BETWEEN 0 AND 120),
  tracking_days_after  int NOT NULL DEFAULT 30 CHECK (tracking_days_after BETWEEN 0 AND 120),
  created_by           text,
  created_at           timestamptz NOT NULL DEFAULT now()
);

-- Which counties take part in an election. Statewide: one row per county, participating
-- unless the county opted out. Special/local: a row only for counties that opted in.
CREATE TABLE county_participation (
  election_id     text NOT NULL REFERENCES elections (id),
  county_code     text NOT NULL REFERENCES counties (code),
  participating   boolean NOT NULL,
  tracking_start  date,                       -- the county's chosen start; NULL = E-<days_before>
  imb_use         text NOT NULL DEFAULT 'none' CHECK (imb_use IN ('none', 'outbound', 'inbound', 'both')),
  late_override_reason text,                  -- a state admin let a late opt-in through, and why
  decided_by      text,
  decided_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (election_id, county_code)
);

-- One row per mail ballot. A voter can have several in one election (reissues).
CREATE TABLE ballots (
  election_id    text NOT NULL REFERENCES elections (id),
  ballot_id      text NOT NULL,
  voter_id       text NOT NULL,
  county_code    text NOT NULL REFERENCES counties (code),
  issued_date    date,
  sent_date      date,
  status_code    text,                        -- current status (a code of persisted.ts STATUS_CODES)
  status_date    timestamptz,
  status_reason  text,
  cure_deadline  date,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (election_id, ballot_id)
);
CREATE INDEX ballots_voter_idx ON ballots (voter_id, election_id);
CREATE INDEX ballots_county_idx ON ballots (election_id, county_code);

-- Every status report received for a ballot, including late and unknown ones (never deleted).
CREATE TABLE ballot_status_history (
  id            bigserial PRIMARY KEY,
  election_id   text NOT NULL,
  ballot_id     text NOT NULL,
  status_code   text NOT NULL,
  status_date   timestamptz NOT NULL,
  reason_text   text,
  cure_deadline date,
  classification text NOT NULL CHECK (classification IN ('new', 'changed', 'late', 'unknown_code')),
  run_id        bigint REFERENCES import_runs (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (election_id, ballot_id) REFERENCES ballots (election_id, ballot_id)
);
CREATE INDEX ballot_status_history_ballot_idx ON ballot_status_history (election_id, ballot_id, id);

-- The append-only log the notification engine consumes: one row per thing that happened to a
-- ballot that a voter may be told about. kind is a BallotMessageKind; reason is the status code,
-- 'scan' (USPS IMB scan) or 'reissue'.
CREATE TABLE ballot_events (
  id           bigserial PRIMARY KEY,
  election_id  text NOT NULL,
  ballot_id    text NOT NULL,
  voter_id     text NOT NULL,
  county_code  text NOT NULL,
  kind         text NOT NULL,
  reason       text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  source       text NOT NULL CHECK (source IN ('feed', 'imb', 'participation')),
  run_id       bigint REFERENCES import_runs (id),
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (election_id, ballot_id) REFERENCES ballots (election_id, ballot_id)
);
CREATE INDEX ballot_events_ballot_idx ON ballot_events (election_id, ballot_id, id);
CREATE INDEX ballot_events_voter_idx ON ballot_events (voter_id, id);
CREATE INDEX ballot_events_run_idx ON ballot_events (run_id);
