"""Do Sinergi and the Mesa peer give the same distributions on Scenarios/classroom.yaml?

Runs N Mesa replicates and many Sinergi replicates of the same resolved scenario and compares
the means of the final SPBE index, adoption, mean trust and mean commitment:
|mean_mesa − mean_sinergi| ≤ 3·sqrt(se_mesa² + se_sinergi²) for each, else exit 1. It also
prints, per monthly series, the largest |z| over the months (month-by-month means of
timeseries.csv against the Mesa DataCollector), which is where to look when a final mean
disagrees. The two use different random numbers: agreement is distributional.

    python Benchmarks/peers/check_classroom.py [--mesa-replicates 2000] [--sinergi-replicates 100000]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

from sinergi_runs import ROOT, Estimate, pin_to_one_core, run_sinergi, scratch, z_score

from sinergi_mesa import SERIES, run_replicates, scenario_from_yaml

# Outcome of replicates.csv → the Mesa series whose final month is that outcome.
OUTCOMES = {
    "final_spbe": "spbe",
    "adoption": "adoption",
    "mean_trust": "mean_trust",
    "mean_commitment": "mean_commitment",
}
TOLERANCE = 3.0
RARE = 30


def informative(values: list[float]) -> bool:
    """Whether at least RARE values differ from the most common one, so the mean is near
    normal. Early adoption is 0 in all but a handful of replicates, and its z is meaningless."""
    _, count = Counter(values).most_common(1)[0]
    return len(values) - count >= RARE


def check(scenario: Path, mesa_replicates: int, sinergi_replicates: int, sinergi: Path,
          seed: int = 1, show_series: bool = False) -> dict:
    """Runs both and returns the comparison as a dict (`passed` says whether all agree)."""
    with scratch() as out:
        run = run_sinergi(sinergi, scenario, sinergi_replicates, Path(out), seed=seed)
        model = scenario_from_yaml(run.resolved)
        if len(model.governments) != 1:
            raise SystemExit("the check compares one government; this scenario has several")
        government = model.governments[0].name
        sinergi_outcomes = run.outcomes(government)
        sinergi_series = run.series(government)

    started = time.perf_counter()
    rows = run_replicates(model, mesa_replicates, seed=seed, every_month=True)
    mesa_seconds = time.perf_counter() - started
    by_month: dict[int, list[dict]] = {}
    for row in rows:
        by_month.setdefault(row["Step"] + 1, []).append(row)
    final = by_month[model.months]

    print(f"Distribution check on {scenario.name}: Mesa {mesa_replicates} replicates "
          f"({mesa_seconds:.1f} s), Sinergi {sinergi_replicates} replicates")
    print(f"  {'outcome':<16} {'Mesa mean':>12} {'± se':>10} {'Sinergi mean':>13} {'± se':>10} {'z':>7}")
    outcomes = {}
    passed = True
    for outcome, series in OUTCOMES.items():
        mesa = Estimate.of([row[series] for row in final])
        ours = sinergi_outcomes[outcome]
        z = z_score(mesa, ours)
        ok = abs(z) <= TOLERANCE
        passed &= ok
        outcomes[outcome] = {"mesa_mean": mesa.mean, "mesa_se": mesa.se, "sinergi_mean": ours.mean,
                             "sinergi_se": ours.se, "z": z, "agree": ok}
        print(f"  {outcome:<16} {mesa.mean:>12.6f} {mesa.se:>10.6f} {ours.mean:>13.6f} {ours.se:>10.6f} "
              f"{z:>+7.2f}{'' if ok else '  DISAGREE'}")

    print(f"  monthly series, largest |z| over months 0…{model.months} (months are strongly correlated; months where")
    print(f"  fewer than {RARE} Mesa replicates leave the most common value are skipped, e.g. adoption before")
    print("  launches: a rare event's mean is not near-normal there)")
    worst = {}
    for metric in SERIES:
        zs = []
        for month in range(model.months + 1):
            if month == 0:
                values = [row["initial_spbe"] for row in final] if metric == "spbe" else None
            else:
                values = [row[metric] for row in by_month[month]]
            if values is None or not informative(values):
                continue
            zs.append((month, z_score(Estimate.of(values), sinergi_series[(month, metric)])))
        if not zs:
            print(f"    {metric:<16} no month varies enough to test (deterministic here, or a rare event)")
            continue
        month, z = max(zs, key=lambda item: abs(item[1]))
        worst[metric] = {"month": month, "z": z}
        print(f"    {metric:<16} max |z| {abs(z):5.2f} at month {month}")
        if show_series:
            print("      " + " ".join(f"{z:+.1f}" for _, z in zs))
    print(f"  {'PASS' if passed else 'FAIL'}: every final mean within {TOLERANCE:g} standard errors"
          if passed else f"  FAIL: a final mean is more than {TOLERANCE:g} standard errors apart")
    shown = scenario.resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    return {"scenario": str(shown), "mesa_replicates": mesa_replicates,
            "sinergi_replicates": sinergi_replicates, "seed": seed, "tolerance_z": TOLERANCE,
            "outcomes": outcomes, "series_max_abs_z": worst, "passed": passed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", type=Path, default=ROOT / "Scenarios" / "classroom.yaml")
    parser.add_argument("--mesa-replicates", type=int, default=2000)
    parser.add_argument("--sinergi-replicates", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sinergi", type=Path, default=ROOT / ".build" / "release" / "sinergi")
    parser.add_argument("--series", action="store_true", help="print every month's z per series")
    args = parser.parse_args()
    pin_to_one_core()
    result = check(args.scenario, args.mesa_replicates, args.sinergi_replicates, args.sinergi,
                   seed=args.seed, show_series=args.series)
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
