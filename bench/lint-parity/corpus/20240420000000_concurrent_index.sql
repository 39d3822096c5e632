-- atlas:txmode none

create index concurrently if not exists todos_project_id_idx on public.todos (project_id);

drop index concurrently if exists public.teams_name_idx;
