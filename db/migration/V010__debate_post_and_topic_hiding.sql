-- Moderators hide posts and threads pending review (or for good) and remove posts. The debate owns these columns;
-- the moderation feature changes them only through debate's PostModeration service.
-- A hidden post keeps its body, shown to its author and to staff only; everyone else reads "hidden by moderators".
-- A hidden thread (debate_topic.hidden_at) leaves every list, search and feed; its page shows only that notice.
-- A post removed by moderators is soft-deleted (deleted_at) with the moderators' reason in deleted_reason.
alter table debate_post
    add column hidden_at      timestamptz,
    add column hidden_reason  text,
    add column deleted_reason text,
    add constraint debate_post_hidden_reason check (hidden_reason is null or hidden_at is not null),
    add constraint debate_post_hidden_reason_length check (char_length(hidden_reason) <= 500),
    add constraint debate_post_deleted_reason check (deleted_reason is null or deleted_at is not null),
    add constraint debate_post_deleted_reason_length check (char_length(deleted_reason) <= 500);

alter table debate_topic
    add column hidden_at     timestamptz,
    add column hidden_reason text,
    add constraint debate_topic_hidden_reason check (hidden_reason is null or hidden_at is not null),
    add constraint debate_topic_hidden_reason_length check (char_length(hidden_reason) <= 500);

create index debate_post_hidden on debate_post (hidden_at) where hidden_at is not null;
create index debate_topic_hidden on debate_topic (hidden_at) where hidden_at is not null;
