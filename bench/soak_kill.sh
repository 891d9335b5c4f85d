#!/usr/bin/env bash
# Nothing lost, nothing doubled (issue 4): kill -9 the terminal process at random moments while
# it registers guests and forwards them, then let it finish. Every registration acknowledged on
# screen (the CLI printed "registered":true) must be at the gateway exactly once, the gateway
# must hold exactly the terminal's records, and the terminal's log must verify. After every kill the
# next start must succeed at once (issue 14: the state lock is released by the kernel, whatever the
# moment of the kill, start-up included); the slowest next start is printed (bar: 1 s).
# The kill moments are spread evenly over the process's life, not random, so that a short run
# covers start-up, verification, commit and sync the same way on every machine.
# Usage: bench/soak_kill.sh [KILLS (default 500)]     (CI runs a short version)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kills=${1:-500}
bin=$root/build/bin
work=$(mktemp -d)
trap '"$root/scripts/gateway-temp" stop "$work/gw" >/dev/null 2>&1; rm -rf "$work"' EXIT
env=$("$root/scripts/gateway-temp" start "$work/gw" T-SOAK)
url=$(sed -n 's/^url=//p' <<<"$env")
dsn=$(sed -n 's/^dsn=//p' <<<"$env")

cd "$work"
# shellcheck source=lib/test-terminal.sh
source "$root/bench/lib/test-terminal.sh"
test_terminal "$bin" "$url" T-SOAK V-SOAK "batch_size=20
timeout_seconds=5"

: >acked.txt
# Calibrate: how long one registration takes here, so that kills land all through it.
text=$("$bin/lz-wallet" present --credential cred.cose --device-key device.pem)
start=$(date +%s%N)
"${cli[@]}" register "$text" --details '{"seat":"A-0"}' | sed -n 's/.*"record_id":"\([0-9a-f-]*\)".*/\1/p' >acked.txt
span_ms=$((($(date +%s%N) - start) / 1000000 * 13 / 10 + 1))
registers=0 syncs=0 slowest_start_ms=0 failed_starts=0
for ((i = 1; i <= kills; i++)); do
  if ((i % 4 == 0)); then
    "${cli[@]}" sync now >out.txt 2>/dev/null &
    syncs=$((syncs + 1))
  else
    text=$("$bin/lz-wallet" present --credential cred.cose --device-key device.pem)
    "${cli[@]}" register "$text" --details '{"seat":"B-'$i'"}' >out.txt 2>/dev/null &
    registers=$((registers + 1))
  fi
  pid=$!
  # An evenly spread moment of the process's life: every 8th kill lands in the first tenth
  # (start-up: configuration, state lock, trust cache), the rest anywhere up to the span.
  if ((i % 8 == 1)); then
    delay=$(((i * 37) % (span_ms / 10 + 1)))
  else
    delay=$(((i * 7919) % span_ms))
  fi
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # The next start takes the state lock at once, however the last process died.
  t0=$(date +%s%N)
  if "${cli[@]}" log status >/dev/null 2>start.err; then
    ms=$((($(date +%s%N) - t0) / 1000000))
    ((ms > slowest_start_ms)) && slowest_start_ms=$ms
  else
    failed_starts=$((failed_starts + 1))
    echo "soak: the start after kill $i (at $delay ms) failed: $(cat start.err)" >&2
  fi
  # Acknowledged on screen = the line was printed before the kill.
  sed -n 's/.*"record_id":"\([0-9a-f-]*\)".*"registered":true.*/\1/p; s/.*"registered":true.*"record_id":"\([0-9a-f-]*\)".*/\1/p' out.txt |
    sort -u >>acked.txt
done
# Let the terminal finish forwarding (a few rounds: backoff is per process, so retry here).
for _ in 1 2 3 4 5; do "${cli[@]}" sync now >/dev/null 2>&1 && break; sleep 1; done

sort -u acked.txt -o acked.txt
psql "$dsn" -Atc "SELECT id FROM records ORDER BY id" >gateway.txt
local_count=$("${cli[@]}" log status | python3 -c 'import json,sys; print(json.load(sys.stdin)["records"])')
unsent=$("${cli[@]}" log status | python3 -c 'import json,sys; print(json.load(sys.stdin)["unsent"])')
verify=$("${cli[@]}" log verify | python3 -c 'import json,sys; print("intact" if json.load(sys.stdin)["intact"] else "PROBLEMS")')
gateway_count=$(wc -l <gateway.txt)
distinct=$(sort -u gateway.txt | wc -l)
duplicated=$((gateway_count - distinct))
lost=$(sort -u gateway.txt | comm -23 acked.txt - | wc -l)
echo "soak: kill delays 0..$span_ms ms (evenly spread, every 8th in start-up); $kills kills ($registers during register, $syncs during sync); $(wc -l <acked.txt) registrations acknowledged on screen;"
echo "      terminal log $local_count records ($unsent unsent, chain $verify); gateway $gateway_count records ($distinct distinct)"
echo "      next start after a kill: $failed_starts failed, slowest $slowest_start_ms ms (bar: 0 failed, 1000 ms): $([ "$failed_starts" -eq 0 ] && [ "$slowest_start_ms" -le 1000 ] && echo meets || echo MISSES)"
echo "      lost $lost, duplicated $duplicated (bar: 0, 0): $([ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ] && [ "$gateway_count" -eq "$local_count" ] && [ "$verify" = intact ] && echo meets || echo MISSES)"
[ "$failed_starts" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ] && [ "$gateway_count" -eq "$local_count" ] && [ "$unsent" -eq 0 ] && [ "$verify" = intact ]
