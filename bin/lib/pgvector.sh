# shellcheck shell=bash
# pgvector for the local PostgreSQL: the distribution's postgresql-<major>-pgvector package when
# there is one; else (Debian bookworm has none) built from the Debian trixie source package,
# fetched through a private apt configuration that reads only a trixie deb-src line.
# Sourced by bin/zo; needs PG_VERSION (postgres.sh).

PGVECTOR_SUITE="${ZO_PGVECTOR_SUITE:-trixie}"

pg_bindir() { printf '/usr/lib/postgresql/%s/bin' "$PG_VERSION"; }

pgvector_control_file() {
  local sharedir="/usr/share/postgresql/$PG_VERSION"
  if [[ -x "$(pg_bindir)/pg_config" ]]; then
    sharedir="$("$(pg_bindir)/pg_config" --sharedir)"
  fi
  printf '%s/extension/vector.control' "$sharedir"
}

# Returns 0 when it installed pgvector, 1 when it was already there.
pgvector_ensure_installed() {
  [[ -f "$(pgvector_control_file)" ]] && return 1
  local pkg="postgresql-$PG_VERSION-pgvector"
  if apt-cache show "$pkg" >/dev/null 2>&1; then
    apt_install "$pkg"
  else
    pgvector_build_from_source
  fi
  [[ -f "$(pgvector_control_file)" ]] \
    || die "pgvector was installed but $(pgvector_control_file) is still missing; see $ZO_LOGS/pgvector-build.log"
  return 0
}

# First Debian mirror the machine's apt already uses (not the security archive).
debian_mirror() {
  local uri
  uri="$({
    grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | sed 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -v -- '-security' | grep -m1 -E '/debian/?$' || true)"
  printf '%s' "${uri:-http://deb.debian.org/debian}"
}

pgvector_build_from_source() {
  local log="$ZO_LOGS/pgvector-build.log"
  local dir="$ZO_HOME/build/pgvector"
  local aptdir="$dir/apt" srcdir="$dir/src"
  local pg_config
  pg_config="$(pg_bindir)/pg_config"
  say "building pgvector from the Debian $PGVECTOR_SUITE source package (once, ~2 min; log: $log)"

  local -a need=()
  local p
  for p in "postgresql-server-dev-$PG_VERSION" build-essential dpkg-dev; do
    pkg_installed "$p" || need+=("$p")
  done
  ((${#need[@]} == 0)) || apt_install "${need[@]}"

  rm -rf "$dir"
  mkdir -p "$aptdir/lists/partial" "$aptdir/parts" "$srcdir"
  printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
    "$(debian_mirror)" "$PGVECTOR_SUITE" >"$aptdir/sources.list"
  local -a apt=(apt-get -q
    -o "Dir::Etc::SourceList=$aptdir/sources.list"
    -o "Dir::Etc::SourceParts=$aptdir/parts"
    -o "Dir::State::Lists=$aptdir/lists"
    -o "Dir::Cache=$aptdir/cache"
    -o APT::Sandbox::User=root)
  {
    "${apt[@]}" update &&
      (cd "$srcdir" && "${apt[@]}" source --download-only pgvector) &&
      (cd "$srcdir" && dpkg-source -x ./pgvector_*.dsc pgvector) &&
      make -C "$srcdir/pgvector" PG_CONFIG="$pg_config"
  } >>"$log" 2>&1 || die "building pgvector failed; see $log"
  as_root make -C "$srcdir/pgvector" PG_CONFIG="$pg_config" install >>"$log" 2>&1 \
    || die "installing pgvector failed; see $log"
}
