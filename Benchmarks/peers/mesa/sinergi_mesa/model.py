"""The Sinergi model as a `mesa.Model`: one replicate of one scenario."""

from __future__ import annotations

import mesa
from mesa.agent import AgentSet

from .agents import Government
from .scenario import Scenario

# The monthly series Sinergi writes to timeseries.csv, with the Government attribute each reads.
SERIES = {
    "mean_maturity": "mean_maturity",
    "spbe": "spbe",
    "mean_trust": "mean_trust",
    "mean_commitment": "mean_commitment",
    "mean_effort": "mean_effort",
    "understanding": "understanding",
    "adoption": "adoption",
    "internet_access": "internet",
}


class SinergiModel(mesa.Model):
    """One replicate: every government of the scenario stepped month by month.

    The DataCollector records the monthly series after each month, so row k of
    `datacollector.get_model_vars_dataframe()` (and `Step` k of `mesa.batch_run`'s output) is
    the state at the end of month k + 1. With one government the columns are the series
    names (`spbe`, `adoption`, …); with several they are `name[government]`.
    """

    def __init__(self, scenario: Scenario, seed: int | None = None):
        super().__init__(seed=seed)
        self.scenario = scenario
        self.parameters = scenario.parameters
        self.months = scenario.months
        self.start_month = scenario.start_month
        self.citizen_spec = scenario.citizens
        self.month = 0
        self.governments = AgentSet([Government(self, spec) for spec in scenario.governments],
                                         random=self.random)
        single = len(self.governments) == 1
        reporters = {}
        for government in self.governments:
            for series, attribute in SERIES.items():
                name = series if single else f"{series}[{government.name}]"
                reporters[name] = lambda m, g=government, a=attribute: getattr(g, a)
            suffix = "" if single else f"[{government.name}]"
            reporters["initial_spbe" + suffix] = lambda m, g=government: g.initial_spbe
        self.datacollector = mesa.DataCollector(model_reporters=reporters)

    def step(self):
        self.month = self.steps - 1          # Mesa counts steps from 1
        self.governments.do("step")
        self.datacollector.collect(self)
        if self.steps >= self.months:
            self.running = False
