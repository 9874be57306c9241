"""Replicates with Mesa's own batch runner."""

from __future__ import annotations

import mesa

from .model import SinergiModel
from .scenario import Scenario


def replicate_seeds(replicates: int, seed: int = 1) -> list[int]:
    """One seed per replicate; replicate r of master seed s always gets the same one."""
    return [seed * 1_000_003 + r for r in range(replicates)]


def run_replicates(scenario: Scenario, replicates: int, seed: int = 1, every_month: bool = False,
                   processes: int = 1) -> list[dict]:
    """Runs `replicates` replicates with `mesa.batch_run`, one per seed.

    Returns batch_run's rows: one per replicate (the final month) or, with `every_month`, one
    per replicate and month; `Step` k is the state at the end of month k + 1, `seed` names
    the replicate.
    """
    return mesa.batch_run(
        SinergiModel,
        parameters={"scenario": [scenario], "seed": replicate_seeds(replicates, seed)},
        number_processes=processes,
        iterations=1,
        data_collection_period=1 if every_month else -1,
        max_steps=scenario.months,
        display_progress=False,
    )
