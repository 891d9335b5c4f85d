#!/usr/bin/env bash
# Sync throughput to a local reference gateway (scripts/gateway-temp: PostgreSQL, test PKI,
# lz-gateway), then build/bin/sync_bench (100,000 records unless given). Prints the figure and the bar.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-100000}
work=$(mktemp -d)
trap 'scripts/gateway-temp stop "$work"; rm -rf "$work"' EXIT
env=$(scripts/gateway-temp start "$work" T-BENCH)
url=$(sed -n 's/^url=//p' <<<"$env")
dsn=$(sed -n 's/^dsn=//p' <<<"$env")
build/bin/sync_bench --gateway "$url" --cert "$work/pki/terminal-T-BENCH.pem" \
  --key "$work/pki/terminal-T-BENCH.key" --ca "$work/pki/ca.pem" --records "$records"
psql "$dsn" -Atc "SELECT 'gateway holds ' || count(*) || ' records, ' || count(DISTINCT id) || ' distinct; flags: ' || (SELECT count(*) FROM flags) FROM records"
