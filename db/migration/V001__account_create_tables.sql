-- Accounts, single-use email tokens and signed-in sessions.
create table account (
    id                bigint generated always as identity primary key,
    username          text        not null,
    email             text        not null,
    display_name      text        not null,
    password_hash     text        not null,
    role              text        not null default 'MEMBER',
    email_verified_at timestamptz,
    locale            text,
    theme             text,
    created_at        timestamptz not null default now(),
    version           integer     not null default 0,
    constraint account_role_check check (role in ('MEMBER', 'MODERATOR', 'ADMIN')),
    constraint account_username_format check (username ~ '^[A-Za-z0-9_]{3,20}$'),
    constraint account_email_length check (char_length(email) between 3 and 254),
    constraint account_display_name_length check (char_length(display_name) between 1 and 60),
    constraint account_theme_check check (theme is null or theme in ('light', 'dark')),
    constraint account_locale_check check (locale is null or locale ~ '^[a-z]{2}(-[A-Z]{2})?$')
);
create unique index account_username_unique on account (lower(username));
create unique index account_email_unique on account (lower(email));

-- Email verification and password reset tokens: only a SHA-256 hash of the token is stored.
create table account_token (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    purpose     text        not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint account_token_purpose_check check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD'))
);
create index account_token_account on account_token (account_id, purpose);

-- One row per signed-in browser session, so a member can see and end their other sessions
-- and every node can tell that a session was ended elsewhere.
create table account_session (
    id            uuid        primary key,
    account_id    bigint      not null references account (id) on delete cascade,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    ip            text,
    user_agent    text,
    ended_at      timestamptz,
    ended_reason  text
);
create index account_session_active on account_session (account_id) where ended_at is null;
