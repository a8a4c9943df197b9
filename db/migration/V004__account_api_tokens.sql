-- Personal API tokens for bots and integrations (like Discourse's user API keys). Only a SHA-256 hash of the
-- token is stored; the member sees the token once, when it is created. A revoked token stays as a record.
create table account_api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    name         text        not null,
    scope        text        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint account_api_token_name_length check (char_length(name) between 1 and 60),
    constraint account_api_token_scope_check check (scope in ('READ', 'WRITE'))
);
create index account_api_token_active on account_api_token (account_id, created_at) where revoked_at is null;
