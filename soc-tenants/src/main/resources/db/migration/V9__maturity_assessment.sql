-- Posture (issue 7): the tenants' maturity self-assessments, every submission kept so the score can be trended,
-- and the history of monthly posture reports. Tenant-owned rows under forced row-level security like every table.

create table maturity_assessment
(
    assessment_id bigint generated always as identity primary key,
    tenant_id     text        not null references tenant,
    submitted_at  timestamptz not null default clock_timestamp(),
    submitted_by  text        not null
);
create index maturity_assessment_tenant on maturity_assessment (tenant_id, submitted_at desc);

-- one row per answered question: question ids are those of the platform's question set (e.g. 'DE.CM-01')
create table maturity_answer
(
    assessment_id bigint   not null references maturity_assessment on delete cascade,
    tenant_id     text     not null references tenant,
    question_id   text     not null check (question_id ~ '^[A-Z]{2}\.[A-Z]{2}-[0-9]{2}$'),
    score         smallint not null check (score between 0 and 4),
    primary key (assessment_id, question_id)
);

create table posture_report
(
    report_id    bigint generated always as identity primary key,
    tenant_id    text        not null references tenant,
    month        date        not null check (extract(day from month) = 1),
    generated_at timestamptz not null default clock_timestamp(),
    score        integer,
    recipients   text[]      not null default '{}',
    -- SENT, or why not (no recipient, mail not configured, the SMTP error)
    delivery     text        not null,
    pdf_bytes    integer     not null
);
create index posture_report_tenant on posture_report (tenant_id, month desc, generated_at desc);

alter table maturity_assessment enable row level security;
alter table maturity_assessment force row level security;
create policy maturity_assessment_scope on maturity_assessment using (soc_scope_allows(tenant_id));

alter table maturity_answer enable row level security;
alter table maturity_answer force row level security;
create policy maturity_answer_scope on maturity_answer using (soc_scope_allows(tenant_id));

alter table posture_report enable row level security;
alter table posture_report force row level security;
create policy posture_report_scope on posture_report using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on maturity_assessment, maturity_answer, posture_report to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
