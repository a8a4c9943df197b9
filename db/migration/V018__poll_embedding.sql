-- Embedding a poll on other websites: per-poll settings (off until the author or a moderator turns them on), and
-- readers' anonymous ballots, kept apart from members' ballots. One reader ballot per voter token (primary key on
-- the random reader id inside the signed token); readers' tallies are exact and slotted like members' (16 slots
-- per bucket, bucket -1 counts readers), changed in the ballot's own statement, never counted on the hot path.
create table poll_embed (
    poll_id              bigint      primary key references poll (id) on delete cascade,
    enabled              boolean     not null default false,
    any_origin           boolean     not null default false,
    origins              text[]      not null default '{}',
    anonymous_voting     boolean     not null default false,
    results_after_voting boolean     not null default false,
    updated_at           timestamptz not null default now(),
    updated_by           bigint      references account (id) on delete set null,
    constraint poll_embed_origins_count check (cardinality(origins) <= 20)
);

create table poll_reader_ballot (
    poll_id    bigint      not null references poll (id) on delete cascade,
    reader_id  uuid        not null,
    options    bigint[],
    value      integer,
    created_at timestamptz not null default now(),
    primary key (poll_id, reader_id),
    constraint poll_reader_ballot_has_choice check (options is not null or value is not null)
);

create table poll_reader_tally (
    poll_id bigint   not null references poll (id) on delete cascade,
    bucket  bigint   not null,
    slot    smallint not null,
    count   bigint   not null default 0,
    primary key (poll_id, bucket, slot)
);
