-- Rule management: the catalog of rules soc-detect loaded (not tenant-owned: every tenant runs the same catalog),
-- and each tenant's own settings: rules switched off, exceptions, custom Sigma rules (tenant-owned, forced RLS).
create table rule_catalog
(
    rule_id      text primary key,
    title        text        not null,
    author       text,
    level        text,
    severity     text        not null,
    status       text,
    description  text,
    techniques   text[]      not null default '{}',
    tactics      text[]      not null default '{}',
    product      text,
    category     text,
    service      text,
    origin       text        not null,
    pack         text,
    kind         text        not null default 'detection',
    yaml         text,
    published_at timestamptz not null
);
create index rule_catalog_techniques on rule_catalog using gin (techniques);
create index rule_catalog_tactics on rule_catalog using gin (tactics);
grant select, insert, update, delete on rule_catalog to ${appRole};

-- a row only where a tenant deviates from the default (every rule on)
create table tenant_rule_setting
(
    tenant_id  text        not null references tenant,
    rule_id    text        not null,
    enabled    boolean     not null,
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, rule_id)
);

create table tenant_rule_exception
(
    exception_id uuid primary key     default gen_random_uuid(),
    tenant_id    text        not null references tenant,
    rule_id      text        not null,
    field        text        not null,
    operator     text        not null check (operator in ('EQUALS', 'CONTAINS')),
    value        text        not null,
    reason       text        not null,
    expires_at   timestamptz,
    created_by   text        not null,
    created_at   timestamptz not null default now()
);
create index tenant_rule_exception_rule on tenant_rule_exception (tenant_id, rule_id);

create table custom_rule
(
    custom_rule_id uuid primary key     default gen_random_uuid(),
    tenant_id      text        not null references tenant,
    rule_id        text        not null,
    title          text        not null,
    level          text,
    yaml           text        not null,
    enabled        boolean     not null default true,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    updated_by     text        not null,
    updated_at     timestamptz not null default now(),
    unique (tenant_id, rule_id)
);

alter table tenant_rule_setting enable row level security;
alter table tenant_rule_setting force row level security;
create policy tenant_rule_setting_scope on tenant_rule_setting using (soc_scope_allows(tenant_id));

alter table tenant_rule_exception enable row level security;
alter table tenant_rule_exception force row level security;
create policy tenant_rule_exception_scope on tenant_rule_exception using (soc_scope_allows(tenant_id));

alter table custom_rule enable row level security;
alter table custom_rule force row level security;
create policy custom_rule_scope on custom_rule using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on tenant_rule_setting, tenant_rule_exception, custom_rule to ${appRole};
