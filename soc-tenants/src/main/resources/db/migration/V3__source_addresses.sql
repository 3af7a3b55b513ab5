-- Sender addresses of data sources that cannot present a token (syslog over UDP/TCP/TLS): a line received from
-- an address inside a registered CIDR belongs to that source. One address belongs to one source: the service
-- refuses a registration that overlaps another tenant's, and the most specific CIDR wins within a tenant.
create table source_address
(
    source_id  uuid        not null references source,
    tenant_id  text        not null references tenant,
    cidr       cidr        not null,
    created_at timestamptz not null default now(),
    created_by text        not null,
    primary key (source_id, cidr)
);
create index source_address_cidr on source_address using gist (cidr inet_ops);

alter table source_address enable row level security;
alter table source_address force row level security;
create policy source_address_scope on source_address using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on source_address to ${appRole};
