-- Alerts as analysts triage them. The detection service's alert id is the primary key, so re-delivery of
-- the alerts topic never duplicates a row.
create table alert
(
    alert_id      text primary key,
    tenant_id     text        not null references tenant,
    rule_id       text        not null,
    rule_title    text        not null,
    rule_author   text,
    severity      text        not null,
    severity_rank smallint    not null,
    techniques    text[]      not null default '{}',
    event_ids     text[]      not null default '{}',
    key_fields    jsonb       not null default '{}',
    fingerprint   text        not null,
    status        text        not null default 'NEW',
    assignee      text,
    event_time    timestamptz not null,
    detected_at   timestamptz not null,
    received_at   timestamptz not null default clock_timestamp()
);
-- keyset paging of the queue, newest first, per tenant and across tenants
create index alert_queue_tenant on alert (tenant_id, received_at desc, alert_id desc);
create index alert_queue_all on alert (received_at desc, alert_id desc);

alter table alert enable row level security;
alter table alert force row level security;
create policy alert_scope on alert using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on alert to ${appRole};
