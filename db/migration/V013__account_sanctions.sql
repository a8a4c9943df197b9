-- Sanctions on members: the account feature keeps them, moderation decides them (through AccountSanctions).
-- WARN is a note shown to the member; SILENCE (read only) and SUSPEND (no login) last until ends_at; BAN is
-- a suspension without end. A sanction ends early when lifted. The member may appeal once, in words.
create table account_sanction (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    kind         text        not null,
    reason       text        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    created_by   bigint      references account (id) on delete set null,
    lifted_at    timestamptz,
    lifted_by    bigint      references account (id) on delete set null,
    lift_reason  text,
    appeal       text,
    appealed_at  timestamptz,
    constraint account_sanction_kind check (kind in ('WARN', 'SILENCE', 'SUSPEND', 'BAN')),
    constraint account_sanction_reason_length check (char_length(reason) between 1 and 500),
    constraint account_sanction_ends check (
        (kind in ('SILENCE', 'SUSPEND') and ends_at > starts_at) or (kind in ('WARN', 'BAN') and ends_at is null)),
    constraint account_sanction_appeal_length check (char_length(appeal) between 1 and 2000),
    constraint account_sanction_appeal_when check ((appeal is null) = (appealed_at is null))
);
create index account_sanction_by_account on account_sanction (account_id, starts_at desc, id desc);
create index account_sanction_appeals on account_sanction (appealed_at) where appeal is not null and lifted_at is null;
