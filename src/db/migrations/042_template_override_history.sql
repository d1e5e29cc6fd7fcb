-- The history of message wording edited in the console: every save or removal of a
-- template_overrides row, with who, when, and the text before and after. Append-only by use
-- (the console writes it in the same transaction as the change; nothing updates or deletes it).
CREATE TABLE template_override_history (
  id               bigserial PRIMARY KEY,
  county_code      text REFERENCES counties (code),            -- NULL: the state's own wording
  kind             text NOT NULL,
  language         text NOT NULL,
  form             text NOT NULL CHECK (form IN ('sms', 'emailSubject', 'emailText', 'voice')),
  before_template  text,                                        -- NULL: no override was in force
  after_template   text,                                        -- NULL: the override was removed
  changed_by       text NOT NULL,                               -- staff email
  changed_at       timestamptz NOT NULL
);
CREATE INDEX template_override_history_key_idx ON template_override_history (kind, language, form, county_code, id);
