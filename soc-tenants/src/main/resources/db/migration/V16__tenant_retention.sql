-- How many days each tenant's time-based OpenSearch indices (soc-events.<tenant>.<yyyy.MM.dd>) are kept.
-- Null = the platform default (soc.retention.default-days). soc-ingest enforces it: an ISM policy per tenant where
-- the cluster has the Index State Management plugin, otherwise its retention job (docs/architecture.md).
-- The tenant table already has row-level security (V1).
alter table tenant
    add column retention_days integer check (retention_days between 1 and 3650);
