-- Teams and memberships: an older style, written before the team knew about lint.
create type public.team_role as enum ('owner', 'admin', 'member');

create table public.teams (
  id serial primary key,
  slug varchar(64) not null,
  name varchar(255) not null,
  created_at timestamp default now()
);

create table public.team_members (
  team_id int not null references public.teams (id),
  user_id uuid not null references auth.users (id),
  role public.team_role not null default 'member',
  primary key (team_id, user_id)
);

create index team_members_user_id_idx on public.team_members (user_id);

create or replace function public.is_team_member(_team_id int)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.team_members m
    where m.team_id = _team_id and m.user_id = (select auth.uid())
  );
$$;

alter table public.teams enable row level security;
create policy "members read their teams" on public.teams
  for select to authenticated using (public.is_team_member(id));
