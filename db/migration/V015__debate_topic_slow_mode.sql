-- Slow mode: while slow_mode_until is ahead, a member posts at most once per slow_mode_minutes in the thread.
alter table debate_topic add column slow_mode_minutes integer;
alter table debate_topic add column slow_mode_until timestamptz;
alter table debate_topic add constraint debate_topic_slow_mode check (
    (slow_mode_minutes is null and slow_mode_until is null)
    or (slow_mode_minutes between 1 and 1440 and slow_mode_until is not null));
