-- Simulator scenario runs and their ground truth (soc-web, soc.web.simulator): which scenario was injected into
-- which tenant, when, the events sent, and the alerts expected. The scorer compares them with table alert.
create table scenario_run
(
    run_id       uuid primary key,
    tenant_id    text        not null references tenant,
    scenario     text        not null,
    injected_at  timestamptz not null,
    injected_by  text        not null,
    match_on     text        not null check (match_on in ('EVENT_TIME', 'DETECTED_AT')),
    window_from  timestamptz not null,
    window_to    timestamptz not null,
    reference_at timestamptz not null,
    -- [{"ruleId": ..., "title": ..., "required": true}]
    expected     jsonb       not null,
    -- [{"source": ..., "time": ..., "payload": ...}] exactly as sent
    events       jsonb       not null,
    event_count  integer     not null,
    muted_source text
);
create index scenario_run_recent on scenario_run (injected_at desc);
create index scenario_run_tenant on scenario_run (tenant_id, injected_at desc);

alter table scenario_run enable row level security;
alter table scenario_run force row level security;
create policy scenario_run_scope on scenario_run using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on scenario_run to ${appRole};
