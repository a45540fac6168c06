#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source .ci/postgres.sh` then `start_test_postgres`
# (exports TEST_POSTGRES_URL) and `stop_test_postgres` (stops it and removes its data).
# Data in a temporary folder, a free port on 127.0.0.1, run as an unprivileged user (`postgres`,
# Debian's package creates it, when we are root; ourselves otherwise).

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Runs a command as the cluster's owner.
as_postgres_owner() {
  # From /, which the owner may enter whatever folder we were started in.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "cd / && $*"; else sh -c "$*"; fi
}

start_test_postgres() {
  local bin port
  bin="$(postgres_bin)"
  if [ -z "$bin" ]; then echo "no PostgreSQL server under /usr/lib/postgresql" >&2; return 1; fi
  TEST_POSTGRES_DIR="$(mktemp -d /tmp/trustlens-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres "$TEST_POSTGRES_DIR"
  # A port the kernel just handed out and released: free unless someone takes it in the next instant.
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  as_postgres_owner "'$bin/initdb' -D '$TEST_POSTGRES_DIR/data' -U trustlens --auth=trust -E UTF8 --locale=C.UTF-8 >'$TEST_POSTGRES_DIR/initdb.log'" || return 1
  as_postgres_owner "'$bin/pg_ctl' -D '$TEST_POSTGRES_DIR/data' -l '$TEST_POSTGRES_DIR/server.log' -w -t 120 \
    -o \"-p $port -c listen_addresses=127.0.0.1 -k '$TEST_POSTGRES_DIR' -c max_connections=200\" start >/dev/null" || {
    cat "$TEST_POSTGRES_DIR/server.log" >&2; return 1; }
  export TEST_POSTGRES_URL="postgres://trustlens@127.0.0.1:$port/postgres"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port (data in $TEST_POSTGRES_DIR)"
}

stop_test_postgres() {
  [ -n "${TEST_POSTGRES_DIR:-}" ] || return 0
  as_postgres_owner "'$(postgres_bin)/pg_ctl' -D '$TEST_POSTGRES_DIR/data' -m fast -w stop >/dev/null" || true
  rm -rf "$TEST_POSTGRES_DIR"
  unset TEST_POSTGRES_DIR
}
