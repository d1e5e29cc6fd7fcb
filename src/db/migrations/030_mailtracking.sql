-- Mail tracking (DESIGN §2.5): the print vendor's crosswalk IMB ↔ ballot envelope, and the
-- USPS Informed Visibility scans of those envelopes, matched or waiting for their crosswalk.

-- One row per tracked envelope: the 20-digit IMB tracking code printed on the outbound or the
-- return envelope of one ballot. An IMB belongs to one envelope per election; the same code may
-- come back in a later election (USPS lets a mailer reuse one after 45 days), so a scan is matched
-- to the row whose mail date is the latest one not after the scan (see scans.repository.ts).
CREATE TABLE imb_crosswalk (
  id            bigserial PRIMARY KEY,
  imb           text NOT NULL CHECK (imb ~ '^[0-9][0-4][0-9]{18}$'),
  routing_code  text NOT NULL DEFAULT '' CHECK (routing_code ~ '^([0-9]{5}|[0-9]{9}|[0-9]{11})?$'),
  election_id   text NOT NULL,
  ballot_id     text NOT NULL,
  voter_id      text NOT NULL,
  county_code   text NOT NULL,
  direction     text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  -- The day the envelope entered the mail, as far as we know it: the file's mail_date, else the
  -- ballot's sent or issued date, else 120 days before election day.
  mail_date     date NOT NULL,
  run_id        bigint NOT NULL REFERENCES import_runs (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (imb, election_id),
  FOREIGN KEY (election_id, ballot_id) REFERENCES ballots (election_id, ballot_id)
);
CREATE INDEX imb_crosswalk_ballot_idx ON imb_crosswalk (election_id, ballot_id);
CREATE INDEX imb_crosswalk_imb_idx ON imb_crosswalk (imb, mail_date);

-- Every piece scan received, once: (imb, scanned_at, event_code) is the scan's identity, so a
-- file loaded twice or a push repeated adds nothing. crosswalk_id is NULL while no tracking file
-- has named the IMB; the scan is matched when one does.
--
-- run_id, matched_run_id and crosswalk_id carry no FOREIGN KEY on purpose: scans arrive by the
-- million and per-row trigger checks would cost a third of the load rate; all three are only
-- ever written by scans.repository.ts and tracking.repository.ts from ids they have just read.
CREATE TABLE imb_scans (
  imb                 text NOT NULL,
  scanned_at          timestamptz NOT NULL,          -- UTC; files give the facility's local time
  event_code          text NOT NULL,                 -- USPS operation code / scanEventCode
  routing_code        text NOT NULL DEFAULT '',
  facility_zip        text,
  facility_city       text,
  facility_state      text,
  mail_phase          text,
  handling_event_type text,
  meaning             text NOT NULL,                 -- a ScanMeaning (persisted.ts)
  source              text NOT NULL CHECK (source IN ('file', 'push')),
  run_id              bigint NOT NULL,               -- the import_runs row that brought the scan
  -- The counties the sender's API key may write (NULL: any). A scan is only ever matched to a
  -- ballot of one of them.
  counties            text[],
  crosswalk_id        bigint,                        -- the envelope (imb_crosswalk.id); NULL: waiting
  matched_run_id      bigint,                        -- the run that matched it (scan or tracking run)
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  -- Also the way in from an envelope (a ballot's timeline): its IMB, then crosswalk_id to tell
  -- a reused IMB's scans apart. No second index to maintain on the hot path.
  PRIMARY KEY (imb, scanned_at, event_code)
);
CREATE INDEX imb_scans_waiting_idx ON imb_scans (imb) WHERE crosswalk_id IS NULL;
