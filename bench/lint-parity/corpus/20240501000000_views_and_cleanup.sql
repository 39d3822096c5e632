create or replace view public.team_overview
with (security_invoker = on) as
  select t.id, t.name, count(m.user_id) as members
  from public.teams t
  left join public.team_members m on m.team_id = t.id
  group by t.id, t.name;

create materialized view public.project_counts as
  select team_id, count(*) as projects from public.projects group by team_id;

refresh materialized view public.project_counts;

drop table if exists public.legacy_settings;

truncate table audit.log cascade;

alter type public.team_role add value 'billing';

comment on table public.projects is 'Projects of a team';
