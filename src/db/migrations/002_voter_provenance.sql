-- Which import run, and which line of its file, last wrote each voter record: county staff can
-- trace a record to the file it came from, and a first load (which streams straight into
-- voters) finds the lines of a voter ID given twice with it. No foreign key to import_runs:
-- a first load of millions of rows would check each. NULL for records written before this.
ALTER TABLE voters ADD COLUMN source_run_id bigint, ADD COLUMN source_line int;
