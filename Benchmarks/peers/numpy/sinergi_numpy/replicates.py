"""Replicates in batches: each batch is one call of `simulate` over its replicates at once."""

from __future__ import annotations

import numpy as np

from .engine import SERIES, Layout, simulate
from .network import kind_of
from .scenario import Scenario

CELLS_PER_BATCH = 1 << 15   # replicates × agencies of one batch: arrays that stay in cache


def batch_size(scenario: Scenario) -> int:
    """Replicates per batch: about 32,768 agency cells, so classroom runs 4,681 replicates at
    once and a 60-agency scenario 546. On the project's machine larger batches were no
    faster (arrays leave the cache) and smaller ones slower (NumPy's per-call overhead)."""
    agencies = sum(len(g.agencies) for g in scenario.governments)
    if scenario.citizens.mode == "network":
        # Citizens and their edges dominate: about 2^21 of them per batch.
        per_replicate = len(scenario.governments) * scenario.citizens.size * (1 + network_degree(scenario))
        return max(1, (1 << 21) // per_replicate)
    return max(64, CELLS_PER_BATCH // max(1, agencies))


def network_degree(scenario: Scenario) -> int:
    """A citizen's mean degree, for sizing batches (the complete graph stores no edges)."""
    graph = scenario.citizens.graph
    kind = kind_of(graph)
    if kind in ("ring_lattice", "watts_strogatz"):
        return int(graph["k"])
    if kind == "barabasi_albert":
        return 2 * int(graph["m"])
    if kind == "erdos_renyi":
        return int(float(graph.get("meanDegree", graph.get("mean_degree", 1))))
    return 0


def run_replicates(scenario: Scenario, replicates: int, seed: int = 1, batch: int | None = None) -> dict:
    """Runs `replicates` replicates and returns {"initial_spbe": (R, G), series: (months, R, G)}.

    Batch b draws from its own PCG64 stream, child b of `numpy.random.SeedSequence(seed)`, so
    a seed and a batch size always give the same numbers.
    """
    layout = Layout(scenario)
    batch = batch or batch_size(scenario)
    sizes = [min(batch, replicates - start) for start in range(0, replicates, batch)]
    streams = np.random.SeedSequence(seed).spawn(len(sizes))
    parts = [simulate(scenario, layout, size, np.random.Generator(np.random.PCG64(stream)))
             for size, stream in zip(sizes, streams)]
    result = {name: np.concatenate([p[name] for p in parts], axis=1) for name in SERIES}
    result["initial_spbe"] = np.concatenate([p["initial_spbe"] for p in parts], axis=0)
    return result
