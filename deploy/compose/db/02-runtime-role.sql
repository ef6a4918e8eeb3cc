-- The bot's login: owns nothing and inherits only operatorone_app's grants, so row-level security applies to it.
-- Run as the PostgreSQL superuser; safe to repeat. Compose runs it after `migrate`; on Kubernetes run it once
-- before the first deploy (see deploy/README.md).
\getenv runtime_password OPERATORONE_RUNTIME_PASSWORD
SET client_min_messages = warning;

-- The first migration creates operatorone_app; created here, with the same definition, when this runs first.
SELECT 'CREATE ROLE operatorone_app NOLOGIN'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_app')\gexec

SELECT 'CREATE ROLE operatorone_runtime'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_runtime')\gexec

ALTER ROLE operatorone_runtime WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'runtime_password';
GRANT operatorone_app TO operatorone_runtime;
