#!/usr/bin/env python3
"""A bounded soak of d3lab's control plane under attack (docs/BENCHMARKS.md, Soak).

Runs `d3ctl run` on an experiment (bench/soak/soak.json: 2,000 requests with link changes, a slowdown and a worker
killed) while a hostile client holds HOSTILE connections open to its workers, re-opening every one a worker closes,
in five kinds: idle, slowloris (a byte every 2 s), a frame announcing a 1 GiB payload followed by 64 KiB of it,
garbage, and a full handshake with a wrong token. Samples every worker's resident memory, descriptors and CPU once
a second. Prints one JSON object: the run's summary figures, the attack's counts and each worker's memory (first
sample after the model was loaded, median, largest, last). Exits 1 when a request failed or did not complete.

    python3 bench/soak/soak.py --d3ctl build/bin/d3ctl [--experiment bench/soak/soak.json] [--hostile 1000]
"""
import argparse, hashlib, hmac, json, os, random, resource, selectors, socket, struct, subprocess, sys
import tempfile, threading, time

MAGIC = b"D3LB"
VERSION = 2
PREAMBLE = 44


def frame(msg_type, header_cbor=b"\xa0", payload_len=0):
    return (MAGIC + struct.pack("<HHQIQ", VERSION, msg_type, 0, len(header_cbor), payload_len) + bytes(16)
            + header_cbor)


def cbor_text(s):
    b = s.encode()
    return bytes([0x60 + len(b)]) + b if len(b) < 24 else bytes([0x78, len(b)]) + b


def cbor_bytes(b):
    return bytes([0x40 + len(b)]) + b if len(b) < 24 else bytes([0x58, len(b)]) + b


def wrong_token_response(challenge_frame):
    """An AuthResponse proving a token the workers do not have."""
    name = "intruder"
    mine = os.urandom(32)
    proof = hmac.new(b"not the cluster's token at all!!", mine + challenge_frame, hashlib.sha256).digest()
    header = (b"\xa3" + cbor_text("name") + cbor_text(name) + cbor_text("challenge") + cbor_bytes(mine)
              + cbor_text("proof") + cbor_bytes(proof))
    return frame(2, header)


KINDS = ["idle", "slowloris", "huge", "garbage", "wrong_token"]


class Hostile(threading.Thread):
    """Holds `count` connections to the ports, re-opening each one a worker closes."""

    def __init__(self, ports, count):
        super().__init__(daemon=True)
        self.ports, self.count = ports, count
        self.sel = selectors.DefaultSelector()
        self.stop = threading.Event()
        self.opened = self.closed_by_peer = self.refused = 0
        self.by_kind = {k: 0 for k in KINDS}
        self.open_now = 0
        self.pending = []

    def open_one(self, i):
        kind = KINDS[i % len(KINDS)]
        port = self.ports[i % len(self.ports)]
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect_ex(("127.0.0.1", port))
        except OSError:
            self.refused += 1
            s.close()
            return
        self.sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE, {"i": i, "kind": kind, "sent": False,
                                                                              "next": time.time() + 2})
        self.opened += 1
        self.by_kind[kind] += 1

    def run(self):
        for i in range(self.count):
            self.open_one(i)
        while not self.stop.is_set():
            now = time.time()
            for key, events in self.sel.select(timeout=0.2):
                s, d = key.fileobj, key.data
                if events & selectors.EVENT_WRITE and not d["sent"]:
                    d["sent"] = True
                    try:
                        if d["kind"] == "huge":
                            s.send(frame(2, b"\xa0", 1 << 30) + bytes(64 * 1024))
                        elif d["kind"] == "garbage":
                            s.send(os.urandom(512))
                    except OSError:
                        pass
                    self.sel.modify(s, selectors.EVENT_READ, d)
                if events & selectors.EVENT_READ:
                    try:
                        data = s.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        self.sel.unregister(s)
                        s.close()
                        self.closed_by_peer += 1
                        self.pending.append((time.time() + 0.2, d["i"]))  # re-opened shortly
                    elif d["kind"] == "wrong_token" and data[:4] == MAGIC:
                        try:
                            s.send(wrong_token_response(data))
                        except OSError:
                            pass
            due = [i for t, i in self.pending if t <= now]
            self.pending = [(t, i) for t, i in self.pending if t > now]
            for i in due:
                self.open_one(i)
            for key in list(self.sel.get_map().values()):
                d = key.data
                if d["kind"] == "slowloris" and now >= d["next"]:
                    d["next"] = now + 2
                    try:
                        key.fileobj.send(MAGIC[:1])
                    except OSError:
                        pass
            self.open_now = len(self.sel.get_map())
        for key in list(self.sel.get_map().values()):
            key.fileobj.close()


def children(pid, name):
    out = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines() if line.split()[1:] == [name]]


def listening_ports(pids):
    out = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout
    ports = []
    for line in out.splitlines():
        if any(f"pid={p}," in line for p in pids):
            ports.append(int(line.split()[3].rsplit(":", 1)[1]))
    return sorted(set(ports))


def status(pid):
    try:
        fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status").read().splitlines() if ":" in line)
        stat = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return {"rss_kib": int(fields["VmRSS"].split()[0]), "fds": len(os.listdir(f"/proc/{pid}/fd")),
                "cpu_s": (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")}
    except (OSError, KeyError):
        return None


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--d3ctl", required=True)
    ap.add_argument("--experiment", default=os.path.join(os.path.dirname(__file__), "soak.json"))
    ap.add_argument("--hostile", type=int, default=1000)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.hostile + 256)), hard))
    out = args.out or tempfile.mkdtemp(prefix="d3lab-soak-")
    log = open(os.path.join(tempfile.gettempdir(), "d3lab-soak-d3ctl.log"), "w")
    run = subprocess.Popen([args.d3ctl, "run", args.experiment, "--out", out, "--json"], stdout=subprocess.DEVNULL,
                           stderr=log, text=True)
    workers, ports = [], []
    deadline = time.time() + 120
    while time.time() < deadline and (len(workers) < 5 or len(ports) < len(workers)):
        time.sleep(0.5)
        workers = children(run.pid, "d3worker")
        ports = listening_ports(workers)
    hostile = Hostile(ports, args.hostile)
    hostile.start()
    samples = {}
    started = time.time()
    while run.poll() is None:
        for pid in children(run.pid, "d3worker"):
            st = status(pid)
            if st:
                samples.setdefault(pid, []).append((time.time() - started, st))
        time.sleep(1)
    hostile.stop.set()
    hostile.join()
    summary = json.load(open(os.path.join(out, "summary.json")))
    memory = {}
    for pid, rows in samples.items():
        rss = [st["rss_kib"] / 1024 for t, st in rows if t >= 10] or [rows[-1][1]["rss_kib"] / 1024]
        memory[str(pid)] = {"samples": len(rows), "first_mib": round(rss[0], 1), "median_mib": round(median(rss), 1),
                            "max_mib": round(max(rss), 1), "last_mib": round(rss[-1], 1),
                            "max_fds": max(st["fds"] for t, st in rows)}
    result = {"seconds": round(time.time() - started, 1), "run_dir": out,
              "requests": summary.get("requests"), "completed": summary.get("completed"),
              "failed": summary.get("failed"), "retried": summary.get("retried"),
              "hostile": {"held": args.hostile, "opened": hostile.opened, "closed_by_workers": hostile.closed_by_peer,
                          "refused": hostile.refused, "by_kind": hostile.by_kind},
              "workers": memory}
    print(json.dumps(result, indent=1))
    ok = summary.get("failed") == 0 and summary.get("completed") == summary.get("requests")
    sys.exit(0 if ok and run.returncode == 0 else 1)


if __name__ == "__main__":
    main()
