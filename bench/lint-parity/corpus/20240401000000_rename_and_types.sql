-- A refactor that renames and retypes columns in place.
alter table public.todos rename column task to title;

alter table public.team_members alter column team_id type bigint;

alter table public.teams alter column id type bigint;

alter table public.projects alter column settings type jsonb using settings::jsonb;

alter table public.profiles drop column website;

alter table public.teams
  alter column slug set not null,
  alter column name drop not null;
