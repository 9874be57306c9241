"""`python -m sinergi_numpy SCENARIO [-r N] [--seed S]`: run replicates and print the means."""

from __future__ import annotations

import argparse
import math
import time

from .engine import SERIES
from .replicates import run_replicates
from .scenario import load_scenario


def main() -> None:
    parser = argparse.ArgumentParser(prog="sinergi_numpy", description=__doc__)
    parser.add_argument("scenario", help="a Sinergi scenario file or a run's manifest.json")
    parser.add_argument("-r", "--replicates", type=int, default=1000)
    parser.add_argument("-s", "--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=None, help="replicates simulated at once")
    parser.add_argument("--sinergi", default=".build/release/sinergi",
                        help="the Sinergi binary that resolves scenario files")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario, args.sinergi)
    run_replicates(scenario, 64, args.seed + 1, args.batch)         # warm-up, untimed
    started, cpu_started = time.perf_counter(), time.process_time()
    result = run_replicates(scenario, args.replicates, args.seed, args.batch)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    months = args.replicates * scenario.months
    print(f"{scenario.name}: {args.replicates} replicates in {seconds:.2f} s "
          f"({args.replicates / seconds:,.0f} replicates/s, {months / seconds:,.0f} replicate-months/s; "
          f"per CPU-second {args.replicates / cpu_seconds:,.0f} and {months / cpu_seconds:,.0f})")
    for g, government in enumerate(scenario.governments):
        for name in ("initial_spbe",) + SERIES:
            values = result[name][:, g] if name == "initial_spbe" else result[name][-1, :, g]
            se = values.std(ddof=1) / math.sqrt(len(values)) if len(values) > 1 else float("nan")
            label = name if len(scenario.governments) == 1 else f"{name}[{government.name}]"
            print(f"  {label:<40} mean {values.mean():.6f}  se {se:.6f}")


if __name__ == "__main__":
    main()
