"""`python -m sinergi_mesa SCENARIO [-r N] [--seed S]`: run replicates and print the means."""

from __future__ import annotations

import argparse
import math
import time
from statistics import fmean, stdev

from .model import SERIES
from .replicates import run_replicates
from .scenario import load_scenario


def main() -> None:
    parser = argparse.ArgumentParser(prog="sinergi_mesa", description=__doc__)
    parser.add_argument("scenario", help="a Sinergi scenario file or a run's manifest.json")
    parser.add_argument("-r", "--replicates", type=int, default=20)
    parser.add_argument("-s", "--seed", type=int, default=1)
    parser.add_argument("--sinergi", default=".build/release/sinergi",
                        help="the Sinergi binary that resolves scenario files")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario, args.sinergi)
    started = time.perf_counter()
    rows = run_replicates(scenario, args.replicates, args.seed)
    seconds = time.perf_counter() - started
    print(f"{scenario.name}: {args.replicates} replicates in {seconds:.2f} s "
          f"({args.replicates / seconds:.2f} replicates/s)")
    for name in rows[0]:
        if name.split("[")[0] in SERIES or name.startswith("initial_spbe"):
            values = [row[name] for row in rows]
            se = stdev(values) / math.sqrt(len(values)) if len(values) > 1 else float("nan")
            print(f"  {name:<40} mean {fmean(values):.6f}  se {se:.6f}")


if __name__ == "__main__":
    main()
