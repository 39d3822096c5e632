-- atlas:txmode none

-- Backfill in small transactions; a failed batch rolls back to its savepoint and is retried by the next run.
begin;
set local lock_timeout = '3s';
savepoint batch_1;
update public.tasks set priority = 3 where priority is null and id < 10000;
rollback to savepoint batch_1;
commit;

begin;
create table public.labels (
  id bigint generated always as identity,
  name text not null
);
alter table public.labels add primary key (id);
commit;
