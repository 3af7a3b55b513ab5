-- SLAs, playbook tasks, observables and saved queue filters. Every new table carries tenant_id under forced RLS.

-- ---------------------------------------------------------------- SLA timestamps and deadlines
-- An alert waits for acknowledgement (triaged_at); its deadline follows from the tenant's SLA tier and the severity
-- and is computed by the application at intake (business hours cannot be expressed in SQL sensibly).
alter table alert add column ack_due_at timestamptz;

-- A case's clock starts at its first alert's arrival (or at creation for a case opened by hand).
alter table case_file add column sla_start_at    timestamptz;
alter table case_file add column acknowledged_at timestamptz;
alter table case_file add column contained_at    timestamptz;
alter table case_file add column resolved_at     timestamptz;
alter table case_file add column ack_due_at      timestamptz;
alter table case_file add column contain_due_at  timestamptz;
alter table case_file add column case_type       text not null default 'OTHER'
    check (case_type in ('RANSOMWARE', 'PHISHING', 'ACCOUNT_COMPROMISE', 'OT_PROCESS_DISRUPTION', 'DDOS', 'OTHER'));
update case_file set sla_start_at = created_at where sla_start_at is null;
update case_file set acknowledged_at = updated_at where acknowledged_at is null and (status <> 'NEW' or assignee is not null);
update case_file set contained_at = updated_at where contained_at is null and status in ('CONTAINED', 'RESOLVED', 'CLOSED');
update case_file set resolved_at = coalesce(closed_at, updated_at) where resolved_at is null and status in ('RESOLVED', 'CLOSED');
-- monthly response metrics per tenant
create index case_file_tenant_sla_start on case_file (tenant_id, sla_start_at);

-- one warning and one breach at most per item and target, raised by the SLA monitor
create table sla_event
(
    sla_event_id bigint generated always as identity primary key,
    tenant_id    text        not null references tenant,
    item_kind    text        not null check (item_kind in ('CASE', 'ALERT')),
    item_id      text        not null,
    target       text        not null check (target in ('ACKNOWLEDGE', 'CONTAIN')),
    kind         text        not null check (kind in ('WARNING', 'BREACH')),
    severity     text        not null,
    title        text        not null,
    due_at       timestamptz not null,
    raised_at    timestamptz not null default clock_timestamp(),
    unique (item_kind, item_id, target, kind)
);
create index sla_event_tenant on sla_event (tenant_id, raised_at desc);
create index sla_event_recent on sla_event (raised_at desc);

-- ---------------------------------------------------------------- playbook tasks
create table case_task
(
    task_id   bigint generated always as identity primary key,
    case_id   bigint      not null references case_file,
    tenant_id text        not null references tenant,
    case_type text        not null,
    position  integer     not null,
    phase     text        not null,
    title     text        not null,
    done_at   timestamptz,
    done_by   text,
    constraint task_done_has_who check ((done_at is null) = (done_by is null))
);
create index case_task_case on case_task (case_id, position, task_id);

-- ---------------------------------------------------------------- observables
create table case_observable
(
    observable_id bigint generated always as identity primary key,
    case_id       bigint      not null references case_file,
    tenant_id     text        not null references tenant,
    kind          text        not null check (kind in ('IP', 'DOMAIN', 'HASH', 'USER', 'HOST')),
    value         text        not null check (length(value) between 1 and 512),
    origin        text        not null check (origin in ('MANUAL', 'ALERT')),
    added_by      text        not null,
    added_at      timestamptz not null default clock_timestamp(),
    unique (case_id, kind, value)
);
-- sightings: the same value in other tenants' cases
create index case_observable_value on case_observable (kind, value, tenant_id);

-- Values of an alert's key fields that name an asset or an observable (hosts, users, addresses, domains,
-- hashes), lower-cased: the queue's asset filter and cross-tenant sightings search them through a GIN index.
create function alert_key_values(key_fields jsonb) returns text[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(distinct lower(value)), '{}')
from jsonb_each_text(key_fields)
where key in ('host.name', 'host.hostname', 'host.ip', 'user.name', 'source.ip', 'destination.ip', 'client.ip',
              'server.ip', 'dns.question.name', 'url.domain', 'destination.domain', 'source.domain')
   or key like '%hash%'
$$;
alter table alert add column key_values text[] generated always as (alert_key_values(key_fields)) stored;
create index alert_key_values on alert using gin (key_values);
create index alert_techniques on alert using gin (techniques);

-- ---------------------------------------------------------------- queue sorting and filtering (keyset)
create index alert_queue_severity on alert (severity_rank desc, received_at desc, alert_id desc);
create index alert_queue_tenant_severity on alert (tenant_id, severity_rank desc, received_at desc, alert_id desc);
create index alert_queue_status on alert (status, received_at desc, alert_id desc);
create index alert_queue_tenant_status on alert (tenant_id, status, received_at desc, alert_id desc);
-- "SLA due" lists alerts still awaiting acknowledgement, soonest deadline first
create index alert_queue_sla on alert (ack_due_at, alert_id) where status = 'NEW';
create index alert_queue_tenant_sla on alert (tenant_id, ack_due_at, alert_id) where status = 'NEW';

-- ---------------------------------------------------------------- saved queue filters, per user
create table saved_filter
(
    filter_id  bigint generated always as identity primary key,
    username   text        not null,
    -- the user's tenant for tenant users, null for the provider's staff (visible to the provider scope only)
    tenant_id  text references tenant,
    name       text        not null check (length(name) between 1 and 80),
    query      text        not null check (length(query) <= 2000),
    created_at timestamptz not null default clock_timestamp(),
    unique (username, name)
);

alter table sla_event enable row level security;
alter table sla_event force row level security;
create policy sla_event_scope on sla_event using (soc_scope_allows(tenant_id));

alter table case_task enable row level security;
alter table case_task force row level security;
create policy case_task_scope on case_task using (soc_scope_allows(tenant_id));

alter table case_observable enable row level security;
alter table case_observable force row level security;
create policy case_observable_scope on case_observable using (soc_scope_allows(tenant_id));

alter table saved_filter enable row level security;
alter table saved_filter force row level security;
create policy saved_filter_scope on saved_filter using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on sla_event, case_task, case_observable, saved_filter to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
grant execute on function alert_key_values(jsonb) to ${appRole};
