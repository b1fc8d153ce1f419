# shellcheck shell=bash
# Local infrastructure of ZoClone: PostgreSQL (+pgvector) and the Kafka broker, plus the
# secrets every service reads. Runs under the infra lock (run_locked infra ...). Sourced by bin/zo.

infra_up() {
  local start=$SECONDS
  ensure_secrets
  pg_up
  kafka_up
  if ((SECONDS - start > 2)); then
    say "infrastructure ready (PostgreSQL 127.0.0.1:$PG_PORT, Kafka 127.0.0.1:$KAFKA_PORT) in $((SECONDS - start)) s"
  fi
}

infra_down() {
  kafka_down
  pg_down
}
