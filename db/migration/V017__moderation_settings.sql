-- Moderation settings that admins change at runtime; a missing row means the configured default.
create table moderation_setting (
    name        text        primary key,
    value       integer     not null,
    updated_at  timestamptz not null,
    updated_by  bigint      references account (id) on delete set null,
    constraint moderation_setting_name check (name in ('AUTO_HIDE_FLAGS')),
    constraint moderation_setting_auto_hide check (name <> 'AUTO_HIDE_FLAGS' or value between 1 and 100)
);
