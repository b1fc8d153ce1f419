# shellcheck shell=bash
# The eight ZoClone services as local processes (Quarkus fast-jars), plus the build that makes
# their jars and the CLI jar. Sourced by bin/zo.

# name:port, in start order.
ZO_SERVICES=(gateway:8080 agents:8081 memory:8082 skills:8083 scheduler:8084 pool:8085 browser:8086 supervisor:8087)
ZO_UP_TIMEOUT="${ZO_UP_TIMEOUT:-180}"
CLI_JAR="$ZO_ROOT/cli/target/zo.jar"

service_names() { local s; for s in "${ZO_SERVICES[@]}"; do printf '%s\n' "${s%%:*}"; done; }
service_port() {
  local s
  for s in "${ZO_SERVICES[@]}"; do
    if [[ "${s%%:*}" == "$1" ]]; then printf '%s' "${s##*:}"; return 0; fi
  done
  return 1
}
service_jar() { printf '%s/services/%s/target/quarkus-app/quarkus-run.jar' "$ZO_ROOT" "$1"; }
is_service() { service_port "$1" >/dev/null; }

# Replicas: `bin/zo up --replicas agents=2,memory=2` runs agents@2 and memory@2 besides agents and
# memory, on ports from a range (replica k of a service on port P listens on P + 100*(k-1)); the
# gateway balances over every replica. The choice is kept in $ZO_HOME/replicas for later commands.
ZO_REPLICABLE=(agents memory pool scheduler skills)
ZO_REPLICA_PORT_STEP=100

# The replica spec in effect, e.g. "agents=2,memory=2" (empty: one of each).
replica_spec() { cat "$ZO_HOME/replicas" 2>/dev/null || true; }

# How many replicas of service $1 the spec $2 names (1 when it names none).
replica_count() {
  local entry
  local -a entries
  IFS=',' read -r -a entries <<<"${2-$(replica_spec)}"
  for entry in "${entries[@]}"; do
    if [[ "${entry%%=*}" == "$1" ]]; then printf '%s' "${entry#*=}"; return 0; fi
  done
  printf '1'
}

# Fails unless $1 is a valid spec: comma-separated <service>=<1..9> of replicable services.
check_replica_spec() {
  local entry name count
  local -a entries
  IFS=',' read -r -a entries <<<"$1"
  for entry in "${entries[@]}"; do
    name="${entry%%=*}" count="${entry#*=}"
    [[ " ${ZO_REPLICABLE[*]} " == *" $name "* ]] \
      || ZO_EXIT=2 die "--replicas: '$name' cannot run as several replicas; one of: ${ZO_REPLICABLE[*]}"
    [[ "$entry" == *=* && "$count" =~ ^[1-9]$ ]] \
      || ZO_EXIT=2 die "--replicas: '$entry' must be <service>=<1..9>"
  done
}

# Every process to run for spec $1: each service, then <service>@2.. for its extra replicas.
instance_names() {
  local spec="${1-$(replica_spec)}" name k
  for name in $(service_names); do
    printf '%s\n' "$name"
    for ((k = 2; k <= $(replica_count "$name" "$spec"); k++)); do printf '%s@%s\n' "$name" "$k"; done
  done
}

# The port of instance $1 (agents, agents@2, ...).
instance_port() {
  local service="${1%%@*}" k=1
  [[ "$1" == *@* ]] && k="${1#*@}"
  printf '%s' $(($(service_port "$service") + ZO_REPLICA_PORT_STEP * (k - 1)))
}

is_instance() { [[ -n "$(instance_names | grep -Fx -- "$1")" ]]; }

# The gateway's URL list for service $1: every replica, comma-separated.
service_urls() {
  local service="$1" k urls=""
  for ((k = 1; k <= $(replica_count "$service"); k++)); do
    local name="$service"
    ((k > 1)) && name="$service@$k"
    urls+="${urls:+,}http://127.0.0.1:$(instance_port "$name")"
  done
  printf '%s' "$urls"
}

# Records spec $1; when it differs from the one in effect, stops the replicas and the gateway that
# the old one started (the gateway reads its replica list at start).
use_replica_spec() {
  local old
  old="$(replica_spec)"
  [[ "$1" == "$old" ]] && return 0
  local -a stale
  mapfile -t stale < <(instance_names "$old" | grep '@' || true)
  stop_pids 20 gateway "${stale[@]+"${stale[@]}"}"
  printf '%s' "$1" >"$ZO_HOME/replicas"
}

# True when the jar is missing or older than any source of its module, the libs or the poms.
jar_stale() {
  local jar="$1" module="$2"
  [[ -f "$jar" ]] || return 0
  local -a inputs=("$ZO_ROOT/pom.xml" "$ZO_ROOT/$module/pom.xml" "$ZO_ROOT/$module/src")
  local lib
  for lib in "$ZO_ROOT"/libs/*/; do
    inputs+=("${lib}pom.xml" "${lib}src")
  done
  [[ -n "$(find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

build_needed() {
  local name
  jar_stale "$CLI_JAR" cli && return 0
  for name in $(service_names); do
    jar_stale "$(service_jar "$name")" "services/$name" && return 0
  done
  return 1
}

build_all() {
  local log="$ZO_LOGS/build.log"
  say "building ZoClone (./mvnw -B -q -DskipTests package; log: $log)"
  maven -B -q -DskipTests package >"$log" 2>&1 || die "the build failed; see $log"
}

build_cli() {
  local log="$ZO_LOGS/build-cli.log"
  say "building the CLI (log: $log)"
  maven -B -q -DskipTests -pl cli -am package >"$log" 2>&1 || die "building the CLI failed; see $log"
  [[ -f "$CLI_JAR" ]] || die "the CLI build finished but $CLI_JAR is missing; see $log"
}

ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  apt_install chromium
}

# Skill scripts and users' processes run under bubblewrap; skills are written in python3.
ensure_sandbox() {
  local -a missing=()
  [[ -x /usr/bin/bwrap ]] || missing+=(bubblewrap)
  [[ -x /usr/bin/python3 ]] || missing+=(python3)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
}

# Fails when a service port is held by anything but that service's recorded process.
services_check_ports() {
  local name port pid owner listeners
  listeners="$(listening_ports)"
  for name in $(instance_names); do
    port="$(instance_port "$name")"
    port_open "$port" || continue
    owner="$(awk -v p="$port" '$1 == p { print $2; exit }' <<<"$listeners")"
    if pid="$(running_pid "$name")" && [[ -z "$owner" || "$owner" == "$pid" ]]; then
      continue
    fi
    die "port $port ($name) is already in use by $(describe_pid "$owner"); stop that process or free the port, then retry."
  done
}

service_start() {
  local name="$1" port jar service="${1%%@*}"
  port="$(instance_port "$name")"
  jar="$(service_jar "$service")"
  local -a opts
  read -r -a opts <<<"${ZO_JAVA_OPTS:--Xmx384m}"
  say "starting $name on port $port (log: $ZO_LOGS/$name.log)"
  (
    cd "$ZO_ROOT" || exit 1
    export ZO_HOME
    export ZO_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    export ZO_DB_USER="$PG_USER" ZO_DB_PASSWORD="$PG_PASSWORD"
    export ZO_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
    ZO_INTERNAL_SECRET="$(cat "$ZO_HOME/internal-secret")"
    ZO_MASTER_KEY="$(cat "$ZO_HOME/master-key")"
    export ZO_INTERNAL_SECRET ZO_MASTER_KEY
    export QUARKUS_HTTP_PORT="$port"
    # The services trust the internal secret: they listen on loopback only, and the gateway alone
    # where users reach it (ZO_GATEWAY_HOST, all interfaces by default).
    if [[ "$name" == gateway ]]; then
      export QUARKUS_HTTP_HOST="${ZO_GATEWAY_HOST:-0.0.0.0}"
    else
      export QUARKUS_HTTP_HOST=127.0.0.1
    fi
    # agents and scheduler re-read the master key from this file when it changes (a rotation reaches
    # every replica).
    export ZO_MASTER_KEY_FILE="$ZO_HOME/master-key"
    # On a laptop, keys, webhooks, MCP servers and the browser's pages may reach the user's own
    # local servers.
    export ZO_PLATFORM_EGRESS_ALLOW_PRIVATE="${ZO_PLATFORM_EGRESS_ALLOW_PRIVATE:-true}"
    if [[ "$service" == browser ]]; then export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; fi
    if [[ "$name" == gateway ]]; then
      local other
      for other in "${ZO_REPLICABLE[@]}"; do
        export "ZO_GATEWAY_SERVICES_${other^^}_URL=$(service_urls "$other")"
      done
    fi
    spawn_detached "$name" java "-Dzo.name=$name" "${opts[@]}" -jar "$jar"
  )
}

# Starts the instances "$@" that are not running; restarts those whose jar was rebuilt since.
services_start() {
  local name
  for name in "$@"; do
    if running_pid "$name" >/dev/null; then
      [[ "$(service_jar "${name%%@*}")" -nt "$ZO_RUN/$name.pid" ]] || continue
      say "restarting $name: its jar was rebuilt"
      stop_pids 20 "$name"
    fi
    service_start "$name"
  done
}

# GET a local URL path; prints the body, fails unless the status is 200.
http_get_local() {
  local port="$1" path="$2"
  if command -v curl >/dev/null; then
    curl -fsS -m 3 "http://127.0.0.1:$port$path" 2>/dev/null
    return
  fi
  local response
  # shellcheck disable=SC2016 # $1/$2 are expanded by the inner bash.
  response="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3; cat <&3' _ "$port" "$path" 2>/dev/null)" || return 1
  [[ "${response%%$'\r'*}" == *" 200"* ]] || return 1
  printf '%s' "${response#*$'\r\n\r\n'}"
}

service_ready() {
  local body
  body="$(http_get_local "$1" /q/health/ready)" || return 1
  [[ "$body" == *'"status"'*'"UP"'* ]]
}

# Waits until the instances "$@" answer ready; fails when one exits or the time is up.
services_wait_ready() {
  local deadline=$((SECONDS + ZO_UP_TIMEOUT)) name port
  local -a pending=("$@")
  while ((${#pending[@]} > 0)); do
    local -a still=()
    for name in "${pending[@]}"; do
      port="$(instance_port "$name")"
      service_ready "$port" && continue
      running_pid "$name" >/dev/null \
        || die "service $name (port $port) exited during start-up; see $ZO_LOGS/$name.log"
      still+=("$name")
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) && break
    if ((SECONDS >= deadline)); then
      name="${pending[0]}"
      die "service $name is not ready on http://127.0.0.1:$(instance_port "$name")/q/health/ready after ${ZO_UP_TIMEOUT} s (not ready: ${pending[*]}); see $ZO_LOGS/$name.log"
    fi
    sleep 1
  done
}

services_up() {
  if build_needed; then
    build_all
  fi
  local name
  for name in $(service_names); do
    [[ -f "$(service_jar "$name")" ]] || die "the build did not produce $(service_jar "$name"); see $ZO_LOGS/build.log"
  done
  services_check_ports
  # Each service's first instance before any extra replica: the first migrates its schema alone (a
  # second replica migrating a fresh database at the same time failed its start on the database),
  # and half as many JVMs start at once on a small machine.
  local -a first extra
  mapfile -t first < <(instance_names | grep -v '@')
  mapfile -t extra < <(instance_names | grep '@' || true)
  services_start "${first[@]}"
  services_wait_ready "${first[@]}"
  if ((${#extra[@]} > 0)); then
    services_start "${extra[@]}"
    services_wait_ready "${extra[@]}"
  fi
}

services_down() {
  local -a names
  mapfile -t names < <(instance_names)
  stop_pids 20 "${names[@]}"
}
