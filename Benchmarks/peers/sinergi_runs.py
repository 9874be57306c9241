"""Running Sinergi from Python and reading what a run writes, for the peer comparison."""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# One thread for any BLAS NumPy might call (the NumPy peer's small matrix products), set
# before NumPy loads: "one core each" means it.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import numpy as np  # noqa: E402

PEERS = Path(__file__).resolve().parent
ROOT = PEERS.parent.parent
sys.path.insert(0, str(PEERS / "mesa"))
sys.path.insert(0, str(PEERS / "numpy"))


def pin_to_one_core() -> None:
    """Restricts this process (and the children it starts) to one CPU, so "per core" means it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


@dataclass
class Estimate:
    """The mean of one outcome over replicates, with its standard error."""

    mean: float
    se: float
    n: int

    @classmethod
    def of(cls, values) -> Estimate:
        values = np.asarray(values, dtype=float)
        n = len(values)
        se = float(values.std(ddof=1)) / math.sqrt(n) if n > 1 else math.nan
        return cls(float(values.mean()), se, n)


def z_score(a: Estimate, b: Estimate) -> float:
    """(a − b) in standard errors of the difference. Means equal to 1e-9 (relative) count as
    equal: a deterministic series (internet access) has no sampling error, only rounding."""
    difference = a.mean - b.mean
    if abs(difference) <= 1e-9 * max(1.0, abs(a.mean), abs(b.mean)):
        return 0.0
    spread = math.sqrt(a.se ** 2 + b.se ** 2)
    return difference / spread if spread > 0 else math.copysign(math.inf, difference)


@dataclass
class SinergiRun:
    folder: Path
    manifest: dict

    @property
    def resolved(self) -> str:
        return self.manifest["scenario"]["resolved"]

    @property
    def replicates_per_second(self) -> float:
        return self.manifest["timing"]["replicatesPerSecond"]

    @property
    def wall_seconds(self) -> float:
        return self.manifest["timing"]["wallSeconds"]

    def outcomes(self, government: str | None = None) -> dict[str, Estimate]:
        """Mean and standard error of each outcome of replicates.csv (one government)."""
        columns: dict[str, list[float]] = {}
        with open(self.folder / "replicates.csv", newline="") as f:
            for row in csv.DictReader(f):
                if government is not None and row["government"] != government:
                    continue
                for key, value in row.items():
                    try:
                        number = float(value)
                    except ValueError:
                        continue            # names and predicates
                    columns.setdefault(key, []).append(number)
        return {key: Estimate.of(values) for key, values in columns.items()}

    def outcomes_by_government(self) -> dict[str, dict[str, Estimate]]:
        """`outcomes` of every government, reading replicates.csv once."""
        columns: dict[str, dict[str, list[float]]] = {}
        with open(self.folder / "replicates.csv", newline="") as f:
            for row in csv.DictReader(f):
                government = columns.setdefault(row["government"], {})
                for key, value in row.items():
                    try:
                        number = float(value)
                    except ValueError:
                        continue
                    government.setdefault(key, []).append(number)
        return {name: {key: Estimate.of(values) for key, values in outcomes.items()}
                for name, outcomes in columns.items()}

    def series(self, government: str | None = None) -> dict[tuple[int, str], Estimate]:
        """Per-month mean and standard error of each series of timeseries.csv."""
        n = self.manifest["replicates"]
        result = {}
        with open(self.folder / "timeseries.csv", newline="") as f:
            for row in csv.DictReader(f):
                if government is not None and row["government"] != government:
                    continue
                sd = float(row["sd"]) if row["sd"] else 0.0
                result[(int(row["month"]), row["metric"])] = Estimate(float(row["mean"]), sd / math.sqrt(n), n)
        return result


class SinergiUnavailable(RuntimeError):
    """Sinergi rejected the scenario (e.g. a mode this build does not have yet)."""


def run_sinergi(binary: Path, scenario: Path, replicates: int, out: Path, seed: int | None = None) -> SinergiRun:
    """`sinergi run SCENARIO --threads 1 -q -r N --out OUT`, pinned to one core."""
    command = [str(binary), "run", str(scenario), "--threads", "1", "-q", "-r", str(replicates), "--out", str(out)]
    if seed is not None:
        command += ["--seed", str(seed)]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=pin_to_one_core)
    if result.returncode != 0:
        raise SinergiUnavailable(result.stderr.strip() or f"sinergi exited with {result.returncode}")
    folder = next(line[len("Results: "):] for line in result.stdout.splitlines() if line.startswith("Results: "))
    folder = Path(folder)
    return SinergiRun(folder, json.loads((folder / "manifest.json").read_text()))


def timed_sinergi(binary: Path, scenario: Path, replicates: int, out: Path, minimum_seconds: float = 1.0) -> SinergiRun:
    """A Sinergi run long enough to time: reruns with more replicates until it lasts
    `minimum_seconds` (aiming at twice that)."""
    while True:
        run = run_sinergi(binary, scenario, replicates, out)
        if run.wall_seconds >= minimum_seconds:
            return run
        replicates = max(replicates * 2, math.ceil(replicates * 2 * minimum_seconds / max(run.wall_seconds, 1e-3)))


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="bench-peers-")
