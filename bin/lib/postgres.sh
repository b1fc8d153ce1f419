# shellcheck shell=bash
# Local PostgreSQL for ZoClone: the machine's cluster "<version> main" on 127.0.0.1:5432, with
# role/database zoclone (password zoclone, CREATEDB, owner of the database) and the pgvector
# extension in databases zoclone and template1. Sourced by bin/zo.

PG_HOST=127.0.0.1
PG_PORT=5432
PG_DB=zoclone
PG_USER=zoclone
PG_PASSWORD=zoclone
PG_STARTED_MARK="$ZO_RUN/postgres.started-by-zo"

# Major version of the cluster to use: $ZO_PG_VERSION, else "15" when it exists, else the
# cluster named main on port 5432, else the newest installed server.
pg_version() {
  if [[ -n "${ZO_PG_VERSION:-}" ]]; then
    printf '%s' "$ZO_PG_VERSION"
  elif [[ -d /etc/postgresql/15/main ]]; then
    printf '15'
  else
    local v
    v="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$2 == "main" && $3 == p {print $1; exit}')"
    [[ -n "$v" ]] || v="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' 2>/dev/null \
      | sed 's|/usr/lib/postgresql/\([^/]*\)/.*|\1|' | sort -n | tail -n1)"
    printf '%s' "$v"
  fi
}

pg_ensure_installed() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
  fi
  PG_VERSION="$(pg_version)"
  [[ -n "$PG_VERSION" ]] || die "no PostgreSQL server is installed, even after apt-get install postgresql."
}

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

pg_wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do
    pg_ready && return 0
    sleep 0.5
  done
  die "PostgreSQL $PG_VERSION main did not accept connections on $PG_HOST:$PG_PORT within 30 s; see /var/log/postgresql/postgresql-$PG_VERSION-main.log"
}

pg_cluster_port() {
  pg_lsclusters -h "$PG_VERSION" main 2>/dev/null | awk '{print $3}'
}

pg_ensure_running() {
  if [[ ! -d "/etc/postgresql/$PG_VERSION/main" ]]; then
    say "creating PostgreSQL cluster $PG_VERSION main"
    as_root pg_createcluster "$PG_VERSION" main --port "$PG_PORT" >>"$ZO_LOGS/postgres-setup.log" 2>&1 \
      || die "pg_createcluster $PG_VERSION main failed; see $ZO_LOGS/postgres-setup.log"
  fi
  local port
  port="$(pg_cluster_port)"
  [[ "$port" == "$PG_PORT" ]] \
    || die "PostgreSQL cluster $PG_VERSION main is configured for port ${port:-?}, but ZoClone needs $PG_PORT."
  pg_ready && return 0
  say "starting PostgreSQL $PG_VERSION main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start \
    || die "could not start PostgreSQL $PG_VERSION main; see /var/log/postgresql/postgresql-$PG_VERSION-main.log"
  pg_wait_ready
}

pg_restart() {
  say "restarting PostgreSQL $PG_VERSION main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart \
    || die "could not restart PostgreSQL $PG_VERSION main; see /var/log/postgresql/postgresql-$PG_VERSION-main.log"
  pg_wait_ready
}

# psql as role zoclone over TCP with password auth (what the services do).
pg_user_query() {
  local db="$1" sql="$2"
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -A -t -v ON_ERROR_STOP=1 \
    -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -c "$sql" 2>/dev/null
}

# psql as the superuser over the local socket, SQL on stdin.
pg_admin_psql() {
  (cd / && as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

# True when role, database, ownership, CREATEDB, password login and the extension are all in place.
pg_is_configured() {
  local ok
  ok="$(pg_user_query "$PG_DB" "select r.rolcreatedb and d.datdba = r.oid
      and exists (select 1 from pg_extension where extname = 'vector')
    from pg_roles r, pg_database d where r.rolname = current_user and d.datname = current_database()")" || return 1
  [[ "$ok" == t ]] || return 1
  ok="$(pg_user_query template1 "select count(*) from pg_extension where extname = 'vector'")" || return 1
  [[ "$ok" == 1 ]]
}

pg_configure() {
  say "configuring role, database and extension vector in PostgreSQL"
  pg_admin_psql -d postgres >>"$ZO_LOGS/postgres-setup.log" 2>&1 <<SQL || die "configuring PostgreSQL failed; see $ZO_LOGS/postgres-setup.log"
SELECT format('CREATE ROLE %I', '$PG_USER') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER')
\gexec
ALTER ROLE $PG_USER WITH LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
\connect template1
CREATE EXTENSION IF NOT EXISTS vector;
\connect postgres
SELECT format('CREATE DATABASE %I OWNER %I', '$PG_DB', '$PG_USER') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')
\gexec
ALTER DATABASE $PG_DB OWNER TO $PG_USER;
GRANT ALL ON DATABASE $PG_DB TO $PG_USER;
\connect $PG_DB
CREATE EXTENSION IF NOT EXISTS vector;
SQL
}

# Makes sure 127.0.0.1 accepts password (scram/md5) logins; adds a pg_hba line when it doesn't.
pg_ensure_password_auth() {
  pg_user_query "$PG_DB" 'select 1' >/dev/null && return 0
  local hba
  hba="$(pg_admin_psql -d postgres -A -t -c 'SHOW hba_file')" || die "could not read the hba_file setting of PostgreSQL."
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)' "$hba"; then
    say "adding a password-auth line for 127.0.0.1 to $hba"
    as_root sed -i "1i host all $PG_USER 127.0.0.1/32 scram-sha-256" "$hba"
    pg_admin_psql -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
  fi
  pg_user_query "$PG_DB" 'select 1' >/dev/null \
    || die "role $PG_USER cannot log in with its password on $PG_HOST:$PG_PORT; check $hba."
}

pg_up() {
  PG_VERSION="$(pg_version)"
  if pg_ready && [[ -f "$(pgvector_control_file)" ]] && pg_is_configured; then
    return 0
  fi
  pg_ensure_installed
  local was_running=0
  pg_ready && was_running=1
  # Installing the build headers may upgrade the server package: restart a running cluster.
  if pgvector_ensure_installed && pg_ready; then
    pg_restart
  fi
  pg_ensure_running
  ((was_running)) || touch "$PG_STARTED_MARK"
  if ! pg_is_configured; then
    pg_configure
    pg_ensure_password_auth
    pg_is_configured || die "PostgreSQL is running but role/database $PG_DB or extension vector is still missing; see $ZO_LOGS/postgres-setup.log"
  fi
  say "PostgreSQL ready: postgresql://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB (pgvector)"
}

pg_down() {
  if [[ -f "$PG_STARTED_MARK" ]]; then
    PG_VERSION="$(pg_version)"
    say "stopping PostgreSQL $PG_VERSION main (started by zo)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop \
      || die "could not stop PostgreSQL $PG_VERSION main."
    rm -f "$PG_STARTED_MARK"
  else
    say "leaving PostgreSQL as it is (zo did not start it)"
  fi
}
