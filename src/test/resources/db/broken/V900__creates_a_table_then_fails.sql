-- A migration that fails halfway (used by MigrationSafetyTest): the table it creates first must not survive.
create table migration_probe (id bigint primary key);
alter table account add column migration_probe text;
select 1 / 0;
