-- Expand/contract: rename the table and keep the old name working through a view for old clients.
set lock_timeout = '3s';
set statement_timeout = '30s';

alter table public.todos rename to tasks;

create view public.todos as select * from public.tasks;
