#!/usr/bin/env python3
"""Failover soak of the gateway at province scale (issue 20; docs/scaling.md).

A Patroni cluster of three PostgreSQL nodes with synchronous replication (scripts/pg-cluster),
two lz-gateway instances over it (libpq multi-host, target_session_attrs=read-write), and several
terminals (build/bin/failover_terminal: the product's SyncClient over a real registration log),
each with both gateways' addresses, registering and forwarding all the time. Then, over and over:
kill -9 the primary node (its Patroni and its PostgreSQL together), time the kill to the first
batch any terminal has accepted again, start the old primary again (it rejoins as a standby by
pg_rewind) and wait for the cluster to be whole. Once in the run: kill -9 a gateway instance while
it stores a batch, and take etcd away for a while (the primary steps down, nothing is written).

Afterwards every record a terminal's log holds as acknowledged must be in the gateway's database
exactly once, every terminal's records all there, and no chain flag raised.

  bench/failover_soak.py [--kills N (20)] [--terminals N (4)] [--rate N per terminal/s (25)]
                         [--no-gateway-kill] [--no-etcd-stop]
Exit status 0 only if nothing was lost or duplicated and the chains are intact. Prints the
recovery times and the bar (median kill to first accepted batch <= 15 s).
"""
import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from gatewaylab import BIN, CLUSTER, Gateway, cluster, dev_pki, psql, say, start_cluster


class Terminal:
    def __init__(self, work, name, urls, rate, seconds):
        self.name, self.acks, self.done = name, [], None
        self.log = os.path.join(work, f"{name}.db")
        pki = os.path.join(work, "pki")
        self.proc = subprocess.Popen(
            [os.path.join(BIN, "failover_terminal"), "--terminal", name, "--gateways", ",".join(urls), "--cert",
             f"{pki}/terminal-{name}.pem", "--key", f"{pki}/terminal-{name}.key", "--ca", f"{pki}/ca.pem", "--log",
             self.log, "--rate", str(rate), "--seconds", str(seconds), "--drain-seconds", "180",
             "--stop-file", os.path.join(work, "stop")],
            stdout=subprocess.PIPE, stderr=open(os.path.join(work, f"{name}.err"), "wb"), text=True)
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self):
        for line in self.proc.stdout:
            parts = line.split()
            if parts and parts[0] == "ack":
                self.acks.append(int(parts[1]) / 1000.0)
            elif parts and parts[0] == "done":
                self.done = (int(parts[1]), int(parts[2]))

    def acknowledged_ids(self):
        db = sqlite3.connect(self.log)
        try:
            rows = db.execute("SELECT id, seq, acked_ms IS NOT NULL FROM records").fetchall()
        finally:
            db.close()
        return [(str(uuid.UUID(bytes=bytes(r[0]))), r[1], bool(r[2])) for r in rows]


def first_commit_after(dsn, t0, timeout):
    """When the first batch whose transaction began after t0 was committed... as far as the database
    knows: its records' received_at (the transaction's start). None if none within timeout."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            got = psql(dsn, f"SELECT extract(epoch FROM min(received_at)) FROM records WHERE received_at > to_timestamp({t0})",
                       timeout=10)
            if got:
                return float(got)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass  # no primary yet
        time.sleep(0.2)
    return None


def recovery(dsn, terminals, t0, timeout):
    """Kill (t0) to the first batch stored after it and acknowledged to its terminal: a batch in
    flight at the kill, acknowledged just after it, does not count."""
    began = first_commit_after(dsn, t0, timeout)
    if began is None:
        return None
    acked = first_ack_after(terminals, began, 30)
    return None if acked is None else acked + began - t0


def first_ack_after(terminals, t0, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        later = [a for t in terminals for a in list(t.acks) if a > t0]
        if later:
            return min(later) - t0
        time.sleep(0.05)
    return None


def whole(work, nodes=3, timeout=120):
    """Every node running and streaming from the primary, one of them the synchronous standby."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        out = subprocess.run([CLUSTER, "members", f"{work}/cluster"], capture_output=True, text=True).stdout
        states = [line.split() for line in out.splitlines() if line.strip()]
        roles = [s[1] for s in states if len(s) >= 3 and s[2] in ("running", "streaming")]
        if len(roles) == nodes and roles.count("leader") == 1 and roles.count("sync_standby") >= 1:
            return True
        time.sleep(0.3)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--terminals", type=int, default=4)
    ap.add_argument("--rate", type=int, default=25)
    ap.add_argument("--no-gateway-kill", action="store_true")
    ap.add_argument("--no-etcd-stop", action="store_true")
    ap.add_argument("--keep", action="store_true", help="leave the work directory (logs) behind")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="lz-failover-")
    gateways, terminals = [], []
    result = 1
    try:
        say(f"cluster in {work}")
        dsn = start_cluster(f"{work}/cluster")["dsn"]
        names = [f"T-SOAK{i}" for i in range(1, args.terminals + 1)]
        dev_pki(f"{work}/pki", *names)
        gateways = [Gateway(work, "gateway-a", dsn, ["--db-retry-seconds", "10"]),
                    Gateway(work, "gateway-b", dsn, ["--db-retry-seconds", "10"])]
        for g in gateways:
            g.start()
        urls = [g.url for g in gateways]
        # Long enough for every fault below, at ~40 s a kill.
        seconds = 40 * args.kills + 30 + (0 if args.no_gateway_kill else 15) + (0 if args.no_etcd_stop else 40)
        for i, name in enumerate(names):  # half the terminals prefer each gateway
            terminals.append(Terminal(work, name, urls[i % 2:] + urls[:i % 2], args.rate, seconds))
        started = time.time()
        if first_ack_after(terminals, started - 1, 60) is None:
            raise RuntimeError("no terminal got a batch accepted at the start")

        recoveries = []
        for k in range(1, args.kills + 1):
            if not whole(work):
                raise RuntimeError(f"cluster not whole before kill {k}")
            time.sleep(random.uniform(1.0, 3.0))  # the kill lands anywhere in a batch
            leader = cluster("leader", f"{work}/cluster").strip()
            cluster("kill", f"{work}/cluster", leader)
            t0 = time.time()  # both processes are gone now (pg-cluster kill waits for that)
            r = recovery(dsn, terminals, t0, 90)
            recoveries.append(r)
            say(f"kill {k}: {leader} killed; first batch accepted again after "
                + (f"{r:.1f} s" if r is not None else "NEVER (90 s)"))
            cluster("start-node", f"{work}/cluster", leader)  # rejoins as a standby (pg_rewind)
        if not args.no_gateway_kill:
            if not whole(work):
                raise RuntimeError("cluster not whole before the gateway kill")
            time.sleep(random.uniform(0.5, 1.5))
            gateways[0].kill()  # mid-batch: the terminals preferring it move to the other one
            t0 = time.time()
            r = recovery(dsn, terminals, t0, 60)
            say(f"gateway-a killed; first batch accepted after {r:.1f} s" if r is not None
                else "gateway-a killed; NO batch accepted within 60 s")
            time.sleep(5)
            gateways[0].start()
        etcd_pause = None
        if not args.no_etcd_stop:
            if not whole(work):
                raise RuntimeError("cluster not whole before etcd stop")
            t0 = time.time()
            cluster("etcd-stop", f"{work}/cluster")
            time.sleep(15)  # longer than the leader key's 10 s: the primary steps down
            during = sum(1 for t in terminals for a in list(t.acks) if t0 + 12 < a)  # after the key expired
            cluster("etcd-start", f"{work}/cluster")
            t1 = time.time()
            r = recovery(dsn, terminals, t1, 90)
            etcd_pause = r
            say(f"etcd stopped 15 s ({during} acknowledgements in its last 3 s); first batch accepted "
                f"{r:.1f} s after it came back" if r is not None else "etcd back; NO batch accepted within 90 s")
        if not whole(work):
            say("the cluster is not whole at the end")
        open(os.path.join(work, "stop"), "w").close()  # the faults are done: stop registering
        say("waiting for the terminals to forward everything")
        for t in terminals:
            try:
                t.proc.wait(timeout=seconds + 300)
            except subprocess.TimeoutExpired:
                t.proc.kill()
            t.reader.join(5)

        lost = duplicated = missing = 0
        for t in terminals:
            rows = t.acknowledged_ids()
            held = psql(dsn, f"SELECT id, count(*) FROM records WHERE terminal_id = '{t.name}' GROUP BY id")
            counts = {}
            for line in held.splitlines():
                i, n = line.split("|")
                counts[i] = int(n)
            acked = [r for r in rows if r[2]]
            lost += sum(1 for r in acked if r[0] not in counts)
            duplicated += sum(n - 1 for n in counts.values() if n > 1)
            missing += sum(1 for r in rows if r[0] not in counts)  # sent or not: all should be there
            unsent = len(rows) - len(acked)
            say(f"{t.name}: {len(rows)} registered, {len(acked)} acknowledged, {unsent} unacknowledged, "
                f"{len(counts)} in the database; exit {t.proc.returncode}")
        flags = psql(dsn, "SELECT count(*) FROM flags WHERE kind IN ('gap','fork','chain_break','checkpoint_mismatch',"
                          "'bad_checkpoint','key_changed')")
        heads_ok = all(
            psql(dsn, f"SELECT head_seq FROM terminals WHERE id = '{t.name}'") == str(max(r[1] for r in t.acknowledged_ids()))
            for t in terminals)
        total = int(psql(dsn, "SELECT count(*) FROM records"))
        ok_rec = [r for r in recoveries if r is not None]
        med = statistics.median(ok_rec) if ok_rec else float("inf")
        print(f"failover soak: {len(recoveries)} primary kills; {total} records in the database; "
              f"lost {lost}, duplicated {duplicated}, not forwarded {missing}; chain flags {flags}; "
              f"terminal heads {'match' if heads_ok else 'DIFFER'}")
        if ok_rec:
            print(f"kill -> first batch accepted again: median {med:.1f} s, min {min(ok_rec):.1f} s, "
                  f"max {max(ok_rec):.1f} s, never {len(recoveries) - len(ok_rec)} "
                  f"(bar: median <= 15 s: {'meets' if med <= 15 and len(ok_rec) == len(recoveries) else 'MISSES'})")
        # How the old primaries came back: pg_rewind, or a new clone (the two initial clones aside).
        logs = ""
        for name in os.listdir(f"{work}/cluster"):
            path = f"{work}/cluster/{name}/patroni.log"
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    logs += f.read()
        rewinds = logs.count("pg_rewind exit code=0")
        clones = logs.count("trying to bootstrap from leader") - 2
        print(f"old primaries rejoined: {rewinds} by pg_rewind, {max(clones, 0)} by a new clone")
        if etcd_pause is not None:
            print(f"etcd away 15 s: first batch accepted {etcd_pause:.1f} s after it returned")
        good = (lost == 0 and duplicated == 0 and missing == 0 and flags == "0" and heads_ok
                and len(ok_rec) == len(recoveries))
        print("failover soak: " + ("PASS" if good else "FAIL"))
        result = 0 if good else 1
    except Exception as e:  # report, then clean up below
        print(f"failover soak: FAIL: {e}", file=sys.stderr)
    finally:
        for t in terminals:
            if t.proc.poll() is None:
                t.proc.kill()
        for g in gateways:
            g.stop()
        subprocess.run([CLUSTER, "stop", f"{work}/cluster"], capture_output=True)
        if args.keep or result != 0:
            print(f"logs kept in {work}", file=sys.stderr)
        else:
            subprocess.run(["rm", "-rf", work])
    return result


if __name__ == "__main__":
    sys.exit(main())
