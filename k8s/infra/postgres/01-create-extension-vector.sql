-- Runs once, when the PostgreSQL data directory is first initialised (docker-entrypoint-initdb.d),
-- as the image's superuser, in the POSTGRES_DB database. Creating an extension needs a superuser,
-- so it is done here rather than in the services' Flyway migrations.
-- Used by k8s/infra (ConfigMap postgres-initdb) and by docker-compose.yml (bind mount).
CREATE EXTENSION IF NOT EXISTS vector;
