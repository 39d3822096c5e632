-- The safe versions, as a careful team writes them.
set lock_timeout = '3s';
set statement_timeout = '60s';

alter table public.todos add column if not exists priority smallint;

alter table public.todos
  add constraint todos_priority_range check (priority between 1 and 5) not valid;

alter table public.todos add column if not exists project_id uuid;

alter table public.todos
  add constraint todos_project_id_fkey foreign key (project_id) references public.projects (id) not valid;
