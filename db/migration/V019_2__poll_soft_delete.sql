-- Moderators remove a poll (a soft delete with their reason): it leaves every page, list and API, stops taking
-- ballots, and its rows stay for the audit trail.
alter table poll add column deleted_at timestamptz;
alter table poll add column deleted_reason text;
alter table poll add constraint poll_deleted_reason check (
    (deleted_at is null) = (deleted_reason is null) and char_length(coalesce(deleted_reason, '')) <= 500);
