-- Staff pin threads: pinned threads come first on the threads page (newest pin first).
alter table debate_topic add column pinned_at timestamptz;
create index debate_topic_pinned on debate_topic (pinned_at desc) where pinned_at is not null;
