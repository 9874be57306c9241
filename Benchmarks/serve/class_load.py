#!/usr/bin/env python3
"""A class on loopback against `sinergi serve`: students and a lecturer for a while, all at
once, and what they waited for.

Starts `sinergi serve --port 0 SCENARIO`, reads the port from the line it prints, and runs
for --seconds (default 60):

- each of --students students (default 30) joins one agency, then polls the session about
  once a second (jitter ±0.2 s) and sends a stance whenever a poll shows a new month;
- the lecturer steps one month every half second (two months a second) with the session's
  lecturer token, reads the new frames after each step, sets up again at the horizon, and
  asks for 200 futures after 5 s and every 15 s.

Every client has its own keep-alive connection and runs in its own thread. Prints the
requests by kind, the errors, the stale-month 409s (a stance that crossed a step: the API's
answer, not an error), requests per second, latency percentiles overall and per kind, the
peak of requests in flight and the server's resident memory before and after; with --json
also writes them to a file. Python's standard library only.

This is the load test that used to run inside `swift test`; its timing now lives here, and
Tests/SinergiServeTests/LoadTests.swift checks, without timing, that every request of a
class is answered.
"""

import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time


class Statistics:
    """Latencies and outcomes of every request, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}  # kind -> [seconds]
        self.errors = []
        self.stale = 0
        self.in_flight = 0
        self.peak_in_flight = 0
        self.counters = {"months": 0, "restarts": 0, "futures": 0, "busy": 0}

    def begin(self):
        with self.lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def end(self, kind, seconds):
        with self.lock:
            self.in_flight -= 1
            self.latencies.setdefault(kind, []).append(seconds)

    def fail(self, text):
        with self.lock:
            self.errors.append(text)

    def count(self, name, amount=1):
        with self.lock:
            self.counters[name] += amount

    def stale_month(self):
        with self.lock:
            self.stale += 1


class Client:
    """One browser: its own connection to the server."""

    def __init__(self, port, stats, token=None):
        self.port = port
        self.stats = stats
        self.token = token  # the lecturer token, for the lecturer's actions
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def raw(self, method, path, data=None, headers=None):
        """Sends a request as given; returns (status, payload), or (None, the error's text)
        when the connection failed (a new one is opened for the next request)."""
        try:
            self.connection.request(method, path, body=data, headers=headers or {})
            response = self.connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            return None, str(error)

    def call(self, kind, method, path, body=None, stale_is_409=False, busy_ok=False):
        """A well-formed request, timed; the reply's JSON, or None after recording why. A 409
        for a month that is over (`stale_is_409`) and, with `busy_ok`, a 429 or 503 for taken
        futures slots are the server's answers, counted but not failures."""
        data = None if body is None else json.dumps(body).encode()
        headers = {} if body is None else {"Content-Type": "application/json"}
        if self.token and method != "GET":
            headers["Authorization"] = f"Bearer {self.token}"
        self.stats.begin()
        started = time.perf_counter()
        status, payload = self.raw(method, path, data, headers)
        self.stats.end(kind, time.perf_counter() - started)
        if status is None:
            self.stats.fail(f"{kind} {method} {path}: {payload}")
            return None
        if 200 <= status < 300:
            return json.loads(payload) if payload else {}
        if status == 409 and stale_is_409:
            self.stats.stale_month()
            return None
        if status in (429, 503) and busy_ok:
            self.stats.count("busy")
            return None
        self.stats.fail(f"{kind} {method} {path}: {status} {payload[:200]!r}")
        return None


def lecture(port, stats, session, token, deadline):
    client = Client(port, stats, token)
    next_futures = time.monotonic() + 5
    seen = 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        stepped = client.call("step", "POST", f"/api/sessions/{session}/step", {"months": 1})
        if stepped:
            stats.count("months", len(stepped["frames"]))
            if stepped["state"]["finished"]:
                client.call("setup", "POST", f"/api/sessions/{session}/setup", {})
                stats.count("restarts")
                seen = 0
        state = client.call("lecturer-state", "GET", f"/api/sessions/{session}?since={seen}")
        if state:
            seen = state["month"]
        if time.monotonic() >= next_futures:
            futures = client.call("futures", "POST", f"/api/sessions/{session}/futures", {"count": 200},
                                  busy_ok=True)
            if futures and futures["count"] == 200:
                stats.count("futures")
            next_futures = time.monotonic() + 15
        time.sleep(max(0.0, 0.5 - (time.monotonic() - started)))


def play(port, stats, session, student, agency, deadline, seed):
    client = Client(port, stats)
    generator = random.Random(seed)
    joined = client.call(
        "join", "POST", f"/api/sessions/{session}/players",
        {"government": 0, "agency": agency, "name": f"Student {student + 1}"})
    if not joined:
        return
    time.sleep(generator.random())  # a class arrives over a second
    stanced = -1
    while time.monotonic() < deadline:
        state = client.call("state", "GET", f"/api/sessions/{session}?since={max(0, stanced)}")
        if state and not state["finished"] and state["month"] != stanced:
            stance = {"month": state["month"], "shareData": generator.random() < 0.5,
                      "training": generator.random() < 0.5, "commitBudget": generator.random() < 0.5}
            client.call("stance", "POST", f"/api/sessions/{session}/players/{joined['token']}/stance",
                        stance, stale_is_409=True)
            stanced = state["month"]
        time.sleep(max(0.0, 1.0 + generator.uniform(-0.2, 0.2)))


def resident_megabytes(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def percentile(sorted_values, p):
    """The nearest-rank percentile, in milliseconds."""
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, int(-(-p * len(sorted_values) // 1)) - 1))
    return sorted_values[index] * 1000


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(root, ".build/release/sinergi"))
    parser.add_argument("--scenario", default=os.path.join(root, "Scenarios/classroom.yaml"))
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1, help="seed of the students' choices and timing")
    parser.add_argument("--json", help="also write the figures to this file")
    arguments = parser.parse_args()

    server = subprocess.Popen([arguments.binary, "serve", arguments.scenario, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            sys.exit(f"sinergi serve printed no address: {line!r} {server.stderr.read()}")
        port = int(match.group(1))
        stats = Statistics()
        rss_before = resident_megabytes(server.pid)
        setup = Statistics()  # the session the class uses is not part of the figures
        created = Client(port, setup).call("create", "POST", "/api/sessions", {"settings": {"participation": True}})
        if not created:
            sys.exit(f"could not create a session: {setup.errors}")
        session = created["id"]
        agencies = len(created["state"]["frames"][0]["governments"][0]["agencies"])
        started = time.monotonic()
        deadline = started + arguments.seconds
        threads = [threading.Thread(target=lecture, args=(port, stats, session, created.get("lecturerToken"),
                                                          deadline))]
        threads += [threading.Thread(target=play, args=(port, stats, session, s, s % agencies, deadline,
                                                        arguments.seed * 1000 + s))
                    for s in range(arguments.students)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        rss_after = resident_megabytes(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)

    every = sorted(x for values in stats.latencies.values() for x in values)
    figures = {
        "students": arguments.students, "seconds": round(elapsed, 1),
        "requests": len(every), "requestsPerSecond": round(len(every) / elapsed, 1),
        "errors": len(stats.errors), "staleMonth409s": stats.stale,
        "peakInFlight": stats.peak_in_flight,
        "latencyMilliseconds": {"p50": round(percentile(every, 0.50), 1), "p99": round(percentile(every, 0.99), 1),
                                "max": round(every[-1] * 1000 if every else 0, 1)},
        "byKind": {kind: {"requests": len(values), "p50": round(percentile(sorted(values), 0.50), 1),
                          "p99": round(percentile(sorted(values), 0.99), 1),
                          "max": round(max(values) * 1000, 1)}
                   for kind, values in sorted(stats.latencies.items())},
        "monthsStepped": stats.counters["months"], "restarts": stats.counters["restarts"],
        "futures": stats.counters["futures"],
        "serverRSSMegabytes": {"before": rss_before, "after": rss_after},
    }
    print(f"{arguments.students} students + 1 lecturer for {elapsed:.1f} s: {figures['requests']} requests "
          f"({figures['requestsPerSecond']}/s), {figures['errors']} errors, {stats.stale} stale-month 409s, "
          f"peak {stats.peak_in_flight} in flight")
    latency = figures["latencyMilliseconds"]
    print(f"latency (ms): p50 {latency['p50']}, p99 {latency['p99']}, max {latency['max']}")
    print(f"{'kind':<16}{'requests':>10}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for kind, row in figures["byKind"].items():
        print(f"{kind:<16}{row['requests']:>10}{row['p50']:>10}{row['p99']:>10}{row['max']:>10}")
    print(f"months stepped {figures['monthsStepped']}, restarts {figures['restarts']}, "
          f"futures {figures['futures']}; server RSS {rss_before} → {rss_after} MB")
    for error in stats.errors[:10]:
        print(f"  error: {error}")
    if arguments.json:
        os.makedirs(os.path.dirname(os.path.abspath(arguments.json)), exist_ok=True)
        with open(arguments.json, "w") as out:
            json.dump(figures, out, indent=2)
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
