-- Later: make slugs unique and required, add a plan.
alter table public.teams add constraint teams_slug_key unique (slug);

alter table public.teams add column plan text not null default 'free';

alter table public.teams add column billing_email varchar(320);

alter table public.teams alter column created_at set not null;

create index teams_name_idx on public.teams using gin (to_tsvector('simple', name));
