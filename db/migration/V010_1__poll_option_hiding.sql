-- Moderators hide a poll answer whose wording breaks the rules; the poll owns these columns and the moderation
-- feature changes them only through PollModeration. A hidden answer keeps its ballots and its place; its label is
-- read as "Hidden by moderators" by everyone (moderators see the original in their review queue).
alter table poll_option
    add column hidden_at     timestamptz,
    add column hidden_reason text,
    add constraint poll_option_hidden_reason check (hidden_reason is null or hidden_at is not null),
    add constraint poll_option_hidden_reason_length check (char_length(hidden_reason) <= 500);
