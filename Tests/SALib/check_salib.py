"""Checks Sinergi's Sobol' and Morris estimators against SALib on identical inputs.

Usage: python check_salib.py FOLDER
       python check_salib.py --command SENSITIVITY_FOLDER

FOLDER is written by SALibCrossCheckTests (Tests/SinergiStatsTests): the sample matrices
Sinergi drew, the model outputs at them, the bootstrap resamples Sinergi drew and
Sinergi's estimates. This script
  1. rebuilds the Saltelli sample with SALib's `sobol.sample` from Sinergi's base points
     (its Sobol' generator replaced by those points) and requires the same matrix: the
     same row order;
  2. runs SALib's `sobol.analyze` and `morris.analyze` on Sinergi's matrices and outputs,
     with SALib's resampling replaced by Sinergi's resamples, and requires S1, ST, S2, mu,
     mu_star and sigma, and the `conf` half-widths (z(0.975) times the bootstrap standard
     deviation), to agree within 1e-9 (relative to the larger magnitude, or absolute
     below 1).

With --command, SENSITIVITY_FOLDER is what `sinergi sensitivity --function NAME` wrote with
the noise correction off: SALib's `sobol.analyze` or `morris.analyze` gets the sample matrix
the command used (design.csv) and its outputs (points.csv's per-point means), and its S1,
ST, S2 or mu, mu_star, sigma must equal the estimates in indices.csv within 1e-9.

Prints one line per check and exits with status 1 when any disagrees.
"""

import csv
import json
import sys
from importlib.metadata import version
from pathlib import Path
from unittest import mock

import numpy as np
from scipy.stats import norm

from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

TOLERANCE = 1e-9


def matrix(path):
    return np.loadtxt(path, delimiter=",", ndmin=2)


def sinergi_estimates(path):
    """{(index, factor): (estimate, standard_error)} from Sinergi's CSV."""
    with open(path, newline="") as handle:
        return {
            (row["index"], row["factor"]): (float(row["estimate"]), float(row["standard_error"]))
            for row in csv.DictReader(handle)
        }


class Checker:
    def __init__(self):
        self.failures = []

    def close(self, label, sinergi, salib):
        sinergi, salib = np.asarray(sinergi, dtype=float), np.asarray(salib, dtype=float)
        scale = np.maximum(1.0, np.maximum(np.abs(sinergi), np.abs(salib)))
        worst = float(np.max(np.abs(sinergi - salib) / scale)) if sinergi.size else 0.0
        ok = sinergi.shape == salib.shape and worst <= TOLERANCE
        print(f"{'ok  ' if ok else 'FAIL'} {label}: largest relative difference {worst:.3g} over {sinergi.size} values")
        if not ok:
            self.failures.append(label)


def check_sobol(folder, checker):
    spec = json.loads((folder / "sobol.json").read_text())
    k, n, second, resamples = spec["factors"], spec["base_rows"], spec["second_order"], spec["resamples"]
    problem = {"num_vars": k, "names": [f"x{i}" for i in range(k)], "bounds": [[0.0, 1.0]] * k}
    base = matrix(folder / "sobol_base.csv")
    x = matrix(folder / "sobol_X.csv")
    y = matrix(folder / "sobol_Y.csv")[:, 0]
    units = matrix(folder / "sobol_resamples.csv").astype(int)  # N rows x B columns, as SALib draws them

    class SinergiBase:
        """Stands in for scipy's Sobol' generator: returns Sinergi's base points."""

        def __init__(self, d, scramble=True, seed=None):
            assert d == 2 * k, f"SALib asked for {d} dimensions, expected {2 * k}"

        def random(self, count):
            assert count == n
            return base.copy()

        def fast_forward(self, count):
            raise AssertionError("SALib's default skip_values is 0: no fast-forward expected")

    with mock.patch.object(sobol_sample.qmc, "Sobol", SinergiBase):
        rebuilt = sobol_sample.sample(problem, n, calc_second_order=second, scramble=False)
    checker.close("Saltelli sample: SALib's row order from Sinergi's base points", x, rebuilt)

    def draw(high, size=None):
        assert high == n and tuple(size) == (n, resamples)
        return units

    with mock.patch.object(np.random, "randint", draw):
        si = sobol_analyze.analyze(
            problem, y, calc_second_order=second, num_resamples=resamples, conf_level=0.95, seed=None
        )
    ours = sinergi_estimates(folder / "sobol_sinergi.csv")
    z = norm.ppf(0.975)
    for name in ("S1", "ST"):
        checker.close(f"Sobol' {name}", [ours[(name, str(i))][0] for i in range(k)], si[name])
        checker.close(f"Sobol' {name} conf", [z * ours[(name, str(i))][1] for i in range(k)], si[f"{name}_conf"])
    if second:
        pairs = [(i, j) for i in range(k) for j in range(i + 1, k)]
        checker.close("Sobol' S2", [ours[("S2", f"{i}|{j}")][0] for i, j in pairs], [si["S2"][i, j] for i, j in pairs])
        checker.close(
            "Sobol' S2 conf",
            [z * ours[("S2", f"{i}|{j}")][1] for i, j in pairs],
            [si["S2_conf"][i, j] for i, j in pairs],
        )


def check_morris(folder, checker):
    spec = json.loads((folder / "morris.json").read_text())
    k, trajectories, levels, resamples = spec["factors"], spec["trajectories"], spec["levels"], spec["resamples"]
    problem = {"num_vars": k, "names": [f"x{i}" for i in range(k)], "bounds": [[0.0, 1.0]] * k}
    x = matrix(folder / "morris_X.csv")
    y = matrix(folder / "morris_Y.csv")[:, 0]
    units = matrix(folder / "morris_resamples.csv").astype(int)  # B rows x r columns, as SALib draws them

    class SinergiResamples:
        """Stands in for SALib's generator: every factor gets Sinergi's resamples of trajectories."""

        def integers(self, high, size=None):
            assert high == trajectories and tuple(size) == (resamples, trajectories)
            return units

    with mock.patch.object(morris_analyze, "handle_seed", lambda seed: SinergiResamples()):
        si = morris_analyze.analyze(problem, x, y, num_resamples=resamples, conf_level=0.95, num_levels=levels)
    ours = sinergi_estimates(folder / "morris_sinergi.csv")
    for name in ("mu", "mu_star", "sigma"):
        checker.close(f"Morris {name}", [ours[(name, str(i))][0] for i in range(k)], si[name])
    z = norm.ppf(0.975)
    checker.close("Morris mu_star conf", [z * ours[("mu_star", str(i))][1] for i in range(k)], si["mu_star_conf"])


def check_command(folder, checker):
    """SALib on the sample and outputs of a `sinergi sensitivity --function` folder."""
    plan = json.loads((folder / "manifest.json").read_text())["sensitivity"]
    assert not plan["noiseCorrection"], "SALib has no noise correction: run the command with it off"
    names = plan["factors"]
    k = len(names)
    with open(folder / "design.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    x = np.array([[float(row[name]) for name in names] for row in rows])
    with open(folder / "points.csv", newline="") as handle:
        y = np.array([float(row["mean"]) for row in csv.DictReader(handle)])
    with open(folder / "indices.csv", newline="") as handle:
        ours = {(row["index"], row["factor"]): float(row["estimate"] or "nan") for row in csv.DictReader(handle)}
    problem = {"num_vars": k, "names": names, "bounds": [[float(x[:, i].min()), float(x[:, i].max())] for i in range(k)]}
    method = plan["method"]
    if method == "sobol":
        second = plan["secondOrder"]
        si = sobol_analyze.analyze(problem, y, calc_second_order=second, num_resamples=10, seed=1)
        for name in ("S1", "ST"):
            checker.close(f"command, Sobol' {name}", [ours[(name, f)] for f in names], si[name])
        if second:
            pairs = [(i, j) for i in range(k) for j in range(i + 1, k)]
            checker.close(
                "command, Sobol' S2",
                [ours[("S2", f"{names[i]}|{names[j]}")] for i, j in pairs],
                [si["S2"][i, j] for i, j in pairs],
            )
    else:
        si = morris_analyze.analyze(problem, x, y, num_resamples=10, num_levels=plan["levels"], seed=1)
        for name in ("mu", "mu_star", "sigma"):
            checker.close(f"command, Morris {name}", [ours[(name, f)] for f in names], si[name])


def main():
    arguments = sys.argv[1:]
    if len(arguments) == 2 and arguments[0] == "--command":
        print(f"SALib {version('SALib')}, NumPy {np.__version__}")
        checker = Checker()
        check_command(Path(arguments[1]), checker)
        if checker.failures:
            sys.exit("disagreements with SALib: " + ", ".join(checker.failures))
        return
    if len(arguments) != 1:
        sys.exit("usage: check_salib.py FOLDER, or check_salib.py --command SENSITIVITY_FOLDER")
    folder = Path(arguments[0])
    print(f"SALib {version('SALib')}, NumPy {np.__version__}")
    checker = Checker()
    check_sobol(folder, checker)
    check_morris(folder, checker)
    if checker.failures:
        sys.exit("disagreements with SALib: " + ", ".join(checker.failures))


if __name__ == "__main__":
    main()
