#!/usr/bin/env bash
# Sync throughput to a local reference gateway: a throwaway PostgreSQL, a test PKI, lz-gateway,
# then build/bin/sync_bench (100,000 records unless given). Prints the figure and the bar.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-100000}
work=$(mktemp -d)
gw=""
cleanup() {
  [ -n "$gw" ] && kill "$gw" 2>/dev/null || true
  scripts/pg-temp stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
dsn=$(scripts/pg-temp start "$work/pg" | sed -n 's/^dsn=//p')
scripts/dev-pki "$work/pki" T-BENCH
echo V-BENCH >"$work/venues.txt"
build/bin/lz-gateway --db "$dsn" --cert "$work/pki/gateway.pem" --key "$work/pki/gateway.key" \
  --client-ca "$work/pki/ca.pem" --venues "$work/venues.txt" --listen 127.0.0.1:0 >"$work/gw.out" 2>"$work/gw.err" &
gw=$!
for _ in $(seq 50); do grep -q listening "$work/gw.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*://p' "$work/gw.out")
build/bin/sync_bench --gateway "https://localhost:$port" --cert "$work/pki/terminal-T-BENCH.pem" \
  --key "$work/pki/terminal-T-BENCH.key" --ca "$work/pki/ca.pem" --records "$records"
psql "$dsn" -Atc "SELECT 'gateway holds ' || count(*) || ' records, ' || count(DISTINCT id) || ' distinct; flags: ' || (SELECT count(*) FROM flags) FROM records"
