-- The schema owner and its database. Run as the PostgreSQL superuser (compose: db-init, every start); safe to repeat.
-- The owner runs migrations only. CREATEROLE lets the first migration create the operatorone_app group role.
\getenv owner_password OPERATORONE_OWNER_PASSWORD

SELECT 'CREATE ROLE operatorone_owner'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'operatorone_owner')\gexec

ALTER ROLE operatorone_owner WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB CREATEROLE PASSWORD :'owner_password';

SELECT 'CREATE DATABASE operatorone OWNER operatorone_owner'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'operatorone')\gexec
