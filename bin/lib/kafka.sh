# shellcheck shell=bash
# Local single-node Kafka broker (KRaft) for ZoClone, run from Apache Kafka's own jars resolved
# from Maven Central with the throwaway pom bin/lib/kafka/pom.xml. PLAINTEXT on 127.0.0.1:9092,
# controller on 127.0.0.1:9093; data in $ZO_HOME/kafka/data. Sourced by bin/zo.

KAFKA_HOME="$ZO_HOME/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_TEMPLATES="$ZO_ROOT/bin/lib/kafka"
KAFKA_READY_TIMEOUT="${ZO_KAFKA_TIMEOUT:-60}"

# Resolves the broker's jars once (again when the throwaway pom changes).
kafka_ensure_jars() {
  local stamp="$KAFKA_LIB/.resolved-from" want
  want="$(sha256sum "$KAFKA_TEMPLATES/pom.xml" | cut -d' ' -f1)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  local log="$ZO_LOGS/kafka-resolve.log" tmp="$KAFKA_HOME/lib.tmp"
  say "resolving the Kafka broker jars from Maven Central (log: $log)"
  rm -rf "$tmp"
  maven -B -f "$KAFKA_TEMPLATES/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >"$log" 2>&1 \
    || die "resolving the Kafka broker jars with Maven failed; see $log"
  printf '%s\n' "$want" >"$tmp/.resolved-from"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
}

# Copies src to dst only when the content differs.
install_if_changed() {
  cmp -s "$1" "$2" || cp "$1" "$2"
}

kafka_ensure_config() {
  mkdir -p "$KAFKA_DATA"
  local rendered="$KAFKA_HOME/server.properties.new"
  sed "s|@LOG_DIRS@|$KAFKA_DATA|" "$KAFKA_TEMPLATES/server.properties" >"$rendered"
  install_if_changed "$rendered" "$KAFKA_HOME/server.properties"
  rm -f "$rendered"
  install_if_changed "$KAFKA_TEMPLATES/log4j2.properties" "$KAFKA_HOME/log4j2.properties"
}

kafka_java() {
  java -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties" "$@"
}

kafka_ensure_formatted() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local log="$ZO_LOGS/kafka-format.log" cluster_id
  say "formatting Kafka storage in $KAFKA_DATA"
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$log" | tail -n1)" \
    || die "could not generate a Kafka cluster id; see $log"
  kafka_java kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$cluster_id" -c "$KAFKA_HOME/server.properties" >>"$log" 2>&1 \
    || die "formatting Kafka storage failed; see $log"
}

# Fails when a port Kafka needs is held by a process other than our broker.
kafka_check_ports() {
  local port owner
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$port" || continue
    owner="$(port_owner "$port")"
    die "port $port (Kafka) is already in use by $(describe_pid "$owner"); stop it or run 'bin/zo infra down'."
  done
}

kafka_wait_ready() {
  local pid="$1" offset="$2" log="$ZO_LOGS/kafka.log"
  local deadline=$((SECONDS + KAFKA_READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if grep -q 'Kafka Server started' < <(tail -c +"$((offset + 1))" "$log" 2>/dev/null) || port_open "$KAFKA_PORT"; then
      return 0
    fi
    pid_alive "$pid" || die "the Kafka broker exited during start-up; see $log"
    sleep 0.5
  done
  die "the Kafka broker did not become ready on 127.0.0.1:$KAFKA_PORT within ${KAFKA_READY_TIMEOUT} s; see $log"
}

kafka_up() {
  local pid
  if pid="$(running_pid kafka)"; then
    port_open "$KAFKA_PORT" && return 0
    kafka_wait_ready "$pid" "$(stat -c %s "$ZO_LOGS/kafka.log" 2>/dev/null || echo 0)"
    return 0
  fi
  kafka_check_ports
  require_java
  kafka_ensure_jars
  kafka_ensure_config
  kafka_ensure_formatted
  local log="$ZO_LOGS/kafka.log" offset
  offset="$(stat -c %s "$log" 2>/dev/null || echo 0)"
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $log)"
  spawn_detached kafka java -Dzo.name=kafka -Xmx512m -cp "$KAFKA_LIB/*" \
    -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.properties" \
    kafka.Kafka "$KAFKA_HOME/server.properties"
  kafka_wait_ready "$(read_pid "$ZO_RUN/kafka.pid")" "$offset"
  say "Kafka ready: 127.0.0.1:$KAFKA_PORT"
}

kafka_down() {
  if running_pid kafka >/dev/null; then
    stop_pids 30 kafka
  else
    rm -f "$ZO_RUN/kafka.pid"
  fi
}
