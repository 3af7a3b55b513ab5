-- Alert queue filters that stay fast over millions of alerts (see docs/benchmarks.md "# Alert queue").
--
-- The array filters (ATT&CK technique, asset) cannot walk an ordered index of alert: a GIN index finds every
-- match and the matches are then sorted, and under row-level security a tenant user's `@>` (not leakproof)
-- cannot use the GIN index at all. alert_filter_value holds one row per (alert, technique) and (alert, key value),
-- with the alert's tenant and received time, so a filter value is a b-tree range already in queue order. Text
-- equality is leakproof, so the range is an index condition for tenant users too.
create table alert_filter_value
(
    alert_id    text        not null,
    tenant_id   text        not null,
    kind        text        not null check (kind in ('TECHNIQUE', 'ASSET')),
    value       text        not null,
    received_at timestamptz not null,
    primary key (alert_id, kind, value)
);
create index alert_filter_value_all on alert_filter_value (kind, value, received_at desc, alert_id desc);
create index alert_filter_value_tenant on alert_filter_value (tenant_id, kind, value, received_at desc, alert_id desc);

-- The rule filter matches a rule id or part of a rule title (ilike, never an index condition). The distinct
-- (tenant, rule id, rule title) triples are few, so the queue matches the filter against them and then walks each
-- matching rule's alerts in queue order (alert_queue_tenant_rule).
create table alert_rule
(
    tenant_id  text not null,
    rule_id    text not null,
    rule_title text not null,
    primary key (tenant_id, rule_id, rule_title)
);
create index alert_queue_tenant_rule on alert (tenant_id, rule_id, rule_title, received_at desc, alert_id desc);

-- Both are kept by statement-level triggers over the transition tables, so a bulk insert costs one insert per
-- table rather than one per row, whoever inserts (intake, simulation, tests).
create function alert_filter_values_insert() returns trigger
    language plpgsql as
$$
begin
    insert into alert_filter_value (alert_id, tenant_id, kind, value, received_at)
    select n.alert_id, n.tenant_id, 'TECHNIQUE', t.value, n.received_at
    from new_alerts n, unnest(n.techniques) as t(value)
    union all
    select n.alert_id, n.tenant_id, 'ASSET', k.value, n.received_at
    from new_alerts n, unnest(n.key_values) as k(value)
    on conflict do nothing;
    insert into alert_rule (tenant_id, rule_id, rule_title)
    select distinct tenant_id, rule_id, rule_title from new_alerts
    on conflict do nothing;
    return null;
end
$$;
create trigger alert_filter_values_insert after insert on alert
    referencing new table as new_alerts for each statement execute function alert_filter_values_insert();

create function alert_filter_values_delete() returns trigger
    language plpgsql as
$$
begin
    delete from alert_filter_value f using old_alerts o where f.alert_id = o.alert_id;
    return null;
end
$$;
create trigger alert_filter_values_delete after delete on alert
    referencing old table as old_alerts for each statement execute function alert_filter_values_delete();

-- techniques, key fields and rules are written once at intake; should a later change touch them, the rows follow
create function alert_filter_values_update() returns trigger
    language plpgsql as
$$
begin
    delete from alert_filter_value where alert_id = old.alert_id;
    insert into alert_filter_value (alert_id, tenant_id, kind, value, received_at)
    select new.alert_id, new.tenant_id, 'TECHNIQUE', t.value, new.received_at from unnest(new.techniques) as t(value)
    union all
    select new.alert_id, new.tenant_id, 'ASSET', k.value, new.received_at from unnest(new.key_values) as k(value)
    on conflict do nothing;
    insert into alert_rule (tenant_id, rule_id, rule_title) values (new.tenant_id, new.rule_id, new.rule_title)
    on conflict do nothing;
    return null;
end
$$;
create trigger alert_filter_values_update after update of alert_id, tenant_id, rule_id, rule_title, techniques, key_fields,
    received_at on alert for each row execute function alert_filter_values_update();

-- the alerts already there
insert into alert_filter_value (alert_id, tenant_id, kind, value, received_at)
select a.alert_id, a.tenant_id, 'TECHNIQUE', t.value, a.received_at from alert a, unnest(a.techniques) as t(value)
union all
select a.alert_id, a.tenant_id, 'ASSET', k.value, a.received_at from alert a, unnest(a.key_values) as k(value)
on conflict do nothing;
insert into alert_rule (tenant_id, rule_id, rule_title)
select distinct tenant_id, rule_id, rule_title from alert
on conflict do nothing;

alter table alert_filter_value enable row level security;
alter table alert_filter_value force row level security;
create policy alert_filter_value_scope on alert_filter_value using (soc_scope_allows(tenant_id));

alter table alert_rule enable row level security;
alter table alert_rule force row level security;
create policy alert_rule_scope on alert_rule using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on alert_filter_value, alert_rule to ${appRole};
