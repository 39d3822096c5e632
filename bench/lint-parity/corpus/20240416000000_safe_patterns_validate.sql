set lock_timeout = '3s';
set statement_timeout = '10min';

alter table public.todos validate constraint todos_priority_range;

alter table public.todos validate constraint todos_project_id_fkey;
