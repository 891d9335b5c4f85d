#!/usr/bin/env python3
"""Sustained ingest at province scale (issue 20 bar: >= 2,000 records/s with two gateway instances
and synchronous replication). A three-node Patroni cluster (scripts/pg-cluster, synchronous_mode
strict), two lz-gateway instances over it, two terminals (build/bin/sync_bench, each its own log of
--records and its own certificate) sending at the same moment, one to each instance. Then the same
with synchronous replication switched off (patronictl), to say what it costs.

  bench/cluster_bench.py [--records N per terminal (50000)]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from gatewaylab import BIN, Gateway, dev_pki, psql, say, start_cluster, cluster


def run_round(work, gateways, records):
    """Two terminals at once, the first to gateways[0], the second to gateways[-1]."""
    start_at = int((time.time() + 20) * 1000)  # both logs are made by then
    procs = []
    for i, g in enumerate([gateways[0], gateways[-1]]):
        name = f"T-B{i + 1}"
        procs.append(subprocess.Popen(
            [os.path.join(BIN, "sync_bench"), "--terminal", name, "--gateway", g.url, "--cert",
             f"{work}/pki/terminal-{name}.pem", "--key", f"{work}/pki/terminal-{name}.key", "--ca",
             f"{work}/pki/ca.pem", "--records", str(records), "--start-at-ms", str(start_at)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    seconds = []
    for p in procs:
        out, _ = p.communicate(timeout=1800)
        m = re.search(r"acknowledged in ([0-9.]+) s", out)
        if p.returncode != 0 or not m:
            raise RuntimeError(f"sync_bench failed: {out.strip()}")
        seconds.append(float(m.group(1)))
    return 2 * records / max(seconds), seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=50000)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lz-cluster-bench-")
    gateways = []
    try:
        env = start_cluster(f"{work}/cluster")
        dev_pki(f"{work}/pki", "T-B1", "T-B2")
        gateways = [Gateway(work, "gateway-a", env["dsn"]), Gateway(work, "gateway-b", env["dsn"])]
        for g in gateways:
            g.start()
        say(f"cluster up (leader {env['leader']}), two gateways; {args.records} records per terminal")
        rate_sync, secs = run_round(work, gateways, args.records)
        say(f"synchronous replication: {rate_sync:.0f} records/s ({', '.join(f'{s:.1f} s' for s in secs)})")
        held = psql(env["dsn"], "SELECT count(*) || ' ' || count(DISTINCT id) FROM records")
        psql(env["dsn"], "TRUNCATE records, terminals, checkpoints, flags")
        rate_one, secs = run_round(work, gateways[:1], args.records)
        say(f"one gateway, synchronous replication: {rate_one:.0f} records/s ({', '.join(f'{s:.1f} s' for s in secs)})")
        leader = cluster("leader", f"{work}/cluster").strip()
        subprocess.run(["patronictl", "-c", f"{work}/cluster/{leader}/patroni.yml", "edit-config", "--force",
                        "-s", "synchronous_mode=false", "-s", "synchronous_mode_strict=false"],
                       check=True, capture_output=True)
        time.sleep(5)  # Patroni's next loop clears synchronous_standby_names
        names = psql(env["dsn"], "SHOW synchronous_standby_names")
        psql(env["dsn"], "TRUNCATE records, terminals, checkpoints, flags")
        rate_async, secs = run_round(work, gateways, args.records)
        say(f"asynchronous replication (synchronous_standby_names '{names}'): {rate_async:.0f} records/s "
            f"({', '.join(f'{s:.1f} s' for s in secs)})")
        print(f"cluster ingest: two gateways, three nodes, synchronous replication (strict): {rate_sync:.0f} records/s "
              f"(bar >= 2000/s: {'meets' if rate_sync >= 2000 else 'MISSES'}); asynchronous: {rate_async:.0f} records/s; "
              f"synchronous replication costs {100 * (1 - rate_sync / rate_async):.0f}%; "
              f"one gateway instead of two (synchronous): {rate_one:.0f} records/s; "
              f"database after the synchronous round held {held.split()[0]} rows, {held.split()[1]} distinct")
        return 0 if rate_sync >= 2000 else 1
    finally:
        for g in gateways:
            g.stop()
        subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "pg-cluster"),
                        "stop", f"{work}/cluster"], capture_output=True)
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    sys.exit(main())
