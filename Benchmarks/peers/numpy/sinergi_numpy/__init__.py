"""Sinergi's model (MODEL.md v1.1) written with NumPy arrays over replicates, as a peer for
comparing distributions and speed."""

from .engine import SERIES, Layout, simulate
from .replicates import batch_size, run_replicates
from .scenario import Scenario, load_scenario, scenario_from_yaml

__all__ = ["SERIES", "Layout", "Scenario", "batch_size", "load_scenario", "run_replicates",
           "scenario_from_yaml", "simulate"]
