"""Sinergi against the same model written in Mesa: replicate throughput on one core each.

1. The distribution check of check_classroom.py (same model, same distributions).
2. Scenarios/classroom.yaml: Mesa replicates per second (K replicates with mesa.batch_run in
   this process) against `sinergi run --threads 1` (replicatesPerSecond of its manifest).
3. Benchmarks/peers/network-10k.yaml (classroom with 10,000 networked citizens): the same,
   plus citizen-months per second. Sinergi's half reads "not available" while the Sinergi
   build rejects network citizens.

Both run pinned to the same single CPU. Prints a table and writes the figures to
results/bench-peers/latest.json.

    python Benchmarks/peers/bench_peers.py [--mesa-classroom 1000] [--mesa-network 4]
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import platform
import time
from importlib.metadata import version
from pathlib import Path

from check_classroom import check
from sinergi_runs import (PEERS, ROOT, Estimate, SinergiUnavailable, pin_to_one_core, run_sinergi,
                          scratch, timed_sinergi, z_score)

from sinergi_mesa import load_scenario, run_replicates, scenario_from_yaml

TARGET_RATIO = 200.0
SINERGI_REPEATS = 3     # Sinergi's figure is the median of this many runs


def time_mesa(scenario, replicates: int) -> tuple[float, list[dict]]:
    """Replicates per second of `replicates` Mesa replicates in this process, after one
    untimed warm-up replicate."""
    run_replicates(scenario, 1, seed=999)
    started = time.perf_counter()
    rows = run_replicates(scenario, replicates, seed=2)   # not the check's replicates
    return replicates / (time.perf_counter() - started), rows


def citizens_per_replicate(scenario) -> int:
    """Citizen agents per replicate: network size × governments (0 in aggregate mode)."""
    if scenario.citizens.mode != "network":
        return 0
    return scenario.citizens.size * len(scenario.governments)


def bench(label: str, path: Path, sinergi: Path, mesa_replicates: int, sinergi_replicates: int, out: Path) -> dict:
    result: dict = {"scenario": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)}
    try:
        run = timed_sinergi(sinergi, path, sinergi_replicates, out)
        runs = [run] + [run_sinergi(sinergi, path, run.manifest["replicates"], out) for _ in range(SINERGI_REPEATS - 1)]
        rates = sorted(r.replicates_per_second for r in runs)
        scenario = scenario_from_yaml(run.resolved)
        result["sinergi"] = {"replicates": run.manifest["replicates"], "runs": len(runs),
                             "wall_seconds": [r.wall_seconds for r in runs],
                             "replicates_per_second": rates[len(rates) // 2]}
        sinergi_final = run.outcomes()
    except SinergiUnavailable as error:
        scenario = load_scenario(path, sinergi)
        result["sinergi"] = {"available": False, "reason": error.args[0].splitlines()[0]}
        sinergi_final = None
    print(f"{label}: timing {mesa_replicates} Mesa replicates…", flush=True)
    mesa_rate, rows = time_mesa(scenario, mesa_replicates)
    result["mesa"] = {"replicates": mesa_replicates, "replicates_per_second": mesa_rate}
    citizens = citizens_per_replicate(scenario)
    if citizens:
        result["citizens_per_replicate"] = citizens
        citizen_months = citizens * scenario.months
        result["mesa"]["citizen_months_per_second"] = mesa_rate * citizen_months
        if sinergi_final is not None:
            result["sinergi"]["citizen_months_per_second"] = result["sinergi"]["replicates_per_second"] * citizen_months
    if sinergi_final is not None:
        result["ratio"] = result["sinergi"]["replicates_per_second"] / mesa_rate
        if len(scenario.governments) == 1 and mesa_replicates > 1:
            # A small side check: the timed replicates' final means against Sinergi's.
            result["side_check"] = {
                outcome: z_score(Estimate.of([row[series] for row in rows]), sinergi_final[outcome])
                for outcome, series in (("final_spbe", "spbe"), ("adoption", "adoption"))
            }
    return result


def fmt_rate(value: float | None) -> str:
    if value is None:
        return "not available"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"


def table_row(label: str, row: dict) -> tuple[str, ...]:
    mesa, sinergi = row["mesa"], row["sinergi"]
    available = sinergi.get("available", True)
    networked = "citizens_per_replicate" in row
    return (
        label,
        fmt_rate(mesa["replicates_per_second"]),
        fmt_rate(sinergi["replicates_per_second"] if available else None),
        f"{row['ratio']:,.0f}×" if "ratio" in row else "—",
        fmt_rate(mesa["citizen_months_per_second"]) if networked else "—",
        (fmt_rate(sinergi["citizen_months_per_second"]) if available else "not available") if networked else "—",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sinergi", type=Path, default=ROOT / ".build" / "release" / "sinergi")
    parser.add_argument("--mesa-classroom", type=int, default=1000, help="Mesa replicates timed on classroom")
    parser.add_argument("--mesa-network", type=int, default=4, help="Mesa replicates timed in network mode")
    parser.add_argument("--sinergi-classroom", type=int, default=10000, help="first Sinergi replicate count tried")
    parser.add_argument("--sinergi-network", type=int, default=20, help="first Sinergi replicate count tried")
    parser.add_argument("--check-mesa", type=int, default=2000, help="Mesa replicates of the distribution check")
    parser.add_argument("--check-sinergi", type=int, default=100000, help="Sinergi replicates of the distribution check")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench-peers")
    args = parser.parse_args()
    pin_to_one_core()

    distribution = check(ROOT / "Scenarios" / "classroom.yaml", args.check_mesa, args.check_sinergi, args.sinergi)
    print()
    with scratch() as tmp:
        classroom = bench("classroom", ROOT / "Scenarios" / "classroom.yaml", args.sinergi,
                          args.mesa_classroom, args.sinergi_classroom, Path(tmp))
        network = bench("network 10k", PEERS / "network-10k.yaml", args.sinergi,
                        args.mesa_network, args.sinergi_network, Path(tmp))

    print()
    print("Replicate throughput, one core each (Sinergi: --threads 1; Mesa: batch_run, one process)")
    columns = ("scenario", "Mesa rep/s", "Sinergi rep/s", "Sinergi ÷ Mesa", "Mesa cit-mo/s", "Sinergi cit-mo/s")
    table = [columns] + [table_row(label, row) for label, row in (("classroom", classroom), ("network 10k", network))]
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    for n, line in enumerate(table):
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for label, row in (("classroom", classroom), ("network 10k", network)):
        if "ratio" in row:
            verdict = "meets" if row["ratio"] >= TARGET_RATIO else "does not meet"
            print(f"{label}: Sinergi is {row['ratio']:,.0f}× Mesa per core, which {verdict} "
                  f"the target of ≥ {TARGET_RATIO:g}×")
        else:
            print(f"{label}: Sinergi not available ({row['sinergi']['reason']})")
        if "side_check" in row:
            side = ", ".join(f"{k} z {v:+.2f}" for k, v in row["side_check"].items())
            print(f"  side check of the {row['mesa']['replicates']} timed Mesa replicates: {side}")
    zs = ", ".join(f"{k} z {v['z']:+.2f}" for k, v in distribution["outcomes"].items())
    print(f"distribution check (classroom): {'PASS' if distribution['passed'] else 'FAIL'} — {zs}")

    report = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "host": {"machine": platform.machine(), "processor": _cpu_model(), "python": platform.python_version()},
        "versions": {"mesa": version("mesa"), "networkx": version("networkx")},
        "target_ratio": TARGET_RATIO,
        "distribution_check": distribution,
        "classroom": classroom,
        "network_10k": network,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(finite(report), indent=2, allow_nan=False) + "\n")
    print(f"Figures: {args.out / 'latest.json'}")
    if not distribution["passed"]:
        raise SystemExit(1)


def finite(value):
    """The report with NaN and infinities as null, so latest.json is strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
