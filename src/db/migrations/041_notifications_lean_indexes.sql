-- Fewer indexes on messages: every hand-off rewrites the row (status changes, so the update is
-- never HOT) and pays one index insert per index. Messages by subscription are found through
-- voter_id (messages_voter_idx); by status through the pending index or a scan (console only).
DROP INDEX IF EXISTS messages_subscription_idx;
DROP INDEX IF EXISTS messages_status_idx;
