-- Moderators edit posts from the review queue: the edit history says which versions staff wrote.
-- replaced_by_staff marks a revision whose next version (a later revision or the current text) staff wrote.
alter table debate_post_revision add column replaced_by_staff boolean not null default false;

-- Authors may be told of a moderator's decision on their post or thread: a MODERATION notification with a note
-- (the action and the reason). Several may concern one post, so the one-per-post rule stays for the others only.
alter table debate_notification drop constraint debate_notification_kind_check;
alter table debate_notification add constraint debate_notification_kind_check check (
    kind in ('REPLY', 'MENTION', 'FOLLOWED_POST', 'MODERATION'));
alter table debate_notification add column note text;
alter table debate_notification add constraint debate_notification_note check (
    (kind = 'MODERATION') = (note is not null) and char_length(coalesce(note, '')) <= 1000);
alter table debate_notification drop constraint debate_notification_once;
create unique index debate_notification_once on debate_notification (account_id, post_id) where kind <> 'MODERATION';
