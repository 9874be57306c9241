#!/usr/bin/env python3
"""Parameter recovery of `sinergi calibrate` on Scenarios/classroom.yaml (not run in CI).

For each of N data sets: draw true factor values from the prior, simulate observations with
`sinergi run --set ...` at those values, write a targets file holding them, calibrate with
`sinergi calibrate`, and check whether each factor's 90% credible interval (weighted 5% and
95% quantiles of posterior.csv) covers the truth. Prints one line per data set and the
coverage of each factor with its binomial standard error. An ABC posterior at a finite
tolerance is wider than the exact one, so coverage at or above 90% is expected; far below
90% means the calibration is over-confident or biased.

    python3 Benchmarks/calibration/recovery.py --sinergi .build/release/sinergi --datasets 20

Only the Python standard library is used.
"""

import argparse
import csv
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIO = os.path.join(ROOT, "Scenarios", "classroom.yaml")

# Factor path -> (low, high) of its uniform prior.
FACTORS = {
    "parameters.maturity.growth": (0.05, 0.6),
    "parameters.trust.build": (0.02, 0.2),
}
# Observations: (name, outcome, timeseries metric, month, sd). The sds are assumptions: about
# the spread of the statistic between replicates of the classroom's one city.
OBSERVATIONS = [
    ("index at 12", "spbe", "spbe", 12, 0.1),
    ("index at 24", "spbe", "spbe", 24, 0.1),
    ("index at 36", "spbe", "spbe", 36, 0.1),
    ("trust at 12", "mean_trust", "mean_trust", 12, 0.05),
    ("trust at 36", "mean_trust", "mean_trust", 36, 0.05),
]


def run(arguments):
    result = subprocess.run(arguments, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(arguments), result.stderr))
    return result.stdout


def simulate(sinergi, truth, seed, replicates, folder):
    """The observed values: the mean of each series at its month over `replicates` (the
    classroom has one government, so its rows are the region's; timeseries.csv has a Region
    row only for several governments)."""
    out = os.path.join(folder, "truth")
    arguments = [sinergi, "run", SCENARIO, "-r", str(replicates), "-s", str(seed), "-q", "-o", out]
    for path, value in truth.items():
        arguments += ["--set", "%s=%r" % (path, value)]
    run(arguments)
    latest = os.path.realpath(os.path.join(out, "classroom", "latest"))
    values = {}
    with open(os.path.join(latest, "timeseries.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["government"] == "Kota Contoh":
                values[(row["metric"], int(row["month"]))] = float(row["mean"])
    shutil.rmtree(out)
    try:
        return [values[(metric, month)] for _, _, metric, month, _ in OBSERVATIONS]
    except KeyError as missing:
        sys.exit("timeseries.csv has no row for %s; metrics: %s" % (missing, sorted({m for m, _ in values})))


def targets_file(observed, folder):
    path = os.path.join(folder, "targets.yaml")
    with open(path, "w") as f:
        f.write("# Simulated by Benchmarks/calibration/recovery.py\ntargets: 1\nscenario: %s\nobservations:\n" % SCENARIO)
        for (name, outcome, _, month, sd), value in zip(OBSERVATIONS, observed):
            f.write(
                "  - {name: %s, outcome: %s, statistic: mean, scope: region, month: %d, value: %r, sd: %r, "
                "source: simulated}\n" % (name, outcome, month, value, sd)
            )
    return path


def weighted_quantile(values, weights, p):
    """Weighted quantile: linear interpolation between the midpoints of the cumulative weights."""
    pairs = sorted(zip(values, weights))
    total = sum(w for _, w in pairs)
    cumulative = 0.0
    points = []
    for v, w in pairs:
        points.append(((cumulative + w / 2) / total, v))
        cumulative += w
    if p <= points[0][0]:
        return points[0][1]
    for (p0, v0), (p1, v1) in zip(points, points[1:]):
        if p <= p1:
            return v0 + (v1 - v0) * (p - p0) / (p1 - p0)
    return points[-1][1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sinergi", default=os.path.join(ROOT, ".build", "release", "sinergi"))
    parser.add_argument("--datasets", type=int, default=20)
    parser.add_argument("--particles", type=int, default=40)
    parser.add_argument("--max-generations", type=int, default=4)
    parser.add_argument("--replicates", type=int, default=2, help="replicates per particle and per data set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="keep the calibration folders in this folder")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    covered = {path: 0 for path in FACTORS}
    widths = {path: [] for path in FACTORS}
    scratch = tempfile.mkdtemp(prefix="sinergi-recovery-")
    try:
        for d in range(args.datasets):
            truth = {path: rng.uniform(low, high) for path, (low, high) in FACTORS.items()}
            folder = os.path.join(scratch, "data-%02d" % d)
            os.makedirs(folder)
            observed = simulate(args.sinergi, truth, 1000 + d, args.replicates, folder)
            targets = targets_file(observed, folder)
            into = os.path.join(args.keep or scratch, "calibration-%02d" % d)
            if args.keep and os.path.exists(into):
                shutil.rmtree(into)
            arguments = [args.sinergi, "calibrate", targets, "--particles", str(args.particles),
                         "--max-generations", str(args.max_generations), "--replicates", str(args.replicates),
                         "--seed", str(2000 + d), "--quiet", "--into", into]
            for path, (low, high) in FACTORS.items():
                arguments += ["--factor", "%s=%r:%r" % (path, low, high)]
            run(arguments)
            with open(os.path.join(into, "posterior.csv"), newline="") as f:
                rows = list(csv.DictReader(f))
            weights = [float(r["weight"]) for r in rows]
            line = []
            for path in FACTORS:
                values = [float(r[path]) for r in rows]
                low, high = weighted_quantile(values, weights, 0.05), weighted_quantile(values, weights, 0.95)
                inside = low <= truth[path] <= high
                covered[path] += inside
                widths[path].append((high - low) / (FACTORS[path][1] - FACTORS[path][0]))
                line.append("%s %.3f in [%.3f, %.3f] %s" % (path, truth[path], low, high, "yes" if inside else "NO"))
            print("data set %2d: %s" % (d, "; ".join(line)), flush=True)
    finally:
        shutil.rmtree(scratch)
    n = args.datasets
    for path, k in covered.items():
        share = k / n
        print("coverage of the 90%% interval, %s: %d of %d = %.2f (binomial se at 0.9: %.2f); "
              "mean width %.2f of the prior range"
              % (path, k, n, share, math.sqrt(0.9 * 0.1 / n), sum(widths[path]) / n))


if __name__ == "__main__":
    main()
