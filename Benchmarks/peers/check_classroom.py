"""Do Sinergi and its peers (Mesa, NumPy) give the same distributions?

Runs many Sinergi replicates of a scenario and, on the very scenario Sinergi resolved, N
replicates of each peer, and compares, government by government, the means of the final
SPBE index, adoption, mean trust and mean commitment:
|mean_peer − mean_sinergi| ≤ z*·sqrt(se_peer² + se_sinergi²) for each, else exit 1. z* is 3
for one government and grows with the number of governments G (Bonferroni: a two-sided
tail of 0.0027/G per comparison), so a correct peer fails by chance about as often on
Jambi's twelve governments as on classroom's one. It also prints, per monthly series, the
largest |z| over months and governments (month-by-month means of timeseries.csv against
the peer's), which is where to look when a final mean disagrees. The peers use their own
random numbers: agreement is distributional.

    python Benchmarks/peers/check_classroom.py [--scenario Scenarios/classroom.yaml]
        [--peers mesa,numpy] [--mesa-replicates 2000] [--numpy-replicates 50000]
        [--sinergi-replicates 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist

from sinergi_runs import ROOT, Estimate, pin_to_one_core, run_sinergi, scratch, z_score  # first: sets one BLAS thread

import numpy as np  # noqa: E402

# Outcome of replicates.csv → the series whose final month is that outcome.
OUTCOMES = {
    "final_spbe": "spbe",
    "adoption": "adoption",
    "mean_trust": "mean_trust",
    "mean_commitment": "mean_commitment",
}
SERIES = ("mean_maturity", "spbe", "mean_trust", "mean_commitment", "mean_effort",
          "understanding", "adoption", "internet_access")
FAMILY_TAIL = 0.0027     # two-sided tail of |z| > 3, shared among the governments
RARE = 30
PEERS = {"mesa": "Mesa", "numpy": "NumPy"}


def tolerance(governments: int) -> float:
    """z* for `governments` governments: 3.0 for one, 3.69 for twelve."""
    return NormalDist().inv_cdf(1 - FAMILY_TAIL / (2 * governments))


def informative(values: np.ndarray) -> bool:
    """Whether at least RARE values differ from the most common one, so the mean is near
    normal. Early adoption is 0 in all but a handful of replicates, and its z is meaningless."""
    _, counts = np.unique(values, return_counts=True)
    return len(values) - counts.max() >= RARE


@dataclass
class PeerSample:
    """A peer's replicates: series[metric] is (months + 1, R, G); month 0 holds the initial
    SPBE index in `spbe` and NaN elsewhere (the peers record from the end of month 1)."""

    name: str
    replicates: int
    seconds: float
    series: dict[str, np.ndarray]


def run_mesa(model, replicates: int, seed: int) -> PeerSample:
    from sinergi_mesa import run_replicates
    started = time.perf_counter()
    rows = run_replicates(model, replicates, seed=seed, every_month=True)
    seconds = time.perf_counter() - started
    names = [g.name for g in model.governments]
    single = len(names) == 1
    column = (lambda metric, g: metric) if single else (lambda metric, g: f"{metric}[{names[g]}]")
    series = {m: np.full((model.months + 1, replicates, len(names)), np.nan) for m in SERIES}
    by_month: dict[int, list[dict]] = {}
    for row in rows:
        by_month.setdefault(row["Step"] + 1, []).append(row)
    for month, month_rows in by_month.items():
        for metric in SERIES:
            series[metric][month] = [[row[column(metric, g)] for g in range(len(names))] for row in month_rows]
    series["spbe"][0] = [[row[column("initial_spbe", g)] for g in range(len(names))] for row in by_month[model.months]]
    return PeerSample("Mesa", replicates, seconds, series)


def run_numpy(resolved: str, replicates: int, seed: int) -> PeerSample:
    from sinergi_numpy import run_replicates, scenario_from_yaml
    model = scenario_from_yaml(resolved)
    started = time.perf_counter()
    result = run_replicates(model, replicates, seed=seed)
    seconds = time.perf_counter() - started
    series = {}
    for metric in SERIES:
        first = result["initial_spbe"][None] if metric == "spbe" else np.full((1,) + result[metric].shape[1:], np.nan)
        series[metric] = np.concatenate([first, result[metric]])
    return PeerSample("NumPy", replicates, seconds, series)


def compare(peer: PeerSample, governments: list[str], months: int, sinergi_outcomes: dict,
            sinergi_series: dict, z_star: float, show_series: bool) -> dict:
    """The peer against Sinergi: final means per government and outcome, then the monthly series."""
    single = len(governments) == 1
    print(f"  {peer.name}: {peer.replicates} replicates ({peer.seconds:.1f} s)")
    outcomes: dict = {}
    passed = True
    if single:
        print(f"    {'outcome':<16} {peer.name + ' mean':>12} {'± se':>10} {'Sinergi mean':>13} {'± se':>10} {'z':>7}")
    for outcome, metric in OUTCOMES.items():
        per_government = {}
        for g, government in enumerate(governments):
            ours = Estimate.of(peer.series[metric][months, :, g])
            theirs = sinergi_outcomes[government][outcome]
            z = z_score(ours, theirs)
            ok = abs(z) <= z_star
            passed &= ok
            per_government[government] = {"peer_mean": ours.mean, "peer_se": ours.se,
                                          "sinergi_mean": theirs.mean, "sinergi_se": theirs.se,
                                          "z": z, "agree": ok}
            if single:
                print(f"    {outcome:<16} {ours.mean:>12.6f} {ours.se:>10.6f} {theirs.mean:>13.6f} "
                      f"{theirs.se:>10.6f} {z:>+7.2f}{'' if ok else '  DISAGREE'}")
        if not single:
            worst = max(per_government, key=lambda name: abs(per_government[name]["z"]))
            bad = [name for name, v in per_government.items() if not v["agree"]]
            print(f"    {outcome:<16} largest |z| {abs(per_government[worst]['z']):4.2f} ({worst})"
                  + (f"  DISAGREE: {', '.join(bad)}" if bad else ""))
        outcomes[outcome] = per_government[governments[0]] if single else per_government

    worst_series = {}
    for metric in SERIES:
        zs = []
        for g, government in enumerate(governments):
            for month in range(months + 1):
                values = peer.series[metric][month, :, g]
                if np.isnan(values).any() or not informative(values):
                    continue
                zs.append((month, government, z_score(Estimate.of(values), sinergi_series[government][(month, metric)])))
        if not zs:
            print(f"      {metric:<16} no month varies enough to test (deterministic here, or a rare event)")
            continue
        month, government, z = max(zs, key=lambda item: abs(item[2]))
        worst_series[metric] = {"month": month, "z": z} | ({} if single else {"government": government})
        where = f"month {month}" if single else f"month {month}, {government}"
        print(f"      {metric:<16} max |z| {abs(z):5.2f} at {where}")
        if show_series:
            print("        " + " ".join(f"{z:+.1f}" for _, _, z in zs))
    print(f"    {'PASS' if passed else 'FAIL'}: every final mean "
          f"{'within' if passed else 'NOT within'} {z_star:.2f} standard errors")
    return {"replicates": peer.replicates, "seconds": peer.seconds, "outcomes": outcomes,
            "series_max_abs_z": worst_series, "passed": passed}


def check(scenario: Path, sinergi_replicates: int, sinergi: Path, mesa_replicates: int = 0,
          numpy_replicates: int = 0, seed: int = 1, show_series: bool = False) -> dict:
    """Runs Sinergi and each peer with replicates > 0; returns the comparison as a dict
    (`passed` says whether every peer agrees)."""
    with scratch() as out:
        run = run_sinergi(sinergi, scenario, sinergi_replicates, Path(out), seed=seed)
        resolved = run.resolved
        sinergi_outcomes = run.outcomes_by_government()
        governments = list(sinergi_outcomes)
        sinergi_series = {g: run.series(g) for g in governments}
    from sinergi_numpy import scenario_from_yaml
    months = scenario_from_yaml(resolved).months
    z_star = tolerance(len(governments))
    print(f"Distribution check on {scenario.name} ({len(governments)} government"
          f"{'s' if len(governments) > 1 else ''}): Sinergi {sinergi_replicates} replicates; "
          f"tolerance |z| ≤ {z_star:.2f}")
    print(f"  monthly series, largest |z| over months 0…{months} (months are strongly correlated; months where")
    print(f"  fewer than {RARE} peer replicates leave the most common value are skipped, e.g. adoption before")
    print("  launches: a rare event's mean is not near-normal there)")
    peers = {}
    if mesa_replicates > 0:
        from sinergi_mesa import scenario_from_yaml as mesa_scenario
        sample = run_mesa(mesa_scenario(resolved), mesa_replicates, seed)
        peers["mesa"] = compare(sample, governments, months, sinergi_outcomes, sinergi_series, z_star, show_series)
    if numpy_replicates > 0:
        sample = run_numpy(resolved, numpy_replicates, seed)
        peers["numpy"] = compare(sample, governments, months, sinergi_outcomes, sinergi_series, z_star, show_series)
    passed = all(p["passed"] for p in peers.values())
    shown = scenario.resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    return {"scenario": str(shown), "governments": len(governments), "sinergi_replicates": sinergi_replicates,
            "seed": seed, "tolerance_z": z_star, "peers": peers, "passed": passed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", type=Path, default=ROOT / "Scenarios" / "classroom.yaml")
    parser.add_argument("--peers", default="mesa,numpy", help="comma-separated: mesa, numpy")
    parser.add_argument("--mesa-replicates", type=int, default=2000)
    parser.add_argument("--numpy-replicates", type=int, default=50000)
    parser.add_argument("--sinergi-replicates", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sinergi", type=Path, default=ROOT / ".build" / "release" / "sinergi")
    parser.add_argument("--series", action="store_true", help="print every month's z per series")
    args = parser.parse_args()
    peers = {p.strip() for p in args.peers.split(",") if p.strip()}
    if not peers <= set(PEERS):
        parser.error(f"--peers takes {', '.join(PEERS)}, got {args.peers!r}")
    pin_to_one_core()
    result = check(args.scenario, args.sinergi_replicates, args.sinergi,
                   mesa_replicates=args.mesa_replicates if "mesa" in peers else 0,
                   numpy_replicates=args.numpy_replicates if "numpy" in peers else 0,
                   seed=args.seed, show_series=args.series)
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
