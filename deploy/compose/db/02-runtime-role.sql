-- Run by the db-runtime-role service as the PostgreSQL superuser after `migrate`; safe to repeat.
-- The bot's login owns nothing and inherits only operatorone_app's grants, so row-level security applies to it.
\getenv runtime_password OPERATORONE_RUNTIME_PASSWORD
SET client_min_messages = warning;

SELECT 'CREATE ROLE operatorone_runtime'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_runtime')\gexec

ALTER ROLE operatorone_runtime WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'runtime_password';
GRANT operatorone_app TO operatorone_runtime;
