-- Ballot rows change status many times in an election: leave room on each page so that a status
-- update is a HOT update (no index touched: none of the status columns is indexed).
ALTER TABLE ballots SET (fillfactor = 80);
