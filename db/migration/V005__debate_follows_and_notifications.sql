-- Members follow threads (those they post in, by default) and are notified of replies to their posts,
-- mentions of their @username, and new posts in threads they follow: one notification per post and member.
create table debate_follow (
    account_id bigint      not null references account (id) on delete cascade,
    topic_id   bigint      not null references debate_topic (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (account_id, topic_id)
);
create index debate_follow_topic on debate_follow (topic_id);

create table debate_notification (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    kind       text        not null,
    topic_id   bigint      not null references debate_topic (id) on delete cascade,
    post_id    bigint      not null references debate_post (id) on delete cascade,
    actor_id   bigint      references account (id) on delete set null,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    constraint debate_notification_kind_check check (kind in ('REPLY', 'MENTION', 'FOLLOWED_POST')),
    constraint debate_notification_once unique (account_id, post_id)
);
create index debate_notification_inbox on debate_notification (account_id, created_at desc, id desc);
create index debate_notification_unread on debate_notification (account_id) where read_at is null;
