-- Identity: TOTP second factor, e-mail for single sign-on mapping, personal API tokens.

alter table app_user
    -- matched against a configured claim of an external OpenID Connect provider (optional)
    add column email           text,
    -- the TOTP shared secret, AES-GCM encrypted when soc.web.mfa.encryption-key is set; null = not enrolled
    add column mfa_secret      text,
    add column mfa_enabled_at  timestamptz,
    -- the last accepted 30-second step: a code is accepted once only (no replay within its window)
    add column mfa_last_step   bigint;
create unique index app_user_email on app_user (lower(email)) where email is not null;

-- A personal API token authenticates REST calls (/api/v1/**) as its user, with that user's role and tenant.
-- Only the SHA-256 of the token is stored; the token itself is shown once when created.
create table api_token
(
    token_id     uuid primary key     default gen_random_uuid(),
    user_id      bigint      not null references app_user on delete cascade,
    -- the user's tenant (null for provider-side users, whose tokens only the platform scope sees)
    tenant_id    text references tenant,
    name         text        not null,
    token_sha256 text        not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_user on api_token (user_id, created_at desc);

alter table api_token enable row level security;
alter table api_token force row level security;
create policy api_token_scope on api_token using (soc_scope_allows(tenant_id));

grant select, insert, update, delete on api_token to ${appRole};
