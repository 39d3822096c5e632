create schema if not exists audit;

create table audit.log (
  id bigint generated always as identity primary key,
  table_name text not null,
  op char(1) not null,
  row_data jsonb,
  changed_by uuid default auth.uid(),
  changed_at timestamptz not null default now()
);

create or replace function audit.capture()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into audit.log (table_name, op, row_data)
  values (tg_table_name, left(tg_op, 1), to_jsonb(coalesce(new, old)));
  return coalesce(new, old);
end;
$$;

create trigger projects_audit after insert or update or delete on public.projects
  for each row execute function audit.capture();

revoke all on audit.log from anon, authenticated;
