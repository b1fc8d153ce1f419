# shellcheck shell=bash
# Shared helpers for bin/zo: paths, messages, privileges, apt, processes, ports, secrets.
# Sourced by bin/zo (which sets ZO_ROOT); not meant to be run on its own.

ZO_HOME="${ZO_HOME:-$HOME/.zoclone}"
export ZO_HOME
ZO_LOGS="$ZO_HOME/logs"
ZO_RUN="$ZO_HOME/run"

say() { printf 'zo: %s\n' "$*" >&2; }
die() { printf 'zo: error: %s\n' "$*" >&2; exit "${ZO_EXIT:-1}"; }

ensure_home() {
  mkdir -p "$ZO_LOGS" "$ZO_RUN" "$ZO_HOME/build"
}

# Writes a secret file (mode 0600) from the output of a generator, only when absent or empty.
# Callers hold the infra lock, so two runs never generate different secrets.
ensure_secret() {
  local file="$1" generator="$2" tmp
  [[ -s "$file" ]] && return 0
  tmp="$(mktemp "$file.XXXXXX")"
  chmod 600 "$tmp"
  "$generator" >"$tmp"
  mv -f "$tmp" "$file"
}
gen_hex32() { head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n'; }
gen_b64_32() { head -c 32 /dev/urandom | base64 -w0; }

ensure_secrets() {
  ensure_secret "$ZO_HOME/internal-secret" gen_hex32
  ensure_secret "$ZO_HOME/master-key" gen_b64_32
}

# Runs a command as root (directly, or through password-less sudo).
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "this step needs root (or password-less sudo) to run: $*"
  fi
}

# Runs a command as the postgres OS user.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres "$@" || die "this step needs to run as the postgres user (root or password-less sudo): $*"
  fi
}

pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# apt-get install, quietly, logging to $ZO_LOGS/apt.log; runs `apt-get update` and retries
# once when the first attempt fails (stale or missing package lists).
apt_install() {
  local log="$ZO_LOGS/apt.log"
  local -a apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600)
  say "installing with apt: $* (log: $log)"
  if as_root "${apt[@]}" install -y --no-install-recommends "$@" >>"$log" 2>&1; then
    return 0
  fi
  as_root "${apt[@]}" update >>"$log" 2>&1 \
    || die "apt-get update failed; see $log"
  as_root "${apt[@]}" install -y --no-install-recommends "$@" >>"$log" 2>&1 \
    || die "apt-get install $* failed; see $log"
}

# Maven: the repository's wrapper when present, else the machine's mvn.
maven() {
  if [[ -x "$ZO_ROOT/mvnw" ]]; then
    (cd "$ZO_ROOT" && ./mvnw "$@")
  elif command -v mvn >/dev/null; then
    (cd "$ZO_ROOT" && mvn "$@")
  else
    die "neither ./mvnw nor mvn is available to build with"
  fi
}

require_java() {
  command -v java >/dev/null || die "java is not installed: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)."
  local version major
  version="$(java -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(cut -d. -f2 <<<"$version")"
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]] \
    || die "java ${version:-of unknown version} is too old: ZoClone needs JDK 17 or newer."
}

# --- processes -------------------------------------------------------------------------

read_pid() { [[ -s "$1" ]] && tr -dc '0-9' <"$1"; }

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# True when the pid is alive and its executable is java.
pid_is_java() {
  pid_alive "$1" || return 1
  local comm
  comm="$(cat "/proc/$1/comm" 2>/dev/null || ps -o comm= -p "$1" 2>/dev/null)"
  [[ "$comm" == java ]]
}

# Pid recorded in $ZO_RUN/<name>.pid when it is still a live java process started by zo
# (its command line carries -Dzo.name=<name>), else nothing and exit 1.
running_pid() {
  local pid
  pid="$(read_pid "$ZO_RUN/$1.pid")" || return 1
  pid_is_java "$pid" || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ " $cmdline" == *" -Dzo.name=$1 "* ]] || return 1
  printf '%s' "$pid"
}

# Starts a command detached (own session, nohup), appending to a log; writes the pid file.
spawn_detached() {
  local name="$1"; shift
  local log="$ZO_LOGS/$name.log" pidfile="$ZO_RUN/$name.pid"
  rm -f "$pidfile"
  if [[ -f "$log" ]] && (($(stat -c %s "$log") > 20 * 1024 * 1024)); then
    mv -f "$log" "$log.1"
  fi
  # shellcheck disable=SC2016 # $$ and $1 are expanded by the inner bash.
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' zo-spawn "$pidfile" "$@" \
    >>"$log" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "could not start $name; see $log"
}

# Stops the given names' recorded java processes: SIGTERM, wait up to $1 seconds, SIGKILL.
stop_pids() {
  local grace="$1"; shift
  local name pid deadline
  local -a pids=()
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  deadline=$((SECONDS + grace))
  for pid in "${pids[@]}"; do
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if pid_alive "$pid"; then
      say "pid $pid did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for name in "$@"; do rm -f "$ZO_RUN/$name.pid"; done
}

# --- ports -----------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# "<port> <pid>" for every listening TCP socket whose owner is visible (needs ss).
listening_ports() {
  command -v ss >/dev/null || return 0
  ss -Hltnp 2>/dev/null | awk '{ n = split($4, a, ":"); if (match($0, /pid=[0-9]+/)) print a[n], substr($0, RSTART + 4, RLENGTH - 4) }'
}

# Pid of the process listening on a TCP port (empty when unknown).
port_owner() {
  listening_ports | awk -v p="$1" '$1 == p { print $2; exit }'
}

describe_pid() {
  [[ -n "$1" ]] || { printf 'an unknown process'; return; }
  printf 'pid %s (%s)' "$1" "$(ps -o args= -p "$1" 2>/dev/null | cut -c1-80)"
}

# Runs `bin/zo <args>` while holding $ZO_RUN/<lock>.lock, so that concurrent callers take turns.
# flock -o keeps the lock out of everything the locked run starts (database server, broker):
# only the flock process holds it, and only until that run ends.
run_locked() {
  local lock="$ZO_RUN/$1.lock"; shift
  local rc=0
  ZO_LOCK_HELD="$lock" flock -n -o -E 75 "$lock" "$ZO_ROOT/bin/zo" "$@" || rc=$?
  if ((rc == 75)); then
    say "waiting for another zo run to finish (lock $lock)"
    rc=0
    ZO_LOCK_HELD="$lock" flock -w "${ZO_LOCK_TIMEOUT:-900}" -o -E 75 "$lock" "$ZO_ROOT/bin/zo" "$@" || rc=$?
    ((rc != 75)) || die "timed out after ${ZO_LOCK_TIMEOUT:-900} s waiting for the lock $lock"
  fi
  return "$rc"
}

# True when this process runs under run_locked for the given lock.
holds_lock() { [[ "${ZO_LOCK_HELD:-}" == "$ZO_RUN/$1.lock" ]]; }
