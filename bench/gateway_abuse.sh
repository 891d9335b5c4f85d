#!/usr/bin/env bash
# Issue 14, finding 4's bar: the gateway under a 300 MB body and 100 slow connections on loopback.
# Prints the gateway's peak resident memory (bar: <= 100 MB), how long each slow connection lived
# against its deadline (bar: every one closed within its timeout + 1 s of lingering close), and
# whether an honest terminal was served meanwhile (bar: yes, with its sync time).
# Usage: bench/gateway_abuse.sh [SLOW_CONNECTIONS (100)] [HEADER_TIMEOUT_S (10)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
slow=${1:-100}
timeout_s=${2:-10}
bin=$root/build/bin
work=$(mktemp -d)
trap '"$root/scripts/gateway-temp" stop "$work/gw" >/dev/null 2>&1; rm -rf "$work"' EXIT
# The slow connections come from 127.0.0.2..: the per-address cap (32) must not stop them all
# before the deadlines are tested, nor the honest terminal on 127.0.0.1.
export LZ_GATEWAY_ARGS="--header-timeout $timeout_s --body-timeout $timeout_s --handshake-timeout $timeout_s"
env=$("$root/scripts/gateway-temp" start "$work/gw" T-ABUSE)
url=$(sed -n 's/^url=//p' <<<"$env")
port=${url##*:}
pid=$(cat "$work/gw/gateway.pid")

cd "$work"
# shellcheck source=lib/test-terminal.sh
source "$root/bench/lib/test-terminal.sh"
test_terminal "$bin" "$url" T-ABUSE V-ABUSE "timeout_seconds=10"
for _ in 1 2 3; do "${cli[@]}" register "$("$bin/lz-wallet" present --credential cred.cose --device-key device.pem)" --details '{"seat":"A-1"}' >/dev/null; done

python3 - "$port" "$pid" "$slow" "$timeout_s" "$work" "$bin/liangzheng-cli" <<'PY'
import socket, ssl, subprocess, sys, threading, time
port, pid, n_slow, timeout_s, work, cli = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                                           float(sys.argv[4]), sys.argv[5], sys.argv[6])
ctx = ssl.create_default_context(cafile=f"{work}/gw/pki/ca.pem")
ctx.load_cert_chain(f"{work}/gw/pki/terminal-T-ABUSE.pem", f"{work}/gw/pki/terminal-T-ABUSE.key")
peak = [0]
stop = threading.Event()
def rss():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0
def watch():
    while not stop.is_set():
        peak[0] = max(peak[0], rss())
        time.sleep(0.05)
base = rss()
threading.Thread(target=watch, daemon=True).start()

def tls(src):
    raw = socket.create_connection(("127.0.0.1", port), source_address=(src, 0))
    return ctx.wrap_socket(raw, server_hostname="localhost")

# 1. A 300 MB body, written as fast as the gateway takes it.
sent = 0
try:
    s = tls("127.0.0.2")
    s.sendall(b"POST /v1/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              b"Content-Length: 314572800\r\n\r\n")
    s.settimeout(5)
    chunk = b"{" * 1048576
    try:
        while sent < 314572800:
            s.sendall(chunk)
            sent += len(chunk)
    except (OSError, ssl.SSLError):
        pass
    try:
        big = s.recv(64).split(b"\r\n")[0].decode() or "closed"
    except (OSError, ssl.SSLError) as e:
        big = f"closed ({type(e).__name__})"
    s.close()
except (OSError, ssl.SSLError) as e:
    big = f"refused ({e})"

# 2. Slow connections: a header dripped a line a second, from 4 addresses.
lifetimes = []
lock = threading.Lock()
def slow_one(i):
    t0 = time.monotonic()
    try:
        s = tls(f"127.0.0.{3 + i % 4}")
        s.sendall(b"POST /v1/records HTTP/1.1\r\nHost: localhost\r\n")
        s.settimeout(1)
        while time.monotonic() - t0 < 4 * timeout_s:
            try:
                s.sendall(b"X-Drip: 1\r\n")
                if s.recv(1) == b"":
                    break
            except socket.timeout:
                continue
            except (OSError, ssl.SSLError):
                break
    except (OSError, ssl.SSLError):
        pass
    with lock:
        lifetimes.append(time.monotonic() - t0)
threads = [threading.Thread(target=slow_one, args=(i,)) for i in range(n_slow)]
for t in threads:
    t.start()
time.sleep(1)
# 3. The honest terminal, meanwhile, from its own address.
t0 = time.monotonic()
honest = subprocess.run([cli, "--config", f"{work}/t.conf", "sync", "now"], cwd=work, capture_output=True)
honest_s = time.monotonic() - t0
for t in threads:
    t.join()
stop.set()
time.sleep(0.1)
worst = max(lifetimes) if lifetimes else 0
closed_in_time = sum(1 for t in lifetimes if t <= timeout_s + 1.5)
print(f"gateway_abuse: 300 MB body: sent {sent // 1048576} MB before the gateway answered '{big}'")
print(f"  resident memory: {base} MB at rest, peak {peak[0]} MB (bar: <= 100 MB): "
      f"{'meets' if peak[0] <= 100 else 'MISSES'}")
print(f"  {n_slow} slow connections (header deadline {timeout_s:.0f} s): {closed_in_time} closed within "
      f"{timeout_s + 1.5:.1f} s, longest lived {worst:.1f} s (bar: all): "
      f"{'meets' if closed_in_time == n_slow else 'MISSES'}")
print(f"  honest terminal's sync meanwhile: exit {honest.returncode} in {honest_s:.2f} s (bar: served): "
      f"{'meets' if honest.returncode == 0 else 'MISSES'}")
sys.exit(0 if peak[0] <= 100 and closed_in_time == n_slow and honest.returncode == 0 else 1)
PY
