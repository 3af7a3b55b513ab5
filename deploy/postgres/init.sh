#!/bin/sh
# Roles of the platform: soc_owner owns the schema (Flyway migrates as it); soc_app is the runtime role,
# without BYPASSRLS, so row-level security applies to every query the services make.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE soc_owner LOGIN PASSWORD '${SOC_DB_OWNER_PASSWORD}';
CREATE ROLE soc_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${SOC_DB_APP_PASSWORD}';
CREATE DATABASE soc OWNER soc_owner;
GRANT CONNECT ON DATABASE soc TO soc_app;
SQL
