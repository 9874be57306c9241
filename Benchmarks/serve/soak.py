#!/usr/bin/env python3
"""A long class against `sinergi serve` with hostile requests mixed in: does the server stay
up, answer every well-formed request and keep its memory flat?

Starts `sinergi serve --port 0 SCENARIO` and runs for --seconds (default 600):

- --lecturers lecturers (default 2), each with a session of their own, step a month every
  half second, read the new frames, set up again at the horizon and ask for 200 futures
  every 15 s, with the session's lecturer token;
- --students students (default 60), spread over the sessions, join, poll about once a
  second and send a stance when a poll shows a new month;
- --hostile clients (default 4) send, about five times a second each, one of: a body that
  is not JSON, JSON of the wrong shape, a body over the 64 KiB limit, a JSON body without
  its content type, a lecturer action without the token or with another session's, a
  stance for an unknown player, an unknown path, a request for an unknown session. Each
  must get a 4xx answer with the error JSON, never a 5xx, a hang or a closed connection.

The server's resident memory is read every 10 s. Prints what was sent and answered, the
errors, and the memory over the run: at its start, its end, its largest, and the growth
over the second half (flat means a few MB, the noise of the allocator), with --json also
into a file. Exit status 1 when a well-formed request failed, a hostile one got anything
but a 4xx, or the server died. Python's standard library only.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

from class_load import Client, Statistics, lecture, percentile, play, resident_megabytes


class Hostility:
    """What the hostile clients sent and how each kind was answered."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = {}  # kind -> {status: count}
        self.failures = []

    def record(self, kind, status, payload):
        with self.lock:
            row = self.answers.setdefault(kind, {})
            row[str(status)] = row.get(str(status), 0) + 1
            well_answered = status is not None and 400 <= status < 500
            if well_answered:
                try:
                    body = json.loads(payload)
                    well_answered = isinstance(body, dict) and "error" in body
                except ValueError:
                    well_answered = False
            if not well_answered and len(self.failures) < 50:
                self.failures.append(f"{kind}: {status} {payload[:160]!r}")


def attack(port, hostility, sessions, deadline, seed):
    generator = random.Random(seed)
    client = Client(port, None)
    json_headers = {"Content-Type": "application/json"}
    while time.monotonic() < deadline:
        session, _ = generator.choice(sessions)
        other_token = generator.choice(sessions)[1]
        kind = generator.choice([
            "not-json", "wrong-shape", "oversized", "no-content-type", "no-token", "wrong-token",
            "unknown-player", "unknown-path", "unknown-session"])
        if kind == "not-json":
            request = ("POST", f"/api/sessions/{session}/players", b"{\"government\": 0, \"agen", json_headers)
        elif kind == "wrong-shape":
            request = ("POST", f"/api/sessions/{session}/players", b"[1, 2, 3]", json_headers)
        elif kind == "oversized":
            filler = "x" * (70 * 1024)
            request = ("POST", f"/api/sessions/{session}/players",
                       json.dumps({"government": 0, "agency": 0, "name": filler}).encode(), json_headers)
        elif kind == "no-content-type":
            request = ("POST", f"/api/sessions/{session}/players",
                       json.dumps({"government": 0, "agency": 0, "name": "x"}).encode(), {})
        elif kind == "no-token":
            request = ("POST", f"/api/sessions/{session}/step", b"{\"months\": 1}", json_headers)
        elif kind == "wrong-token":
            headers = dict(json_headers, Authorization=f"Bearer {other_token}x")
            request = ("POST", f"/api/sessions/{session}/step", b"{\"months\": 1}", headers)
        elif kind == "unknown-player":
            request = ("POST", f"/api/sessions/{session}/players/nobody/stance",
                       b"{\"month\": 0, \"shareData\": true, \"training\": true, \"commitBudget\": true}",
                       json_headers)
        elif kind == "unknown-path":
            request = ("GET", f"/api/sessions/{session}/../../etc/passwd", None, {})
        else:
            request = ("GET", "/api/sessions/NOSUCHSESSION", None, {})
        method, path, data, headers = request
        status, payload = client.raw(method, path, data, headers)
        hostility.record(kind, status, payload if status is not None else str(payload).encode())
        time.sleep(0.2 * generator.random() + 0.1)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(root, ".build/release/sinergi"))
    parser.add_argument("--scenario", default=os.path.join(root, "Scenarios/classroom.yaml"))
    parser.add_argument("--lecturers", type=int, default=2)
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--hostile", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the figures to this file")
    arguments = parser.parse_args()

    server = subprocess.Popen([arguments.binary, "serve", arguments.scenario, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = []
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            sys.exit(f"sinergi serve printed no address: {line!r} {server.stderr.read()}")
        port = int(match.group(1))
        stats, hostility = Statistics(), Hostility()
        sessions = []
        for _ in range(arguments.lecturers):
            setup = Statistics()
            created = Client(port, setup).call("create", "POST", "/api/sessions",
                                               {"settings": {"participation": True}})
            if not created:
                sys.exit(f"could not create a session: {setup.errors}")
            sessions.append((created["id"], created.get("lecturerToken")))
        agencies = len(created["state"]["frames"][0]["governments"][0]["agencies"])
        started = time.monotonic()
        deadline = started + arguments.seconds
        threads = [threading.Thread(target=lecture, args=(port, stats, s, t, deadline)) for s, t in sessions]
        threads += [threading.Thread(target=play, args=(port, stats, sessions[n % len(sessions)][0], n,
                                                        n % agencies, deadline, arguments.seed * 1000 + n))
                    for n in range(arguments.students)]
        threads += [threading.Thread(target=attack, args=(port, hostility, sessions, deadline,
                                                          arguments.seed * 7919 + h))
                    for h in range(arguments.hostile)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            memory.append((round(time.monotonic() - started, 1), resident_megabytes(server.pid)))
            time.sleep(10)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        alive = server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=60)

    every = sorted(x for values in stats.latencies.values() for x in values)
    samples = [mb for _, mb in memory if mb is not None]
    half = samples[len(samples) // 2:] or samples
    sent = sum(sum(row.values()) for row in hostility.answers.values())
    figures = {
        "lecturers": arguments.lecturers, "students": arguments.students, "hostileClients": arguments.hostile,
        "seconds": round(elapsed, 1), "serverAlive": alive,
        "wellFormedRequests": len(every), "wellFormedFailures": len(stats.errors),
        "staleMonth409s": stats.stale,
        "latencyMilliseconds": {"p50": round(percentile(every, 0.50), 1), "p99": round(percentile(every, 0.99), 1),
                                "max": round(every[-1] * 1000 if every else 0, 1)},
        "monthsStepped": stats.counters["months"], "restarts": stats.counters["restarts"],
        "futures": stats.counters["futures"], "futuresBusy": stats.counters["busy"],
        "hostileRequests": sent, "hostileAnswers": hostility.answers,
        "hostileBadlyAnswered": len(hostility.failures),
        "serverRSSMegabytes": {"start": samples[0] if samples else None, "end": samples[-1] if samples else None,
                               "max": max(samples) if samples else None,
                               "secondHalfGrowth": round(half[-1] - half[0], 1) if half else None,
                               "samples": memory},
    }
    rss = figures["serverRSSMegabytes"]
    print(f"{arguments.lecturers} lecturers, {arguments.students} students, {arguments.hostile} hostile clients "
          f"for {elapsed:.0f} s; server {'alive' if alive else 'DEAD'}")
    print(f"well-formed: {len(every)} requests, {len(stats.errors)} failed, {stats.stale} stale-month 409s; "
          f"latency p50 {figures['latencyMilliseconds']['p50']} ms, p99 {figures['latencyMilliseconds']['p99']} ms; "
          f"{figures['monthsStepped']} months stepped, {figures['futures']} futures runs "
          f"({figures['futuresBusy']} asked while the slots were taken)")
    print(f"hostile: {sent} requests, {len(hostility.failures)} not answered with a 4xx and the error JSON")
    for kind, row in sorted(hostility.answers.items()):
        print(f"  {kind:<16} " + ", ".join(f"{status}: {count}" for status, count in sorted(row.items())))
    print(f"server RSS: {rss['start']} MB at the start, {rss['end']} MB at the end, {rss['max']} MB at most; "
          f"{rss['secondHalfGrowth']} MB over the second half")
    for error in (stats.errors + hostility.failures)[:10]:
        print(f"  problem: {error}")
    if arguments.json:
        os.makedirs(os.path.dirname(os.path.abspath(arguments.json)), exist_ok=True)
        with open(arguments.json, "w") as out:
            json.dump(figures, out, indent=2)
    return 0 if alive and not stats.errors and not hostility.failures else 1


if __name__ == "__main__":
    sys.exit(main())
