-- Polls written by members (drafts, publishing, closing by hand), "other" answers with free text, numeric
-- scales with a step, forecast resolution criteria and dates, and the scores forecasters earn on resolution.
alter table poll
    add column scale_step          integer     not null default 1,
    add column resolution_criteria text        not null default '',
    add column resolves_at         timestamptz,
    add column opened_at           timestamptz,
    add column closed_at           timestamptz,
    add column resolved_by         bigint      references account (id),
    add constraint poll_scale_step_check check (scale_step >= 1),
    add constraint poll_description_length check (char_length(description) <= 5000),
    add constraint poll_criteria_length check (char_length(resolution_criteria) <= 5000),
    add constraint poll_note_length check (resolution_note is null or char_length(resolution_note) <= 2000);
update poll set opened_at = created_at where status <> 'DRAFT';
create index poll_author on poll (author_id, created_at desc) where author_id is not null;

-- At most one option per poll takes a free-text answer ("Other: …").
alter table poll_option add column is_other boolean not null default false;
create unique index poll_option_one_other on poll_option (poll_id) where is_other;

-- The free text of a voter's "other" answer lives beside the ballot and goes with it when it is retracted.
create table poll_other_answer (
    poll_id    bigint      not null,
    voter_id   bigint      not null,
    text       text        not null,
    hidden     boolean     not null default false,
    updated_at timestamptz not null default now(),
    primary key (poll_id, voter_id),
    foreign key (poll_id, voter_id) references poll_ballot (poll_id, voter_id) on delete cascade,
    constraint poll_other_answer_length check (char_length(text) between 1 and 200)
);

-- One score per forecaster and resolved forecast: time-averaged over the time they held a forecast.
create table poll_forecast_score (
    poll_id      bigint           not null references poll (id) on delete cascade,
    voter_id     bigint           not null references account (id) on delete cascade,
    brier        double precision not null,
    log_score    double precision not null,
    held_seconds bigint           not null,
    last_percent integer          not null,
    outcome      boolean          not null,
    primary key (poll_id, voter_id),
    constraint poll_forecast_score_brier check (brier between 0 and 1),
    constraint poll_forecast_score_percent check (last_percent between 1 and 99)
);
create index poll_forecast_score_voter on poll_forecast_score (voter_id);

-- The seeded "Is our role to 'give AI meaning'?" poll lets voters say what else they think.
update poll_option set is_other = true where poll_id = 3 and label = 'Other';

update poll set resolves_at = timestamptz '2025-01-31 00:00:00+00',
                resolution_criteria = 'Resolves YES if, by 31 December 2024, an xAI model ranks level with or above the best '
                    || 'OpenAI and Google DeepMind models on the LMSYS Chatbot Arena overall leaderboard (within the '
                    || 'confidence interval), as archived on 1 January 2025. Otherwise NO.'
 where id = 4;
update poll set resolves_at = timestamptz '2026-01-31 00:00:00+00',
                resolution_criteria = 'Resolves YES if, by 31 December 2025, an AI system is credibly shown to match or '
                    || 'exceed expert humans at essentially every cognitive and economically valuable task (as judged '
                    || 'by the moderators from published evaluations). Otherwise NO.'
 where id = 5;
update poll set resolves_at = timestamptz '2030-03-01 00:00:00+00',
                resolution_criteria = 'Resolves YES if, before 1 January 2030, one AI system matches or exceeds expert '
                    || 'human performance across the broad range of cognitive tests and tasks, as judged by the '
                    || 'moderators from published evaluations. Otherwise NO.'
 where id = 8;
