"""Reads a Sinergi scenario as Sinergi itself resolved it, into plain specs.

As the Mesa peer does (Benchmarks/peers/mesa/sinergi_mesa/scenario.py), the peer does not
reimplement the scenario format's defaults, templates and target rules: it reads the
*resolved* scenario every Sinergi run keeps in its manifest.json (`scenario.resolved`), from
the manifest directly or through a one-replicate `sinergi run` of a scenario file. The specs
and the resolution of interventions into per-government lever entries are the Mesa peer's;
what differs is sampling, which here draws whole arrays from a NumPy Generator.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from types import SimpleNamespace

import numpy as np
import yaml


def number(value) -> float:
    """A YAML number as float. PyYAML follows YAML 1.1 and reads Sinergi's `1e-05` (no dot)
    as a string, so strings are converted here."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


# --- Distributions ---------------------------------------------------------------------------

EXPECTED_PARAMETERS = {"constant": 1, "uniform": 2, "beta": 2, "normal": 2, "lognormal": 2,
                       "triangular": 3, "truncatedNormal": 4, "bernoulli": 1}


@dataclass(frozen=True)
class Distribution:
    """A scenario value: a constant or a distribution, sampled as a NumPy array.

    The laws are the Mesa peer's: `clip` bounds normal and lognormal draws; triangular is
    [low, mode, high]; the truncated normal is the normal restricted to [low, high].
    """

    kind: str
    params: tuple[float, ...]
    clip: tuple[float, float] | None = None

    def sample(self, rng: np.random.Generator, size) -> np.ndarray:
        kind, p = self.kind, self.params
        if kind == "constant":
            return np.full(size, p[0])
        if kind == "uniform":
            return rng.uniform(p[0], p[1], size)
        if kind == "beta":
            return rng.beta(p[0], p[1], size)
        if kind == "triangular":
            low, mode, high = p
            return np.full(size, low) if high <= low else rng.triangular(low, mode, high, size)
        if kind == "truncatedNormal":
            return truncated_normal(rng, *p, size)
        if kind == "bernoulli":
            return (rng.random(size) < p[0]).astype(float)
        if kind == "normal":
            x = rng.normal(p[0], p[1], size)
        elif kind == "lognormal":
            x = rng.lognormal(p[0], p[1], size)
        else:
            raise ValueError(f"unknown distribution {kind!r}")
        if self.clip is not None:
            x = np.clip(x, self.clip[0], self.clip[1])
        return x


def truncated_normal(rng: np.random.Generator, mean: float, sd: float, low: float, high: float,
                     size) -> np.ndarray:
    """N(mean, sd²) restricted to [low, high]: by rejection while at least 5% of draws land
    inside, else by the inverse CDF of a uniform on [Φ(low), Φ(high)]."""
    normal = NormalDist(mean, sd)
    inside = normal.cdf(high) - normal.cdf(low)
    if inside >= 0.05:
        x = rng.normal(mean, sd, size)
        outside = (x < low) | (x > high)
        while outside.any():
            x[outside] = rng.normal(mean, sd, int(outside.sum()))
            outside = (x < low) | (x > high)
        return x
    u = normal.cdf(low) + rng.random(size) * inside
    inverse = np.vectorize(lambda v: normal.inv_cdf(min(max(v, 1e-300), 1 - 1e-16)))
    return np.clip(inverse(u), low, high)


def distribution(value) -> Distribution:
    """Parses a scenario value: a number or `{kind: [params], clip: [lo, hi]}`."""
    if not isinstance(value, dict):
        return Distribution("constant", (number(value),))
    clip = value.get("clip")
    clip = (number(clip[0]), number(clip[1])) if clip is not None else None
    kinds = [key for key in value if key != "clip"]
    if len(kinds) != 1:
        raise ValueError(f"a value needs exactly one distribution, got {value!r}")
    kind = kinds[0]
    raw = value[kind]
    params = tuple(number(x) for x in raw) if isinstance(raw, list) else (number(raw),)
    if kind not in EXPECTED_PARAMETERS:
        raise ValueError(f"unknown distribution {kind!r}")
    if len(params) != EXPECTED_PARAMETERS[kind]:
        raise ValueError(f"{kind} needs {EXPECTED_PARAMETERS[kind]} parameters, got {raw!r}")
    return Distribution(kind, params, clip)


# --- Specs -----------------------------------------------------------------------------------

PREHISTORY_TRUST = {"neutral": 0.4, "cooperative": 0.6, "conflict": 0.2}
INTEGRATION_RHO = {"weakestLink": -math.inf, "geometric": 0.0, "mean": 1.0, "bestShot": math.inf}
GOVERNMENT_LEVERS = {"political_will", "champion", "coordination_team", "neutral_mediator",
                     "external_mandate", "citizen_outreach", "infrastructure"}
AGENCY_VALUES = ("ego", "headCommitment", "budget", "hr", "culture", "legacyLockIn", "maturity")
GOVERNMENT_VALUES = ("politicalWill", "champion", "design", "mediation", "mandate",
                     "understanding", "internet", "internetCeiling", "internetGrowth", "readiness")


@dataclass
class AgencySpec:
    name: str
    sector: str
    values: dict[str, Distribution]
    trust: Distribution | None = None
    motivation: str | None = None


@dataclass
class InitiativeSpec:
    name: str
    partners: list[int]
    citizen_facing: bool
    displaces_legacy: bool
    rate: float
    rho: float
    launch_threshold: float


@dataclass
class LeverEntry:
    """One intervention as it acts on one government."""

    lever: str
    start: int
    end: float           # first month after the entry (inf when it lasts to the end)
    intensity: float
    agencies: list[int]  # targeted agencies (empty for government-level levers)


@dataclass
class GovernmentSpec:
    name: str
    prehistory: str
    values: dict[str, Distribution]
    agencies: list[AgencySpec]
    initiatives: list[InitiativeSpec]
    initial_spbe: float | None = None
    levers: list[LeverEntry] = field(default_factory=list)


@dataclass
class CitizenSpec:
    """`citizens:` of the scenario. In network mode `size` citizens per government on a graph."""

    mode: str = "aggregate"
    size: int = 0
    graph: dict = field(default_factory=dict)


@dataclass
class Scenario:
    name: str
    months: int
    start_month: int
    parameters: SimpleNamespace
    governments: list[GovernmentSpec]
    citizens: CitizenSpec
    replicates: int = 100


def _namespace(groups: dict) -> SimpleNamespace:
    return SimpleNamespace(**{
        group: SimpleNamespace(**{key: number(value) for key, value in values.items()})
        for group, values in groups.items()
    })


def _citizens(raw) -> CitizenSpec:
    if not raw:
        return CitizenSpec()
    mode = raw.get("mode", "aggregate")
    if mode == "aggregate":
        return CitizenSpec()
    if mode != "network":
        raise ValueError(f"unknown citizens mode {mode!r}")
    graph = dict(raw.get("graph") or {"kind": "complete"})
    return CitizenSpec(mode="network", size=int(raw["size"]), graph=graph)


def scenario_from_yaml(text: str) -> Scenario:
    """Builds a :class:`Scenario` from a resolved scenario (every default written out)."""
    doc = yaml.safe_load(text)
    months = int(doc["months"])
    governments: list[GovernmentSpec] = []
    for g in doc["governments"]:
        agencies = [
            AgencySpec(
                name=str(a["name"]), sector=str(a["sector"]),
                values={key: distribution(a[key]) for key in AGENCY_VALUES},
                trust=distribution(a["trust"]) if "trust" in a else None,
                motivation=a.get("motivation"),
            )
            for a in g["agencies"]
        ]
        index = {a.name: i for i, a in enumerate(agencies)}
        initiatives = []
        for k in g.get("initiatives") or []:
            integration = k["integration"]
            rho = INTEGRATION_RHO[integration] if integration in INTEGRATION_RHO else number(integration)
            initiatives.append(InitiativeSpec(
                name=str(k["name"]), partners=[index[str(p)] for p in k["partners"]],
                citizen_facing=bool(k["citizenFacing"]), displaces_legacy=bool(k["displacesLegacy"]),
                rate=number(k["rate"]), rho=rho, launch_threshold=number(k["launchThreshold"]),
            ))
        governments.append(GovernmentSpec(
            name=str(g["name"]), prehistory=g.get("prehistory", "neutral"),
            values={key: distribution(g[key]) for key in GOVERNMENT_VALUES},
            agencies=agencies, initiatives=initiatives,
            initial_spbe=number(g["initialSpbe"]) if "initialSpbe" in g else None,
        ))
    _attach_interventions(doc.get("interventions") or [], governments)
    return Scenario(
        name=str(doc["name"]), months=months, start_month=int(doc["start"]["month"]),
        parameters=_namespace(doc["parameters"]), governments=governments,
        citizens=_citizens(doc.get("citizens")), replicates=int(doc.get("replicates", 100)),
    )


def _attach_interventions(entries: list, governments: list[GovernmentSpec]) -> None:
    """Resolves each baseline intervention's target into per-government lever entries: the
    agency filter is the union of named agencies and named sectors, and a government where a
    filter matches nobody is not targeted (the Mesa peer's rule)."""
    by_name = {g.name: g for g in governments}
    for entry in entries:
        lever = entry["lever"]
        target = entry.get("target") or {}
        names = [str(n) for n in target.get("governments", by_name)]
        agency_names = target.get("agencies")
        sectors = target.get("sectors")
        start = int(entry.get("start", 0))
        duration = entry.get("duration")
        end = start + int(duration) if duration is not None else math.inf
        intensity = number(entry["intensity"])
        for name in names:
            government = by_name[name]
            if agency_names is None and sectors is None:
                matched = list(range(len(government.agencies)))
            else:
                wanted = {str(n) for n in agency_names or []}
                wanted_sectors = {str(s) for s in sectors or []}
                matched = [i for i, a in enumerate(government.agencies)
                           if a.name in wanted or a.sector in wanted_sectors]
                if not matched:
                    continue
            government.levers.append(LeverEntry(
                lever=lever, start=start, end=end, intensity=intensity,
                agencies=[] if lever in GOVERNMENT_LEVERS else matched))


# --- Resolving through Sinergi ---------------------------------------------------------------


def resolved_yaml(path: str | os.PathLike, sinergi: str | os.PathLike) -> str:
    """The resolved scenario of `path`: read from a manifest.json directly, or obtained by a
    one-replicate `sinergi run` of a scenario file."""
    path = Path(path)
    if path.suffix == ".json":
        return json.loads(path.read_text())["scenario"]["resolved"]
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [str(sinergi), "run", str(path), "-r", "1", "-q", "--threads", "1", "--out", out],
            capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"sinergi could not resolve {path}:\n{result.stderr.strip()}")
        manifests = list(Path(out).glob("*/latest/manifest.json"))
        if len(manifests) != 1:
            raise RuntimeError(f"sinergi wrote no manifest for {path}")
        return json.loads(manifests[0].read_text())["scenario"]["resolved"]


def load_scenario(path: str | os.PathLike, sinergi: str | os.PathLike = ".build/release/sinergi") -> Scenario:
    """Reads `path` (a scenario file or a Sinergi manifest.json) into a :class:`Scenario`."""
    return scenario_from_yaml(resolved_yaml(path, sinergi))
