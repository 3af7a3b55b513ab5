-- Alert triage and case management. Every table carries tenant_id and is bound by forced row-level security,
-- exactly like the alert table (V2): a tenant user's session sees only that tenant's cases and timeline.

-- triage on alerts: why an alert was closed, and when it was first looked at
alter table alert add column close_reason text;
alter table alert add column triaged_at timestamptz;
alter table alert add column closed_at timestamptz;
-- earlier alerts with the same fingerprint, per tenant
create index alert_fingerprint on alert (tenant_id, fingerprint, received_at desc);

create table case_file
(
    case_id       bigint generated always as identity primary key,
    tenant_id     text        not null references tenant,
    title         text        not null check (length(title) between 1 and 300),
    severity      text        not null check (severity in ('INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status        text        not null default 'NEW'
        check (status in ('NEW', 'IN_PROGRESS', 'CONTAINED', 'RESOLVED', 'CLOSED')),
    assignee      text,
    assignee_side text check (assignee_side in ('PROVIDER', 'TENANT')),
    created_at    timestamptz not null default clock_timestamp(),
    updated_at    timestamptz not null default clock_timestamp(),
    closed_at     timestamptz,
    resolution    text,
    root_cause    text check (root_cause in ('PHISHING_CLICK', 'MISCONFIGURATION', 'WEAK_CREDENTIALS',
                                             'UNPATCHED_SYSTEM', 'MALWARE', 'INSIDER', 'UNKNOWN', 'OTHER')),
    -- a closed case always says how it ended and why it happened
    constraint closed_case_is_explained check (status <> 'CLOSED'
        or (closed_at is not null and resolution is not null and length(trim(resolution)) > 0 and root_cause is not null)),
    constraint assignee_has_side check ((assignee is null) = (assignee_side is null))
);
create index case_file_tenant on case_file (tenant_id, updated_at desc);
create index case_file_all on case_file (updated_at desc);

create table case_alert
(
    case_id   bigint not null references case_file,
    alert_id  text   not null references alert,
    tenant_id text   not null references tenant,
    primary key (case_id, alert_id)
);
-- an alert belongs to at most one case
create unique index case_alert_alert on case_alert (alert_id);

create table case_entry
(
    entry_id  bigint generated always as identity primary key,
    case_id   bigint      not null references case_file,
    tenant_id text        not null references tenant,
    at        timestamptz not null default clock_timestamp(),
    actor     text        not null,
    kind      text        not null check (kind in ('COMMENT', 'STATUS', 'ALERT_ADDED', 'ASSIGNED')),
    text      text        not null
);
create index case_entry_case on case_entry (case_id, at, entry_id);

alter table case_file enable row level security;
alter table case_file force row level security;
create policy case_file_scope on case_file using (soc_scope_allows(tenant_id));

alter table case_alert enable row level security;
alter table case_alert force row level security;
create policy case_alert_scope on case_alert using (soc_scope_allows(tenant_id));

alter table case_entry enable row level security;
alter table case_entry force row level security;
create policy case_entry_scope on case_entry using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on case_file, case_alert, case_entry to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
