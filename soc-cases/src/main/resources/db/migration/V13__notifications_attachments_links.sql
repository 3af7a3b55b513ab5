-- Notifications (an outbox of every e-mail and webhook, with retries), per-tenant webhook settings, evidence
-- attachments on cases and links between cases of one tenant. Every table carries tenant_id under forced RLS.

-- Timeline kinds are named by the Java enum EntryKind; the database only checks their form, so features that add a
-- kind do not have to rewrite each other's list (the V6 inline list is dropped here).
alter table case_entry drop constraint if exists case_entry_kind_check;
alter table case_entry add constraint case_entry_kind_form check (kind ~ '^[A-Z][A-Z_]{0,39}$');

-- what each tenant wants to be told, and where
create table notification_setting
(
    tenant_id         text primary key references tenant,
    -- extra 24/7 escalation mailboxes, comma-separated, besides the tenant profile's security lead e-mail
    escalation_emails text,
    webhook_url       text check (webhook_url is null or webhook_url ~ '^https?://'),
    -- HMAC key of the webhook signature; the server must read it to sign, so it is stored as issued and never shown again
    webhook_secret    text,
    secret_issued_at  timestamptz,
    updated_at        timestamptz not null default clock_timestamp(),
    updated_by        text        not null
);

-- the outbox: one row per message per recipient, written in the transaction of the change that caused it
create table notification
(
    notification_id bigint generated always as identity primary key,
    tenant_id       text        not null references tenant,
    case_id         bigint references case_file,
    event           text        not null,
    channel         text        not null check (channel in ('EMAIL', 'WEBHOOK')),
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')),
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null default clock_timestamp(),
    next_attempt_at timestamptz not null default clock_timestamp(),
    sent_at         timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_tenant on notification (tenant_id, created_at desc);
create index notification_case on notification (case_id);

-- evidence files, kept in PostgreSQL so tenancy, RLS, backup and deletion follow the case
create table case_attachment
(
    attachment_id bigint generated always as identity primary key,
    case_id       bigint      not null references case_file,
    tenant_id     text        not null references tenant,
    filename      text        not null check (length(filename) between 1 and 255),
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes >= 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null default clock_timestamp()
);
create index case_attachment_case on case_attachment (case_id, uploaded_at);

-- links between two cases of the same tenant; shown on both cases
create table case_link
(
    link_id     bigint generated always as identity primary key,
    tenant_id   text        not null references tenant,
    case_id     bigint      not null references case_file,
    target_id   bigint      not null references case_file,
    kind        text        not null check (kind in ('RELATED', 'DUPLICATE_OF')),
    created_by  text        not null,
    created_at  timestamptz not null default clock_timestamp(),
    constraint case_link_not_self check (case_id <> target_id)
);
create unique index case_link_pair on case_link (least(case_id, target_id), greatest(case_id, target_id));
create index case_link_target on case_link (target_id);

alter table notification_setting enable row level security;
alter table notification_setting force row level security;
create policy notification_setting_scope on notification_setting using (soc_scope_allows(tenant_id));

alter table notification enable row level security;
alter table notification force row level security;
create policy notification_scope on notification using (soc_scope_allows(tenant_id));

alter table case_attachment enable row level security;
alter table case_attachment force row level security;
create policy case_attachment_scope on case_attachment using (soc_scope_allows(tenant_id));

alter table case_link enable row level security;
alter table case_link force row level security;
create policy case_link_scope on case_link using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on notification_setting, notification, case_attachment, case_link to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
