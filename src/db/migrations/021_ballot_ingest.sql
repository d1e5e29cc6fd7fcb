-- Ballot-status ingestion (src/ballots/): date precision of statuses, reissue links,
-- participation history, and ingests held by the guardrail until a state admin decides.
-- Adds to the 020 contract; no meaning there changes.

-- A status date is a bare date or a timestamp (docs/feeds/ballots.md). status_date keeps the
-- instant (a bare date: 00:00 of that day in the state's time zone), status_day the calendar
-- date as written, status_date_only whether only the date is known. Two statuses are compared
-- by instant when both are timestamps, otherwise by calendar date (src/ballots/status.ts).
ALTER TABLE ballots
  ADD COLUMN status_day date,
  ADD COLUMN status_date_only boolean NOT NULL DEFAULT false,
  ADD COLUMN reissue_of text;                 -- the voter's previous ballot in this election: this one is a reissue
ALTER TABLE ballot_status_history
  ADD COLUMN status_day date,
  ADD COLUMN status_date_only boolean NOT NULL DEFAULT false;

-- Voter participation history (POLL: polling place, VCR: vote center). A voter-level fact:
-- it never changes a mail ballot's status; its In-person event goes to one of the voter's ballots.
CREATE TABLE voter_participation (
  election_id   text NOT NULL REFERENCES elections (id),
  voter_id      text NOT NULL,
  method        text NOT NULL CHECK (method IN ('POLL', 'VCR')),
  county_code   text NOT NULL REFERENCES counties (code),
  voted_at      timestamptz NOT NULL,
  voted_day     date NOT NULL,
  ballot_id     text,                         -- the ballot the In-person event went to (NULL: the voter had none)
  run_id        bigint REFERENCES import_runs (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (election_id, voter_id, method)
);

-- An ingest the guardrail held: its summary, and the state admin's decision.
CREATE TABLE ingest_holds (
  run_id          bigint PRIMARY KEY REFERENCES import_runs (id),
  summary         jsonb NOT NULL,
  held_at         timestamptz NOT NULL DEFAULT now(),
  decision        text CHECK (decision IN ('approved', 'discarded')),
  decided_by      text,
  decision_reason text,
  decided_at      timestamptz
);

-- The validated rows of a held ingest, exactly as they would have been applied. Approval
-- applies these rows (against the state at approval time) and deletes them; discard deletes them.
CREATE TABLE held_ballot_rows (
  run_id        bigint NOT NULL REFERENCES ingest_holds (run_id) ON DELETE CASCADE,
  line          int NOT NULL,
  voter_id      text NOT NULL,
  election_id   text NOT NULL,
  ballot_id     text,
  county_code   text NOT NULL,
  status_code   text NOT NULL,
  status_date   timestamptz NOT NULL,
  status_day    date NOT NULL,
  date_only     boolean NOT NULL,
  issued_date   date,
  sent_date     date,
  reason_text   text,
  cure_deadline date,
  PRIMARY KEY (run_id, line)
);

CREATE INDEX import_runs_held_idx ON import_runs (id) WHERE status = 'held';
