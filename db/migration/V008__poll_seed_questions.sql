-- The polls of the eight seeded questions, attached to threads 1..8 (poll ids equal thread ids).
insert into poll (id, kind, question, topic_id, status, min_choices, max_choices, scale_min, scale_max,
                  scale_low_label, scale_high_label, closes_at, created_at) values
 (1, 'SINGLE', 'When will AI supplant most human jobs?', 1, 'OPEN', 1, 1, null, null, null, null, null, timestamptz '2024-05-27 09:00:00+00'),
 (2, 'SCALE', 'If computers and robots can do everything better than you, your life still has meaning.', 2, 'OPEN', 1, 1, 1, 5, 'Strongly disagree', 'Strongly agree', null, timestamptz '2024-05-27 09:05:00+00'),
 (3, 'SINGLE', 'Is our role to ''give AI meaning''?', 3, 'OPEN', 1, 1, null, null, null, null, null, timestamptz '2024-05-27 09:10:00+00'),
 (4, 'FORECAST', 'Will xAI have caught up with OpenAI and Google DeepMind by the end of 2024?', 4, 'CLOSED', 1, 1, null, null, null, null, timestamptz '2024-12-31 23:59:59+00', timestamptz '2024-05-27 09:15:00+00'),
 (5, 'FORECAST', 'Will an AI system be able to do everything better than humans by the end of 2025?', 5, 'CLOSED', 1, 1, null, null, null, null, timestamptz '2025-12-31 23:59:59+00', timestamptz '2024-05-27 09:20:00+00'),
 (6, 'SCALE', 'A 100,000-GPU "Gigafactory of Compute" is the right path to more capable AI.', 6, 'OPEN', 1, 1, 1, 5, 'Strongly disagree', 'Strongly agree', null, timestamptz '2024-05-27 09:25:00+00'),
 (7, 'RANKED', 'Rank what will matter most for AI progress.', 7, 'OPEN', 1, 6, null, null, null, null, null, timestamptz '2024-05-27 09:30:00+00'),
 (8, 'FORECAST', 'Will a single AI system surpass human cognitive abilities across the board by 2030?', 8, 'OPEN', 1, 1, null, null, null, null, timestamptz '2030-01-01 00:00:00+00', timestamptz '2024-05-27 09:35:00+00');
select setval(pg_get_serial_sequence('poll', 'id'), 8);

insert into poll_option (poll_id, label, position) values
 (1, 'Before 2030', 1), (1, '2030–2040', 2), (1, '2040–2060', 3), (1, 'Later than 2060', 4), (1, 'Never', 5),
 (3, 'Yes', 1), (3, 'No', 2), (3, 'Partly', 3), (3, 'Other', 4),
 (7, 'Compute', 1), (7, 'Data', 2), (7, 'Algorithms', 3), (7, 'Energy', 4), (7, 'Talent', 5), (7, 'Regulation', 6);
