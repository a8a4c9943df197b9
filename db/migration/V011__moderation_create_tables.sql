-- Moderation: members' flags, one review item per flagged thing (with its claim), and the audit log.
-- Flagged content stays in its own feature's tables: an item names it by type and id only, and moderation
-- changes it through the owning feature's API (PostModeration, PollModeration), never by writing its rows.

-- One review item per flagged post, thread or poll answer. pending_flags counts the flags not yet reviewed
-- (one per member, so it counts members); the flagging transaction updates it on this row, which serialises
-- concurrent flags on one item, so exactly one of them sees the auto-hide threshold reached.
create table moderation_item (
    id             bigint generated always as identity primary key,
    target_type    text        not null,
    target_id      bigint      not null,
    author_id      bigint,
    path           text        not null,
    status         text        not null default 'OPEN',
    pending_flags  integer     not null default 0,
    opened_at      timestamptz not null,
    auto_hidden_at timestamptz,
    claimed_by     bigint      references account (id) on delete set null,
    claimed_at     timestamptz,
    resolved_at    timestamptz,
    version        integer     not null default 0,
    constraint moderation_item_target_type check (target_type in ('POST', 'TOPIC', 'POLL_OPTION')),
    constraint moderation_item_status check (status in ('OPEN', 'RESOLVED')),
    constraint moderation_item_pending check (pending_flags >= 0),
    constraint moderation_item_target unique (target_type, target_id)
);
create index moderation_item_open on moderation_item (opened_at, id) where status = 'OPEN';

-- A member's flag: one per member and item, ever (a dismissed flag cannot be sent again).
create table moderation_flag (
    id          bigint generated always as identity primary key,
    item_id     bigint      not null references moderation_item (id),
    flagger_id  bigint      not null references account (id) on delete cascade,
    reason      text        not null,
    text        text,
    created_at  timestamptz not null,
    outcome     text        not null default 'PENDING',
    resolved_at timestamptz,
    constraint moderation_flag_reason check (
        reason in ('SPAM', 'HARASSMENT', 'OFF_TOPIC', 'MISINFORMATION', 'ILLEGAL', 'OTHER')),
    constraint moderation_flag_outcome check (outcome in ('PENDING', 'DISMISSED', 'ACTIONED')),
    constraint moderation_flag_text_length check (char_length(text) between 1 and 500),
    constraint moderation_flag_other_needs_text check (reason <> 'OTHER' or text is not null)
);
create unique index moderation_flag_once on moderation_flag (item_id, flagger_id);
create index moderation_flag_pending on moderation_flag (item_id, created_at) where outcome = 'PENDING';
create index moderation_flag_by_flagger on moderation_flag (flagger_id, created_at desc, id desc);

-- Every moderator action and every refused attempt at one. actor_id has no foreign key on purpose: rows are
-- never changed, so they cannot follow an account's deletion; actor_name keeps the name as it was.
create table moderation_audit (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    actor_id        bigint,
    actor_name      text,
    action          text        not null,
    target_type     text,
    target_id       bigint,
    reason_category text,
    reason          text,
    before          jsonb,
    after           jsonb,
    outcome         text        not null,
    constraint moderation_audit_action check (action in (
        'CLAIM', 'RELEASE', 'DISMISS', 'HIDE', 'RESTORE', 'SOFT_DELETE', 'AUTO_HIDE', 'VIEW')),
    constraint moderation_audit_outcome check (outcome in ('OK', 'DENIED')),
    constraint moderation_audit_target_type check (target_type in ('POST', 'TOPIC', 'POLL_OPTION')),
    constraint moderation_audit_reason_category check (reason_category in (
        'SPAM', 'HARASSMENT', 'OFF_TOPIC', 'MISINFORMATION', 'ILLEGAL', 'OTHER'))
);
create index moderation_audit_newest on moderation_audit (at desc, id desc);
create index moderation_audit_actor on moderation_audit (actor_id, at desc, id desc);
create index moderation_audit_public on moderation_audit (at desc, id desc)
    where outcome = 'OK' and action in ('DISMISS', 'HIDE', 'RESTORE', 'SOFT_DELETE', 'AUTO_HIDE');

-- The audit log is insert-only, enforced here and not only in Java: updates, deletes and truncation raise.
-- (A superuser or the table's owner can still disable triggers: in production let a migration role own the
-- schema and grant the application's role only select and insert on this table.)
create function moderation_audit_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'moderation_audit is insert-only: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger moderation_audit_no_update_or_delete
    before update or delete on moderation_audit
    for each row execute function moderation_audit_refuse_change();
create trigger moderation_audit_no_truncate
    before truncate on moderation_audit
    for each statement execute function moderation_audit_refuse_change();
