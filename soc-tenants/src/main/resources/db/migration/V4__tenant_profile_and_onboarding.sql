-- What a SOC needs to know about each organisation it serves, and the onboarding journey that brings it live.
alter table tenant
    add column size               text,
    add column service_model      text not null default 'MANAGED',
    add column sla_tier           text not null default 'STANDARD',
    add column security_lead      text,
    add column security_lead_email text,
    add column escalation_contact text,
    add column escalation_phone   text;

alter table source
    add column expected_daily_events bigint,
    add column criticality           text    not null default 'MEDIUM',
    add column silent_after_minutes  integer not null default 60;

-- One row per checklist item of a tenant's onboarding; stages run DISCOVER -> PLAN -> CONNECT -> VERIFY -> TUNE -> LIVE.
create table onboarding_item
(
    item_id    bigint generated always as identity primary key,
    tenant_id  text        not null references tenant,
    stage      text        not null,
    position   integer     not null,
    code       text        not null,
    title      text        not null,
    owner      text,
    due_on     date,
    done_at    timestamptz,
    done_by    text,
    unique (tenant_id, code)
);
create index onboarding_item_tenant on onboarding_item (tenant_id, position);

alter table onboarding_item enable row level security;
alter table onboarding_item force row level security;
create policy onboarding_item_scope on onboarding_item using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on onboarding_item to ${appRole};
