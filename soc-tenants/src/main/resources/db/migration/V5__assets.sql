-- The asset inventory of each tenant: IT and OT devices with their addresses, so events can be enriched with what
-- a source or destination address is (a PLC in cell 1, a domain controller...) and how much it matters.
--
-- Addresses live in a child table rather than a cidr[] column: one row per network keeps row-level security per
-- row, allows a GiST index for "which asset holds this address" in SQL, and lets the database refuse one address
-- being given to two assets of the same tenant (unique (tenant_id, cidr)). Different tenants may of course use the
-- same private ranges: look-ups are always within one tenant.
create table asset
(
    asset_id     uuid primary key     default gen_random_uuid(),
    tenant_id    text        not null references tenant,
    name         text        not null,
    type         text        not null check (type in ('SERVER', 'WORKSTATION', 'LAPTOP', 'NETWORK_DEVICE', 'PLC', 'HMI',
                                                      'RTU', 'ENGINEERING_WORKSTATION', 'HISTORIAN', 'SCADA_SERVER',
                                                      'SAFETY_SYSTEM', 'IOT', 'OTHER')),
    criticality  text        not null default 'MEDIUM' check (criticality in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    -- Purdue model level 0 (process) to 5 (enterprise network); null for IT assets outside the model
    purdue_level smallint check (purdue_level between 0 and 5),
    zone         text,
    owner        text,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    unique (tenant_id, name)
);
create index asset_tenant_name on asset (tenant_id, name);

create table asset_address
(
    asset_id  uuid not null references asset on delete cascade,
    tenant_id text not null references tenant,
    cidr      cidr not null,
    primary key (asset_id, cidr),
    unique (tenant_id, cidr)
);
create index asset_address_cidr on asset_address using gist (cidr inet_ops);

alter table asset enable row level security;
alter table asset force row level security;
create policy asset_scope on asset using (soc_scope_allows(tenant_id));

alter table asset_address enable row level security;
alter table asset_address force row level security;
create policy asset_address_scope on asset_address using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on asset, asset_address to ${appRole};
