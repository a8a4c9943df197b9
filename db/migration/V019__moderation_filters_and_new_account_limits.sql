-- Filters admins keep on /moderation/settings: watched words (block, hold for review, or replace) and blocked
-- link domains; new-account limits as runtime settings; audit rows for settings and the new staff actions.

-- A watched word or phrase. "normalized" is the NFKC, zero-width-free, lower-case form the matcher uses: one
-- entry per normalized word.
create table moderation_watched_word (
    id          bigint generated always as identity primary key,
    word        text        not null,
    normalized  text        not null,
    action      text        not null,
    replacement text,
    created_at  timestamptz not null,
    created_by  bigint      references account (id) on delete set null,
    constraint moderation_watched_word_once unique (normalized),
    constraint moderation_watched_word_action check (action in ('BLOCK', 'REVIEW', 'REPLACE')),
    constraint moderation_watched_word_length check (char_length(word) between 1 and 100),
    constraint moderation_watched_word_replacement check (
        (action = 'REPLACE') = (replacement is not null) and char_length(coalesce(replacement, '')) <= 100)
);

-- A domain no post may link to, its subdomains included (stored lower-case, ASCII/punycode, no leading dot).
create table moderation_blocked_domain (
    domain      text        primary key,
    created_at  timestamptz not null,
    created_by  bigint      references account (id) on delete set null,
    constraint moderation_blocked_domain_form check (domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' and char_length(domain) <= 253)
);

-- New-account limits join the runtime settings.
alter table moderation_setting drop constraint moderation_setting_name;
alter table moderation_setting add constraint moderation_setting_name check (
    name in ('AUTO_HIDE_FLAGS', 'NEW_ACCOUNT_HOURS', 'NEW_ACCOUNT_POSTS', 'NEW_ACCOUNT_LINKS'));
alter table moderation_setting add constraint moderation_setting_new_account check (
    name not in ('NEW_ACCOUNT_HOURS', 'NEW_ACCOUNT_POSTS', 'NEW_ACCOUNT_LINKS') or value between 0 and 10000);

-- Why an item is in the queue without flags (held by a watched word).
alter table moderation_item add column held_reason text;

-- The audit log also records settings changes and the newer staff actions. Only the checks change; the table
-- stays insert-only.
alter table moderation_audit drop constraint moderation_audit_action;
alter table moderation_audit add constraint moderation_audit_action check (action in (
    'CLAIM', 'RELEASE', 'DISMISS', 'HIDE', 'RESTORE', 'SOFT_DELETE', 'AUTO_HIDE', 'VIEW',
    'WARN', 'SILENCE', 'SUSPEND', 'BAN', 'LIFT', 'ROLE_CHANGE',
    'LOCK', 'UNLOCK', 'PIN', 'UNPIN', 'SLOW_MODE',
    'SETTINGS', 'EDIT', 'MOVE', 'CLOSE_POLL', 'REOPEN_POLL', 'DELETE_POLL', 'RESET_TWO_FACTOR'));
alter table moderation_audit drop constraint moderation_audit_target_type;
alter table moderation_audit add constraint moderation_audit_target_type check (
    target_type in ('POST', 'TOPIC', 'POLL_OPTION', 'ACCOUNT', 'POLL', 'SETTING'));
