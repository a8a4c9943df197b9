-- Two-factor authentication with an authenticator app (TOTP, RFC 6238), and single-use recovery codes.

-- One row per account that has started or finished setting up 2FA. The TOTP secret is stored encrypted
-- (AES-256-GCM with the key from agora.security.totp-key: version byte, 12-byte nonce, ciphertext and tag;
-- the account id is bound in as associated data), never in plain text. enabled_at stays null until the member
-- has typed a first code from the app. last_used_step is the 30-second time step of the last accepted code:
-- a code of that step or an earlier one is never accepted again (no replay within its validity window).
create table account_two_factor (
    account_id     bigint      primary key references account (id) on delete cascade,
    secret_cipher  bytea       not null,
    created_at     timestamptz not null default now(),
    enabled_at     timestamptz,
    last_used_step bigint,
    constraint account_two_factor_cipher_length check (octet_length(secret_cipher) between 29 and 200),
    constraint account_two_factor_step_check check (last_used_step is null or last_used_step > 0)
);

-- Recovery codes: random, high-entropy (80 bits), shown once; only their SHA-256 hash is kept, like the
-- mailed tokens. Each works once (used_at); setting up 2FA again or asking for new codes replaces them.
create table account_recovery_code (
    id         bigint      generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  bytea       not null,
    created_at timestamptz not null default now(),
    used_at    timestamptz,
    constraint account_recovery_code_hash_length check (octet_length(code_hash) = 32),
    constraint account_recovery_code_unique unique (account_id, code_hash)
);
create index account_recovery_code_unused on account_recovery_code (account_id) where used_at is null;
