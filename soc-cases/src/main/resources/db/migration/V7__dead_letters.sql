-- Everything refused at any stage, as analysts see it. Unattributed input (no tenant) is visible to the
-- provider scope only: soc_scope_allows(null) is true for '*' alone.
create table dead_letter
(
    dead_letter_id bigint generated always as identity primary key,
    tenant_id      text,
    source_id      text,
    stage          text        not null,
    reason         text        not null,
    original       text,
    rejected_at    timestamptz not null,
    kafka_position text        not null unique,
    received_at    timestamptz not null default clock_timestamp()
);
create index dead_letter_recent on dead_letter (received_at desc);
create index dead_letter_tenant_recent on dead_letter (tenant_id, received_at desc);

alter table dead_letter enable row level security;
alter table dead_letter force row level security;
create policy dead_letter_scope on dead_letter using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on dead_letter to ${appRole};
