-- Posts that take a stance on their thread's question, replies that support or challenge their parent,
-- revisions (edit history), "convincing" reactions, and per-thread counters kept by the posting transaction.
alter table debate_topic
    add column tags             text[]      not null default '{}',
    add column locked           boolean     not null default false,
    add column pro_count        integer     not null default 0,
    add column con_count        integer     not null default 0,
    add column neutral_count    integer     not null default 0,
    add column reply_count      integer     not null default 0,
    add column last_activity_at timestamptz not null default now(),
    add column search           tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')) stored,
    add constraint debate_topic_tags_count check (cardinality(tags) <= 5);
update debate_topic set last_activity_at = created_at;
create index debate_topic_activity on debate_topic (last_activity_at desc, id desc);
create index debate_topic_newest on debate_topic (created_at desc, id desc);
create index debate_topic_active on debate_topic (reply_count desc, id desc);
create index debate_topic_tags on debate_topic using gin (tags);
create index debate_topic_search on debate_topic using gin (search);

create table debate_post (
    id              bigint generated always as identity primary key,
    topic_id        bigint      not null references debate_topic (id),
    author_id       bigint      references account (id),
    parent_id       bigint      references debate_post (id),
    stance          text        not null,
    relation        text,
    body            text        not null,
    body_html       text        not null,
    opening         boolean     not null default false,
    client_key      uuid,
    created_at      timestamptz not null default now(),
    edited_at       timestamptz,
    deleted_at      timestamptz,
    version         integer     not null default 0,
    convincing      integer     not null default 0,
    replies         integer     not null default 0,
    search          tsvector generated always as (to_tsvector('english', body)) stored,
    constraint debate_post_stance_check check (stance in ('PRO', 'CON', 'NEUTRAL')),
    constraint debate_post_relation_check check (
        (parent_id is null and relation is null) or (parent_id is not null and relation in ('SUPPORTS', 'CHALLENGES'))),
    constraint debate_post_body_length check (char_length(body) between 1 and 20000)
);
create index debate_post_topic on debate_post (topic_id, created_at, id);
create index debate_post_parent on debate_post (parent_id) where parent_id is not null;
create index debate_post_author on debate_post (author_id, created_at desc, id desc);
create index debate_post_search on debate_post using gin (search);
create unique index debate_post_client_key on debate_post (author_id, client_key) where client_key is not null;
create unique index debate_post_one_opening on debate_post (topic_id) where opening;

create table debate_post_revision (
    post_id    bigint      not null references debate_post (id),
    version    integer     not null,
    body       text        not null,
    created_at timestamptz not null,
    primary key (post_id, version)
);

create table debate_reaction (
    post_id    bigint      not null references debate_post (id),
    account_id bigint      not null references account (id),
    created_at timestamptz not null default now(),
    primary key (post_id, account_id)
);
create index debate_reaction_account on debate_reaction (account_id);

-- The opening post of each seeded thread: a neutral summary citing the article.
insert into debate_post (topic_id, author_id, stance, body, body_html, opening, created_at)
select t.id, null, 'NEUTRAL',
       t.summary || E'\n\n*Source: a May 2024 report on xAI''s planned 100,000-GPU "Gigafactory of Compute" built with Oracle to train the next Grok, and Elon Musk''s claims around it.*',
       '', true, t.created_at
  from debate_topic t
 where t.id between 1 and 8;
update debate_topic t set neutral_count = 1 where t.id between 1 and 8;

-- Threads started by members ask an open question (a poll can be attached later).
alter table debate_topic drop constraint debate_topic_kind_check;
alter table debate_topic add constraint debate_topic_kind_check
    check (question_kind in ('OPEN', 'CHOICE', 'SCALE', 'RANKED', 'FORECAST'));
