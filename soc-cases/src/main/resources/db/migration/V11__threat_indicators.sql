-- Threat indicators (IP/CIDR, domain, URL, file hash) matched by soc-detect against the event stream, and the
-- alert columns of deduplication (same rule and entity within a window -> one alert row with a count).
--
-- Indicators are either global (tenant_id null: every tenant's events are matched; visible to provider users only,
-- as soc_scope_allows(null) is true only for the '*' scope) or a tenant's own. The web app writes them here and
-- publishes each change to the compacted topic soc.indicators.v1 (key = indicator id, tombstone on delete), which
-- soc-detect reads from the beginning into its live set.
create table threat_indicator
(
    indicator_id uuid primary key     default gen_random_uuid(),
    tenant_id    text references tenant on delete cascade,
    type         text        not null check (type in ('IP', 'DOMAIN', 'URL', 'HASH')),
    -- normalised: IPs/CIDRs canonical, domains lower-case without a trailing dot, hashes lower-case hex
    value        text        not null check (length(value) between 1 and 2048),
    source       text        not null,
    description  text,
    expires_at   timestamptz,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);
-- one indicator per tenant (or global), type and value; a re-import updates it
create unique index threat_indicator_unique on threat_indicator (coalesce(tenant_id, ''), type, value);
create index threat_indicator_tenant on threat_indicator (tenant_id, created_at desc);

alter table threat_indicator enable row level security;
alter table threat_indicator force row level security;
create policy threat_indicator_scope on threat_indicator using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on threat_indicator to ${appRole};

-- Deduplication: an alert row stands for every occurrence of its fingerprint (tenant, rule, entity) that arrived
-- within the window of its last one while it was still open (NEW or ACKNOWLEDGED).
alter table alert add column occurrences integer not null default 1;
alter table alert add column last_seen_at timestamptz;
update alert set last_seen_at = event_time;
create index alert_fingerprint_open on alert (tenant_id, fingerprint) where status in ('NEW', 'ACKNOWLEDGED');

-- Every alert id intake has taken, and the row it was counted in: a re-delivered alert id is recognised here and
-- never counted twice.
create table alert_occurrence
(
    alert_id    text primary key,
    tenant_id   text        not null references tenant,
    merged_into text        not null,
    received_at timestamptz not null default clock_timestamp()
);
insert into alert_occurrence (alert_id, tenant_id, merged_into) select alert_id, tenant_id, alert_id from alert;

alter table alert_occurrence enable row level security;
alter table alert_occurrence force row level security;
create policy alert_occurrence_scope on alert_occurrence using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on alert_occurrence to ${appRole};
