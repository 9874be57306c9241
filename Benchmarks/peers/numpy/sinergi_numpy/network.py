"""Citizens' graphs for network mode (MODEL.md §3), many at once, as edge arrays.

`graphs(spec, count, rng)` builds `count` graphs of `spec.size` citizens each and returns
them as one directed edge list (every undirected edge both ways) over citizens numbered
graph × size + citizen, so one `np.bincount` counts every citizen's adopted neighbours of
every graph at once. The generators follow networkx's, which the Mesa peer uses and
Sinergi's own follow: ring lattice, Watts–Strogatz (each lattice edge (u, u + j) rewired
with probability β to a uniform w that is neither u nor a lattice neighbour of u),
Barabási–Albert (a star of m + 1, then preferential attachment through the list of edge
ends) and Erdős–Rényi (every pair with probability D/(n − 1)). The complete graph has no
edge list: its counts come from the graph's total.
"""

from __future__ import annotations

import numpy as np


def kind_of(graph: dict) -> str:
    kind = str(graph.get("kind", "complete")).replace("-", "_")
    return {"ringLattice": "ring_lattice", "wattsStrogatz": "watts_strogatz",
            "barabasiAlbert": "barabasi_albert", "erdosRenyi": "erdos_renyi"}.get(kind, kind)


def graphs(graph: dict, n: int, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray] | None:
    """(source, target) of `count` graphs of `n` citizens, or None for the complete graph."""
    kind = kind_of(graph)
    if kind == "complete":
        return None
    if kind in ("ring_lattice", "watts_strogatz"):
        half = int(graph["k"]) // 2
        beta = float(graph.get("beta", 0.0)) if kind == "watts_strogatz" else 0.0
        u = np.tile(np.repeat(np.arange(n), half), (count, 1))              # (count, n·k/2)
        v = (u + np.tile(np.arange(1, half + 1), n)) % n
        if beta > 0:
            rewired = rng.random(u.shape) < beta
            w = np.where(rewired, rng.integers(0, n, u.shape), v)
            while True:
                distance = np.abs(w - u)
                bad = rewired & (np.minimum(distance, n - distance) <= half)  # w = u or a lattice neighbour
                if not bad.any():
                    break
                w[bad] = rng.integers(0, n, int(bad.sum()))
            v = w
        offset = (np.arange(count) * n)[:, None]
        source, target = (u + offset).ravel(), (v + offset).ravel()
    elif kind == "barabasi_albert":
        m = int(graph["m"])
        sources, targets = [], []
        for g in range(count):
            s, t = barabasi_albert(n, m, rng)
            sources.append(s + g * n)
            targets.append(t + g * n)
        source, target = np.concatenate(sources), np.concatenate(targets)
    elif kind == "erdos_renyi":
        mean_degree = float(graph.get("meanDegree", graph.get("mean_degree")))
        p = mean_degree / (n - 1)
        sources, targets = [], []
        pairs = n * (n - 1) // 2
        for g in range(count):
            edges = np.unique(rng.choice(pairs, size=rng.binomial(pairs, p), replace=False))
            i = (np.sqrt(8 * edges + 1).astype(np.int64) - 1) // 2 + 1         # pair index → (i, j), j < i
            i = np.where(i * (i - 1) // 2 > edges, i - 1, i)
            i = np.where((i + 1) * i // 2 <= edges, i + 1, i)
            j = edges - i * (i - 1) // 2
            sources.append(i + g * n)
            targets.append(j + g * n)
        source, target = np.concatenate(sources), np.concatenate(targets)
    else:
        raise ValueError(f"unknown citizen graph {kind!r}")
    return np.concatenate([source, target]), np.concatenate([target, source])


def barabasi_albert(n: int, m: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """networkx's barabasi_albert_graph: a star of m + 1 citizens, then each new citizen
    linked to m distinct citizens drawn from the list of edge ends."""
    source = [0] * m
    target = list(range(1, m + 1))
    ends = [0] * m + list(range(1, m + 1))
    picks = rng.random(4 * m * n)        # uniforms for the draws, refilled if used up
    used = 0
    for new in range(m + 1, n):
        chosen: set[int] = set()
        while len(chosen) < m:
            if used == len(picks):
                picks, used = rng.random(4 * m * n), 0
            chosen.add(ends[int(picks[used] * len(ends))])
            used += 1
        for t in chosen:
            source.append(new)
            target.append(t)
        ends.extend(chosen)
        ends.extend([new] * m)
    return np.array(source, dtype=np.int64), np.array(target, dtype=np.int64)
