#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a loopback port for the tests (installs Debian's postgresql when
# initdb is missing). Prints the URL of the maintenance database on stdout; stop with `stop DIR`.
# Usage: scripts/pg-throwaway.sh start   -> prints "DIR URL"
#        scripts/pg-throwaway.sh stop DIR
set -euo pipefail
cmd=${1:-start}
pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then return 1; fi
  echo "$d"
}
if [ "$cmd" = stop ]; then
  dir=$2
  bin=$(pgbin)
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
if ! bin=$(pgbin); then
  echo "installing postgresql (initdb not found)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends postgresql >&2
  bin=$(pgbin)
fi
port=${PG_TEST_PORT:-54329}
# Find a free port starting at $port.
while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
dir=$(mktemp -d /tmp/zc-pg-XXXXXX)
chown postgres:postgres "$dir"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2
echo "$dir postgres://postgres@127.0.0.1:$port/postgres"
