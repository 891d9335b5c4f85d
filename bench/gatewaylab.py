"""Shared parts of the gateway-at-scale benchmarks (issue 20): free ports, a Patroni cluster
(scripts/pg-cluster), lz-gateway instances over it, psql. Imported by failover_soak.py,
cluster_bench.py and police_bench.py."""
import os
import signal
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("LZ_BIN_DIR", os.path.join(ROOT, "build", "bin"))
CLUSTER = os.path.join(ROOT, "scripts", "pg-cluster")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def say(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def psql(dsn, sql, timeout=3600):
    out = subprocess.run(["psql", dsn, "-Atqc", sql], capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return out.stdout.strip()


def cluster(*args, check=True):
    out = subprocess.run([CLUSTER, *args], capture_output=True, text=True, timeout=180)
    if check and out.returncode != 0:
        raise RuntimeError(f"pg-cluster {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def start_cluster(directory, nodes=3):
    """Starts the cluster; its key=value lines (dsn, replica_dsn, nodeK, leader) as a dict."""
    return dict(l.split("=", 1) for l in cluster("start", directory, "--nodes", str(nodes)).splitlines() if "=" in l)


def dev_pki(directory, *names):
    subprocess.run([os.path.join(ROOT, "scripts", "dev-pki"), directory, *names], check=True, capture_output=True)


class Gateway:
    """An lz-gateway process on a fixed free port (a restarted one keeps its address)."""

    def __init__(self, work, name, dsn, extra=()):
        self.work, self.name, self.dsn, self.extra = work, name, dsn, list(extra)
        self.port, self.proc = free_port(), None

    @property
    def url(self):
        return f"https://localhost:{self.port}"

    def start(self):
        pki = os.path.join(self.work, "pki")
        log = open(os.path.join(self.work, f"{self.name}.log"), "ab")
        self.proc = subprocess.Popen(
            [os.path.join(BIN, "lz-gateway"), "--db", self.dsn, "--cert", f"{pki}/gateway.pem", "--key",
             f"{pki}/gateway.key", "--listen", f"127.0.0.1:{self.port}", *self.extra]
            + ([] if "--police-api" in self.extra else ["--client-ca", f"{pki}/ca.pem"]),
            stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("listening"):
            raise RuntimeError(f"{self.name} did not start (see {self.name}.log)")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
