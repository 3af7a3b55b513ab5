-- Tenancy is in the data model from the first line: every tenant-owned row carries tenant_id, and
-- row-level security (forced, so it also binds the table owner) limits each session to the tenant scope
-- set by the application per connection checkout in the GUC soc.tenant_scope:
--   '*'          provider-side users and system components (all tenants)
--   '<tenant>'   a tenant-scoped user: that tenant only
--   '' / unset   nothing at all (default deny)

create function soc_scope_allows(row_tenant text) returns boolean
    language sql stable as
$$
select coalesce(current_setting('soc.tenant_scope', true), '') = '*'
    or (row_tenant is not null and row_tenant = current_setting('soc.tenant_scope', true))
$$;

create table tenant
(
    tenant_id  text primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       text        not null,
    kind       text        not null,
    region     text,
    status     text        not null default 'ONBOARDING',
    created_at timestamptz not null default now()
);

create table app_user
(
    user_id         bigint generated always as identity primary key,
    username        text        not null unique,
    display_name    text        not null,
    password_hash   text        not null,
    role            text        not null,
    tenant_id       text references tenant,
    enabled         boolean     not null default true,
    failed_logins   integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    -- tenant roles always belong to a tenant; provider roles never do
    constraint tenant_role_has_tenant check ((role in ('TENANT_ADMIN', 'TENANT_ANALYST')) = (tenant_id is not null))
);

create table source
(
    source_id     uuid primary key     default gen_random_uuid(),
    tenant_id     text        not null references tenant,
    name          text        not null,
    type          text        not null,
    format        text        not null default 'auto',
    ingest_method text        not null default 'HTTP_TOKEN',
    created_at    timestamptz not null default now(),
    last_event_at timestamptz,
    unique (tenant_id, name)
);

create table ingest_token
(
    token_id     uuid primary key     default gen_random_uuid(),
    tenant_id    text        not null references tenant,
    source_id    uuid        not null references source,
    token_sha256 text        not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    revoked_at   timestamptz
);

create table audit_log
(
    audit_id  bigint generated always as identity primary key,
    at        timestamptz not null default now(),
    actor     text        not null,
    tenant_id text,
    action    text        not null,
    detail    text
);
create index audit_log_tenant_at on audit_log (tenant_id, at desc);

alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_scope on tenant using (soc_scope_allows(tenant_id));

alter table app_user enable row level security;
alter table app_user force row level security;
-- provider-side users (tenant_id null) are visible to the platform scope only
create policy app_user_scope on app_user using (soc_scope_allows(tenant_id));

alter table source enable row level security;
alter table source force row level security;
create policy source_scope on source using (soc_scope_allows(tenant_id));

alter table ingest_token enable row level security;
alter table ingest_token force row level security;
create policy ingest_token_scope on ingest_token using (soc_scope_allows(tenant_id));

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_scope on audit_log using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};
