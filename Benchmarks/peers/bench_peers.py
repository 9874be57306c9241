"""Sinergi against the same model written in Mesa and in NumPy: throughput on one core each.

1. The distribution checks of check_classroom.py (same model, same distributions), for both
   peers, on Scenarios/classroom.yaml and Scenarios/jambi-province-2018.yaml.
2. Scenarios/classroom.yaml and Scenarios/jambi-province-2018.yaml: replicate-months per
   second of `sinergi run --threads 1` (its manifest's replicatesPerSecond: the whole run,
   statistics and files included), of the NumPy peer's engine alone (`run_replicates` in
   this process: no import, no files) and of Mesa (K replicates with mesa.batch_run in this
   process), and the ratios Sinergi ÷ NumPy and Sinergi ÷ Mesa.
3. Benchmarks/peers/network-10k.yaml (classroom with 10,000 networked citizens): the same,
   plus citizen-months per second.

Everything runs pinned to the same single CPU, with one BLAS thread. Prints a table and
writes the figures to results/bench-peers/latest.json.

    python Benchmarks/peers/bench_peers.py [--mesa-classroom 1000] [--numpy-classroom 20000] ...
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import time
from importlib.metadata import version
from pathlib import Path

from sinergi_runs import (PEERS, ROOT, Estimate, SinergiUnavailable, pin_to_one_core, run_sinergi,
                          scratch, timed_sinergi, z_score)  # first: sets one BLAS thread

import numpy as np  # noqa: E402
from check_classroom import check  # noqa: E402

TARGET_RATIO = 240.0      # Sinergi's whole run ÷ Mesa, per core (issue: per-core speed)
TARGET_NUMPY_RATIO = 2.0  # Sinergi's whole run ÷ the NumPy peer's engine alone
SINERGI_REPEATS = 3     # Sinergi's figure is the median of this many runs
NUMPY_REPEATS = 3       # and the NumPy peer's


def time_mesa(scenario, replicates: int) -> tuple[float, list[dict]]:
    """Replicates per second of `replicates` Mesa replicates in this process, after one
    untimed warm-up replicate."""
    from sinergi_mesa import run_replicates
    run_replicates(scenario, 1, seed=999)
    started = time.perf_counter()
    rows = run_replicates(scenario, replicates, seed=2)   # not the check's replicates
    return replicates / (time.perf_counter() - started), rows


def time_numpy(resolved: str, replicates: int) -> tuple[list[float], dict]:
    """Replicates per second of the NumPy peer's engine: `run_replicates` on an already
    parsed scenario, after one untimed warm-up batch; one rate per repeat. Also returns
    the final month of every series, the replicates of all repeats together."""
    from sinergi_numpy import SERIES, run_replicates, scenario_from_yaml
    scenario = scenario_from_yaml(resolved)
    run_replicates(scenario, 64, seed=999)
    rates, finals = [], []
    for repeat in range(NUMPY_REPEATS):
        started = time.perf_counter()
        result = run_replicates(scenario, replicates, seed=2 + repeat)
        rates.append(replicates / (time.perf_counter() - started))
        finals.append({name: result[name][-1] for name in SERIES})
    return rates, {name: np.concatenate([f[name] for f in finals]) for name in SERIES}


def citizens_per_replicate(scenario) -> int:
    """Citizen agents per replicate: network size × governments (0 in aggregate mode)."""
    if scenario.citizens.mode != "network":
        return 0
    return scenario.citizens.size * len(scenario.governments)


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def bench(label: str, path: Path, sinergi: Path, mesa_replicates: int, numpy_replicates: int,
          sinergi_replicates: int, out: Path) -> dict:
    from sinergi_mesa import load_scenario, scenario_from_yaml
    result: dict = {"scenario": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)}
    resolved = None
    try:
        run = timed_sinergi(sinergi, path, sinergi_replicates, out)
        runs = [run] + [run_sinergi(sinergi, path, run.manifest["replicates"], out) for _ in range(SINERGI_REPEATS - 1)]
        resolved = run.resolved
        scenario = scenario_from_yaml(resolved)
        result["months"] = scenario.months
        rate = median([r.replicates_per_second for r in runs])
        result["sinergi"] = {"replicates": run.manifest["replicates"], "runs": len(runs),
                             "wall_seconds": [r.wall_seconds for r in runs],
                             "replicates_per_second": rate,
                             "replicate_months_per_second": rate * scenario.months}
        sinergi_final = run.outcomes_by_government()
    except SinergiUnavailable as error:
        scenario = load_scenario(path, sinergi)
        result["months"] = scenario.months
        result["sinergi"] = {"available": False, "reason": error.args[0].splitlines()[0]}
        sinergi_final = None
    single = len(scenario.governments) == 1
    first = scenario.governments[0].name

    if numpy_replicates > 0 and resolved is not None:
        print(f"{label}: timing {numpy_replicates} NumPy replicates ×{NUMPY_REPEATS}…", flush=True)
        rates, numpy_final = time_numpy(resolved, numpy_replicates)
        rate = median(rates)
        result["numpy"] = {"replicates": numpy_replicates, "runs": len(rates), "rates": rates,
                           "replicates_per_second": rate,
                           "replicate_months_per_second": rate * scenario.months}
        if sinergi_final is not None:
            result["ratio_numpy"] = result["sinergi"]["replicates_per_second"] / rate
            result["numpy"]["side_check"] = {
                outcome: z_score(Estimate.of(numpy_final[series][:, 0]), sinergi_final[first][outcome])
                for outcome, series in (("final_spbe", "spbe"), ("adoption", "adoption"))}
    else:
        result["numpy"] = {"available": False, "reason": "not timed"}

    if mesa_replicates > 0:
        print(f"{label}: timing {mesa_replicates} Mesa replicates…", flush=True)
        mesa_rate, rows = time_mesa(scenario, mesa_replicates)
        result["mesa"] = {"replicates": mesa_replicates, "replicates_per_second": mesa_rate,
                          "replicate_months_per_second": mesa_rate * scenario.months}
        if sinergi_final is not None:
            result["ratio"] = result["sinergi"]["replicates_per_second"] / mesa_rate
            if mesa_replicates > 1:
                # A small side check: the timed replicates' final means against Sinergi's.
                key = (lambda s: s) if single else (lambda s: f"{s}[{first}]")
                result["mesa"]["side_check"] = {
                    outcome: z_score(Estimate.of([row[key(series)] for row in rows]), sinergi_final[first][outcome])
                    for outcome, series in (("final_spbe", "spbe"), ("adoption", "adoption"))}
    else:
        result["mesa"] = {"available": False, "reason": "not timed"}

    citizens = citizens_per_replicate(scenario)
    if citizens:
        result["citizens_per_replicate"] = citizens
        for side in ("sinergi", "numpy", "mesa"):
            if result[side].get("available", True):
                result[side]["citizen_months_per_second"] = result[side]["replicates_per_second"] * citizens * scenario.months
    return result


def fmt_rate(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"


def rate_of(side: dict, key: str) -> float | None:
    return side.get(key) if side.get("available", True) else None


def table_row(label: str, row: dict, key: str) -> tuple[str, ...]:
    return (
        label,
        fmt_rate(rate_of(row["sinergi"], key)),
        fmt_rate(rate_of(row["numpy"], key)),
        fmt_rate(rate_of(row["mesa"], key)),
        f"{row['ratio_numpy']:,.1f}×" if "ratio_numpy" in row else "—",
        f"{row['ratio']:,.0f}×" if "ratio" in row else "—",
    )


def print_table(columns: tuple[str, ...], lines: list[tuple[str, ...]]) -> None:
    table = [columns] + lines
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    for n, line in enumerate(table):
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sinergi", type=Path, default=ROOT / ".build" / "release" / "sinergi")
    parser.add_argument("--mesa-classroom", type=int, default=1000, help="Mesa replicates timed on classroom")
    parser.add_argument("--mesa-jambi", type=int, default=50, help="Mesa replicates timed on Jambi")
    parser.add_argument("--mesa-network", type=int, default=4, help="Mesa replicates timed in network mode")
    parser.add_argument("--numpy-classroom", type=int, default=20000, help="NumPy replicates timed on classroom")
    parser.add_argument("--numpy-jambi", type=int, default=2000, help="NumPy replicates timed on Jambi")
    parser.add_argument("--numpy-network", type=int, default=20, help="NumPy replicates timed in network mode")
    parser.add_argument("--sinergi-classroom", type=int, default=10000, help="first Sinergi replicate count tried")
    parser.add_argument("--sinergi-jambi", type=int, default=1000, help="first Sinergi replicate count tried")
    parser.add_argument("--sinergi-network", type=int, default=20, help="first Sinergi replicate count tried")
    parser.add_argument("--check-mesa", type=int, default=2000, help="Mesa replicates of the classroom check")
    parser.add_argument("--check-numpy", type=int, default=50000, help="NumPy replicates of the classroom check")
    parser.add_argument("--check-sinergi", type=int, default=100000, help="Sinergi replicates of the classroom check")
    parser.add_argument("--check-jambi-mesa", type=int, default=200, help="Mesa replicates of the Jambi check")
    parser.add_argument("--check-jambi-numpy", type=int, default=5000, help="NumPy replicates of the Jambi check")
    parser.add_argument("--check-jambi-sinergi", type=int, default=20000, help="Sinergi replicates of the Jambi check")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "bench-peers")
    args = parser.parse_args()
    pin_to_one_core()

    classroom_path = ROOT / "Scenarios" / "classroom.yaml"
    jambi_path = ROOT / "Scenarios" / "jambi-province-2018.yaml"
    checks = {
        "classroom": check(classroom_path, args.check_sinergi, args.sinergi,
                           mesa_replicates=args.check_mesa, numpy_replicates=args.check_numpy),
        "jambi": check(jambi_path, args.check_jambi_sinergi, args.sinergi,
                       mesa_replicates=args.check_jambi_mesa, numpy_replicates=args.check_jambi_numpy),
    }
    print()
    with scratch() as tmp:
        rows = {
            "classroom": bench("classroom", classroom_path, args.sinergi, args.mesa_classroom,
                               args.numpy_classroom, args.sinergi_classroom, Path(tmp)),
            "jambi": bench("jambi", jambi_path, args.sinergi, args.mesa_jambi, args.numpy_jambi,
                           args.sinergi_jambi, Path(tmp)),
            "network 10k": bench("network 10k", PEERS / "network-10k.yaml", args.sinergi,
                                 args.mesa_network, args.numpy_network, args.sinergi_network, Path(tmp)),
        }

    print()
    print("Throughput, one core each (Sinergi: whole `sinergi run --threads 1`; NumPy: the engine alone;")
    print("Mesa: batch_run, one process), in replicate-months per second")
    columns = ("scenario", "Sinergi", "NumPy", "Mesa", "Sinergi ÷ NumPy", "Sinergi ÷ Mesa")
    print_table(columns, [table_row(label, row, "replicate_months_per_second") for label, row in rows.items()])
    print()
    print("The same in replicates per second")
    print_table(columns[:4], [table_row(label, row, "replicates_per_second")[:4] for label, row in rows.items()])
    network = rows["network 10k"]
    if "citizens_per_replicate" in network:
        print(f"network 10k, citizen-months per second: Sinergi {fmt_rate(rate_of(network['sinergi'], 'citizen_months_per_second'))}, "
              f"NumPy {fmt_rate(rate_of(network['numpy'], 'citizen_months_per_second'))}, "
              f"Mesa {fmt_rate(rate_of(network['mesa'], 'citizen_months_per_second'))}")
    print()
    for label, row in rows.items():
        if "ratio" in row:
            verdict = "meets" if row["ratio"] >= TARGET_RATIO else "does not meet"
            line = (f"{label}: Sinergi is {row['ratio']:,.0f}× Mesa per core, which {verdict} "
                    f"the target of ≥ {TARGET_RATIO:g}×")
            if "ratio_numpy" in row:
                numpy_verdict = "meets" if row["ratio_numpy"] >= TARGET_NUMPY_RATIO else "does not meet"
                line += (f"; {row['ratio_numpy']:,.2f}× the NumPy peer's engine, which {numpy_verdict} "
                         f"the target of ≥ {TARGET_NUMPY_RATIO:g}×")
            print(line)
        elif not row["sinergi"].get("available", True):
            print(f"{label}: Sinergi not available ({row['sinergi']['reason']})")
        for side in ("numpy", "mesa"):
            if "side_check" in row[side]:
                side_check = ", ".join(f"{k} z {v:+.2f}" for k, v in row[side]["side_check"].items())
                timed = row[side]["replicates"] * row[side].get("runs", 1)
                print(f"  side check of the {timed} timed {side} replicates "
                      f"(first government): {side_check}")
    for label, result in checks.items():
        for peer, outcome in result["peers"].items():
            print(f"distribution check ({label}, {peer}): {'PASS' if outcome['passed'] else 'FAIL'}")

    report = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "host": {"machine": platform.machine(), "processor": _cpu_model(), "python": platform.python_version(),
                 "load_average": list(_load_average())},
        "versions": {"mesa": version("mesa"), "networkx": version("networkx"), "numpy": version("numpy")},
        "target_ratio": TARGET_RATIO,
        "target_ratio_numpy": TARGET_NUMPY_RATIO,
        "distribution_checks": checks,
        "classroom": rows["classroom"],
        "jambi": rows["jambi"],
        "network_10k": rows["network 10k"],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(finite(report), indent=2, allow_nan=False) + "\n")
    print(f"Figures: {args.out / 'latest.json'}")
    if not all(result["passed"] for result in checks.values()):
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


def _load_average() -> tuple[float, ...]:
    try:
        return os.getloadavg()
    except (AttributeError, OSError):
        return ()


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
