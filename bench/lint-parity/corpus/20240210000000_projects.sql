create table if not exists public.projects (
  id uuid primary key default gen_random_uuid(),
  team_id int not null,
  name text not null,
  settings json,
  created_at timestamptz not null default now()
);

alter table public.projects
  add constraint projects_team_id_fkey foreign key (team_id) references public.teams (id) on delete cascade;

alter table public.projects enable row level security;

create policy "team members manage projects" on public.projects
  for all to authenticated
  using (public.is_team_member(team_id))
  with check (public.is_team_member(team_id));

create or replace function public.touch_updated_at()
returns trigger language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end $$;

alter table public.projects add column updated_at timestamptz;

create trigger projects_touch before update on public.projects
  for each row execute function public.touch_updated_at();
