-- How far each member has read each thread, so a thread opens with "jump to the first unread post".
create table debate_read_mark (
    account_id   bigint      not null references account (id) on delete cascade,
    topic_id     bigint      not null references debate_topic (id) on delete cascade,
    last_seen_at timestamptz not null,
    primary key (account_id, topic_id)
);
