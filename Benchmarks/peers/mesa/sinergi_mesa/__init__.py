"""Sinergi's model (MODEL.md v1.1) written in Mesa, as a peer for comparing distributions and speed."""

from .agents import Agency, Citizen, Government, Initiative
from .model import SERIES, SinergiModel
from .replicates import run_replicates
from .scenario import Scenario, load_scenario, scenario_from_yaml

__all__ = [
    "Agency", "Citizen", "Government", "Initiative", "SERIES", "Scenario", "SinergiModel",
    "load_scenario", "run_replicates", "scenario_from_yaml",
]
