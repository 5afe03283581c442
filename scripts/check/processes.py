#!/usr/bin/env python3
"""Several backend processes on one PostgreSQL database behave as one
server. Run inside a throwaway cluster (scripts/check/postgres.sh starts
one with pg_virtualenv); it starts two processes of this build
(target/debug/backend) at once on a new database and checks, over HTTP:

- both come up, and the database is migrated once;
- a read through one process right after a write through the other sees it;
- two writes with the same If-Match, one through each: one 200, one 412;
- one Idempotency-Key sent to both at once: one effect, the same answer;
- live updates: a stream on one process hears a write made through the
  other within a second;
- kill -9 of either process, again and again, during a stream of writes
  that the client sends again (same key) through the other: nothing
  acknowledged is lost, nothing is applied twice;
- PostgreSQL stopped while they run: 503 with Retry-After, nothing
  changed; started again: both answer again without a restart, and live
  updates cross between them again.

With --sqlite: one process on a SQLite file, the kill -9 stream only (the
client waits for the process to come back and sends again).

Runs with the Python in tools/schemathesis (it has `requests`). Exit 0 when
every check holds; it names the first that does not.
"""
import argparse
import concurrent.futures
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BACKEND = os.environ.get("BACKEND_BIN", os.path.join(ROOT, "target", "debug", "backend"))
ADMIN = {"X-Persona": "global-admin"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(what, ok, detail=""):
    if not ok:
        sys.exit(f"FAIL: {what} {detail}")
    print(f"ok: {what}")


def contact(marker):
    """A contact request whose message carries `marker`, to find it later."""
    return {"command": {"type": "sendContactRequest", "partnerIds": ["p-000042"], "form": {
        "country": "United States", "city": "Seattle", "firstName": "Avery",
        "lastName": "Howard", "email": "avery.howard@contoso-retail.example",
        "phone": "+1 425 555 0100", "organizationSize": "50-249 employees",
        "organizationName": "Contoso Retail", "industry": "Retail",
        "businessNeeds": f"Help with our Teams rollout, please. {marker}"}}}


class Process:
    """One backend process on the shared database."""

    def __init__(self, name, store, work, dist):
        """`store`: the backend's flags for its database."""
        self.name, self.store, self.work, self.dist = name, store, work, dist
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.kills = 0

    def start(self):
        log = os.path.join(self.work, f"{self.name}.log")
        self.proc = subprocess.Popen(
            [BACKEND, "--demo-personas", *self.store,
             "--addr", f"127.0.0.1:{self.port}", "--dist", self.dist],
            stdout=open(log, "a"), stderr=subprocess.STDOUT)

    def wait(self):
        log = os.path.join(self.work, f"{self.name}.log")
        for _ in range(300):
            if self.proc.poll() is not None:
                sys.exit(f"{self.name} exited:\n{open(log).read()}")
            try:
                if requests.get(self.base + "/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        sys.exit(f"{self.name} did not answer:\n{open(log).read()}")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.kills += 1

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def state(self):
        reply = requests.get(self.base + "/api/state", headers=ADMIN, timeout=5)
        reply.raise_for_status()
        return int(reply.headers["ETag"].strip('"')), reply.text

    def write(self, key, body, revision, timeout=10):
        headers = dict(ADMIN)
        headers.update({"Idempotency-Key": key, "If-Match": f'"{revision}"'})
        return requests.post(self.base + "/api/commands", json=body, headers=headers,
                             timeout=timeout)


def psql(sql):
    return subprocess.run(["psql", "-tAc", sql], capture_output=True, text=True,
                          check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writes", type=int, default=300,
                        help="writes in the kill -9 stream (default 300)")
    parser.add_argument("--dist", help="the app's folder (default: a stand-in page; "
                        "these checks use only the API)")
    parser.add_argument("--sqlite", action="store_true",
                        help="one process on a SQLite file instead: only the kill -9 stream")
    args = parser.parse_args()
    if args.dist is None:
        # The test command runs this before the release build exists.
        args.dist = tempfile.mkdtemp(prefix="processes-dist-")
        with open(os.path.join(args.dist, "index.html"), "w") as page:
            page.write("<!doctype html><title>Partner console</title>")
    if args.sqlite:
        work = tempfile.mkdtemp(prefix="processes-")
        only = Process("sqlite", ["--db", os.path.join(work, "kill.sqlite3")], work, args.dist)
        try:
            only.start()
            only.wait()
            kill_during_writes([only], args.writes)
        finally:
            only.stop()
        return
    for var in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
        if var not in os.environ:
            sys.exit(f"{var} is not set: run this through scripts/check/postgres.sh")
    database = f"processes_{os.getpid()}"
    psql(f"CREATE DATABASE {database}")
    os.environ["PGDATABASE"] = database
    url = (f"postgres://{os.environ['PGUSER']}:{os.environ['PGPASSWORD']}"
           f"@{os.environ['PGHOST']}:{os.environ['PGPORT']}/{database}")
    work = tempfile.mkdtemp(prefix="processes-")
    store = ["--database-url", url]
    a, b = Process("first", store, work, args.dist), Process("second", store, work, args.dist)
    try:
        run(a, b, args)
    finally:
        a.stop()
        b.stop()


def run(a, b, args):
    # Both at once, on a database nobody has migrated.
    a.start()
    b.start()
    a.wait()
    b.wait()
    check("two processes starting at once on a new database both come up", True)
    check("the database was migrated once",
          psql("SELECT COUNT(*) FROM _sqlx_migrations") == "1")

    read_after_write(a, b)
    conflicting_writes(a, b)
    one_key_through_both(a, b)
    live_update_across(a, b)
    kill_during_writes([a, b], args.writes)
    database_away(a, b)


def read_after_write(a, b):
    for n in range(20):
        writer, reader = (a, b) if n % 2 == 0 else (b, a)
        revision, _ = writer.state()
        marker = f"[read-after-write {n}]"
        reply = writer.write(f"raw-{n}", contact(marker), revision)
        written = int(reply.headers["ETag"].strip('"'))
        seen, body = reader.state()
        if seen != written or marker not in body:
            check("a read through one process sees a write through the other", False,
                  f"wrote revision {written} through {writer.name}, "
                  f"{reader.name} answered {seen}")
    check("20 reads, each right after a write through the other process, see it", True)


def conflicting_writes(a, b):
    revision, _ = a.state()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(
            lambda p: p[0].write(f"conflict-{p[1]}", contact(f"[conflict {p[1]}]"), revision),
            [(a, "a"), (b, "b")]))
    statuses = sorted(r.status_code for r in replies)
    check("two writes with the same If-Match through two processes: one 200, one 412",
          statuses == [200, 412], str(statuses))


def one_key_through_both(a, b):
    revision, _ = a.state()
    marker = "[one key]"
    barrier = threading.Barrier(4)

    def send(process):
        barrier.wait()
        return process.write("one-key", contact(marker), revision)

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(send, [a, b, a, b]))
    statuses = [r.status_code for r in replies]
    replayed = [r.headers.get("Idempotent-Replayed") == "true" for r in replies]
    after, body = b.state()
    check("one Idempotency-Key sent four times through two processes: one effect",
          statuses == [200] * 4 and replayed.count(False) == 1
          and body.count(marker) == 1 and after == revision + 1,
          f"{statuses} replayed={replayed} count={body.count(marker)} "
          f"revision {revision} -> {after}")
    check("every answer to that key is the same",
          len({r.text for r in replies}) == 1)


def live_update_across(a, b, key="live-1"):
    """A stream on `b` hears a write made through `a` within a second."""
    revision, _ = b.state()
    heard = {}
    opened = threading.Event()

    def listen():
        headers = dict(ADMIN)
        headers["Last-Event-ID"] = str(revision)
        with requests.get(b.base + "/api/changes", headers=headers, stream=True,
                          timeout=10) as stream:
            heard["status"] = stream.status_code
            opened.set()
            for raw in stream.iter_lines():
                line = raw.decode("utf-8", "replace")
                if line.startswith("id:") and int(line[3:].strip()) > revision:
                    heard["at"] = time.monotonic()
                    heard["id"] = int(line[3:].strip())
                    return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    opened.wait(5)
    check("the second process opens a live-update stream", heard.get("status") == 200,
          str(heard))
    time.sleep(0.3)
    sent = time.monotonic()
    reply = a.write(key, contact(f"[{key}]"), revision)
    check("the write through the first process is accepted", reply.status_code == 200)
    listener.join(5)
    delay = heard.get("at", float("inf")) - sent
    check(f"a stream on the second process heard it in {delay * 1000:.0f} ms (< 1 s)",
          delay < 1.0 and heard.get("id") == revision + 1, str(heard))


def kill_during_writes(processes, writes):
    """A client writes through either process; a killer kill -9s one of them
    every few hundred milliseconds and starts it again. The client sends a
    write that got no answer again, with the same key, through the other
    (with one process, SQLite's, through the same one once it is back).
    """
    done = threading.Event()
    lock = threading.Lock()

    def killer():
        rng = random.Random(7)
        while not done.wait(rng.uniform(0.2, 0.5)):
            victim = rng.choice(processes)
            with lock:
                victim.kill()
            victim.start()
            victim.wait()

    acknowledged, resent = [], 0
    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        for n in range(writes):
            marker = f"[kill stream {n}]"
            key = f"kill-{n}"
            for attempt in range(200):
                process = processes[(n + attempt) % len(processes)]
                try:
                    revision, _ = process.state()
                    reply = process.write(key, contact(marker), revision, timeout=5)
                except requests.RequestException:
                    resent += 1
                    time.sleep(0.05)
                    continue
                if reply.status_code == 412 or reply.status_code >= 500:
                    resent += 1
                    continue
                if reply.status_code == 200:
                    acknowledged.append(marker)
                    break
                sys.exit(f"FAIL: write {n}: {reply.status_code} {reply.text}")
            else:
                sys.exit(f"FAIL: write {n} never landed")
    finally:
        done.set()
        thread.join()
    for p in processes:
        if p.proc.poll() is not None:
            p.start()
        p.wait()
    _, body = processes[0].state()
    saved = json.loads(body)["state"]
    requests_sent = saved.get("contactRequests", saved.get("contact_requests"))
    sent = [json.dumps(c) for c in requests_sent]
    lost = [m for m in acknowledged if not any(m in c for c in sent)]
    doubled = [m for m in acknowledged if sum(m in c for c in sent) > 1]
    kills = sum(p.kills for p in processes)
    print(f"   {writes} writes in {time.monotonic() - started:.1f} s, {kills} kill -9s, "
          f"{resent} attempts sent again")
    check(f"kill -9 during {writes} writes: none of {len(acknowledged)} acknowledged lost",
          not lost and kills > 0, f"lost {lost[:5]} kills={kills}")
    check("and none applied twice", not doubled, str(doubled[:5]))


def database_away(a, b):
    cluster = os.environ.get("PG_CLUSTER", "regress")
    version = os.environ.get("PGVERSION", "15")
    revision, before = a.state()
    subprocess.run(["pg_ctlcluster", version, cluster, "stop", "-m", "fast"], check=True)
    try:
        reply = requests.get(a.base + "/api/state", headers=ADMIN, timeout=15)
        check("PostgreSQL stopped: a read answers 503 with Retry-After",
              reply.status_code == 503 and reply.headers.get("Retry-After"),
              f"{reply.status_code} {reply.headers}")
        reply = b.write("while-away", contact("[while away]"), revision, timeout=15)
        check("and a write answers 503 with Retry-After",
              reply.status_code == 503 and reply.headers.get("Retry-After"),
              f"{reply.status_code}")
    finally:
        subprocess.run(["pg_ctlcluster", version, cluster, "start"], check=True)
    for p in (a, b):
        for _ in range(100):
            try:
                if requests.get(p.base + "/api/state", headers=ADMIN, timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        else:
            sys.exit(f"FAIL: {p.name} did not recover after PostgreSQL came back")
    after, body = a.state()
    check("PostgreSQL back: both processes answer again without a restart, nothing changed",
          after == revision and body == before)
    reply = b.write("while-away", contact("[while away]"), revision)
    check("and the write sent again with its key now lands", reply.status_code == 200)
    # Each process listens again: live updates work across them again.
    time.sleep(1.5)
    live_update_across(a, b, key="live-after-outage")


if __name__ == "__main__":
    main()
