-- Discovery questionnaire (every submission kept: the latest is the current picture, the rest is history),
-- the status officers give each roadmap recommendation, and the exports taken before a tenant is deleted.
create table discovery_response
(
    response_id bigint generated always as identity primary key,
    tenant_id   text        not null references tenant,
    answers     text        not null, -- JSON object of the questionnaire's answers
    answered_by text        not null,
    answered_at timestamptz not null default now()
);
create index discovery_response_tenant on discovery_response (tenant_id, answered_at desc);

-- Recommendations themselves are computed by the roadmap rules; only their status (OPEN, PLANNED, DONE) is stored.
create table roadmap_item
(
    tenant_id  text        not null references tenant,
    code       text        not null,
    status     text        not null,
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, code)
);

create table offboarding_export
(
    export_id uuid primary key     default gen_random_uuid(),
    tenant_id text        not null references tenant,
    taken_by  text        not null,
    taken_at  timestamptz not null default now(),
    bytes     bigint      not null,
    digest    text        not null, -- SHA-256 of the archive as downloaded
    tables    integer     not null,
    pg_rows   bigint      not null,
    documents bigint      not null  -- OpenSearch events and alerts in the archive
);
create index offboarding_export_tenant on offboarding_export (tenant_id, taken_at desc);

alter table discovery_response enable row level security;
alter table discovery_response force row level security;
create policy discovery_response_scope on discovery_response using (soc_scope_allows(tenant_id));

alter table roadmap_item enable row level security;
alter table roadmap_item force row level security;
create policy roadmap_item_scope on roadmap_item using (soc_scope_allows(tenant_id));

alter table offboarding_export enable row level security;
alter table offboarding_export force row level security;
create policy offboarding_export_scope on offboarding_export using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on discovery_response, roadmap_item, offboarding_export to ${appRole};
