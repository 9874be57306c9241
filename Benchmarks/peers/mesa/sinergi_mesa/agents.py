"""The agents of the Sinergi model (MODEL.md v1.1) as Mesa agents.

One `Agency` per OPD, one `Initiative` per joint system and, in network mode, one `Citizen`
per person on a Mesa `Network`. The `Government` agent owns its agencies, initiatives and
citizens (as AgentSets) and runs the 17-step monthly schedule of MODEL.md §2 over them.
Governments do not interact in v1. Step numbers in the comments are those of MODEL.md §2
and of docs/model.md §3 and §7.
"""

from __future__ import annotations

import math
from enum import Enum
from statistics import fmean

import mesa
from mesa.agent import AgentSet
import networkx as nx
from mesa.discrete_space import FixedAgent, Network

from .scenario import PREHISTORY_TRUST, AgencySpec, CitizenSpec, GovernmentSpec, InitiativeSpec

MONTH_IN_YEARS = 1.0 / 12.0


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def unit(x: float) -> float:
    return min(1.0, max(0.0, x))


def crossed(threshold: float, before: float, after: float) -> bool:
    return before < threshold <= after


class Motivation(Enum):
    PROSOCIAL = "prosocial"
    CONDITIONAL = "conditional"
    SELFISH = "selfish"


class Status(Enum):
    ACTIVE = 0
    LAUNCHED = 1
    INTEGRATED = 2


# --- Agency ----------------------------------------------------------------------------------


class Agency(mesa.Agent):
    """An OPD: trust, commitment, motivation type, effort, budget, staff and maturity."""

    def __init__(self, model, government: Government, spec: AgencySpec):
        super().__init__(model)
        self.government = government
        self.spec = spec
        self.name = spec.name
        self.sector = spec.sector
        rng = self.random
        values = spec.values
        self.ego = values["ego"].sample(rng)
        self.head = values["headCommitment"].sample(rng)            # h
        self.base_budget = values["budget"].sample(rng)             # B⁰
        self.budget = self.base_budget                              # B
        self.effective_budget = self.base_budget                    # B_eff
        self.hr = values["hr"].sample(rng)                          # H
        self.culture = values["culture"].sample(rng)                # u
        self.lock_in = values["legacyLockIn"].sample(rng)           # ℓ
        self.maturity = values["maturity"].sample(rng)              # m
        self.trust = (spec.trust.sample(rng) if spec.trust is not None
                      else PREHISTORY_TRUST[government.spec.prehistory])
        if spec.motivation is not None:
            self.motivation = Motivation(spec.motivation)
        else:
            shares = model.parameters.motivation
            u = rng.random()
            self.motivation = (Motivation.PROSOCIAL if u < shares.prosocialShare
                               else Motivation.CONDITIONAL if u < shares.prosocialShare + shares.conditionalShare
                               else Motivation.SELFISH)
        self.commitment = 0.0        # C, set by the government after sampling
        self.intended_effort = 0.0   # d
        self.effort = model.parameters.effort.initial   # e
        self.shortfall = 0.0         # v
        self.attends = False
        self.disappointed_months = 0
        self.learning_multiplier = 1.0   # training's trainer cascade on r_H
        self.rotation_multiplier = 1.0   # staff_retention on μ_rot this month
        self.ringfence_floor = -math.inf
        self.partnership_boost = 0.0
        self.locked_in = False           # χ

    # Step 1: rotation of the agency head.
    def rotate_head(self):
        p = self.model.parameters.politics
        if self.random.random() < p.headTurnover:
            self.head = self.spec.values["headCommitment"].sample(self.random)
            self.trust *= p.rotationTrustRetention

    # Step 2: this month's lever effects start from no lever.
    def clear_lever_effects(self):
        self.rotation_multiplier = 1.0
        self.ringfence_floor = -math.inf
        self.partnership_boost = 0.0

    # Step 3: annual budget and effective budget.
    def update_budget(self, effective_will: float, mean_maturity: float):
        p = self.model.parameters.budget
        factor = 1 + p.politicalWillWeight * (effective_will - 0.5) + p.maturityWeight * (self.maturity - mean_maturity)
        self.budget = min(1.5, max(0.0, self.base_budget * factor))

    def apply_budget_levers(self):
        self.effective_budget = min(1.5, max(self.budget, self.ringfence_floor) + self.partnership_boost)

    # Step 4: HR.
    def update_hr(self):
        p = self.model.parameters.hr
        if self.random.random() < p.staffRotation * self.rotation_multiplier:
            self.hr = max(0.0, self.hr - p.rotationLoss)
        else:
            learning = p.learningRate * self.learning_multiplier * self.head * (0.5 + 0.5 * self.culture)
            self.hr += min(1.0, learning) * (1 - self.hr)

    # Step 5: attendance uses last month's commitment.
    def decide_attendance(self):
        p = self.model.parameters.forum
        self.attends = self.random.random() < p.baseAttendance + (1 - p.baseAttendance) * self.commitment

    # Step 6: shortfall of the others, last month's values.
    def see_shortfall(self, total_gap: float, n: int):
        if n < 2:
            self.shortfall = 0.0
        else:
            own = self.commitment - self.intended_effort
            self.shortfall = max(0.0, (total_gap - own) / (n - 1))

    # Step 7: trust builds slower than it erodes.
    def update_trust(self, dialogue: float, win: float):
        p = self.model.parameters.trust
        t = self.trust
        attended = dialogue if self.attends else 0.0
        self.trust = unit(t + attended * (1 - t) + win * (1 - t) - p.erode * self.shortfall * t)

    # Step 9: commitment.
    def update_commitment(self, shared: float):
        c = self.model.parameters.commitment
        lock = c.legacyLockIn * self.lock_in if self.locked_in else 0.0
        self.commitment = logistic(shared + c.trust * self.trust + c.headCommitment * self.head
                                   - c.ego * self.ego - lock)

    # Step 10: motivation switching.
    def switch_motivation(self, up_probability: float):
        p = self.model.parameters.motivation
        if self.motivation is Motivation.CONDITIONAL:
            if self.random.random() < p.switchDown * self.shortfall:
                self.motivation = Motivation.SELFISH
        elif self.motivation is Motivation.SELFISH:
            if self.random.random() < up_probability:
                self.motivation = Motivation.CONDITIONAL
        else:
            self.disappointed_months = (self.disappointed_months + 1
                                        if self.shortfall > p.prosocialShortfall else 0)
            if self.disappointed_months >= p.prosocialPatience:
                self.motivation = Motivation.CONDITIONAL
                self.disappointed_months = 0

    # Step 11: intended effort from last month's delivered effort of the others.
    def intend_effort(self, total_effort: float, n: int, effective_mandate: float):
        p = self.model.parameters.effort
        c = self.commitment
        if self.motivation is Motivation.PROSOCIAL:
            self.intended_effort = c
        elif self.motivation is Motivation.CONDITIONAL:
            if n > 1:
                others = (total_effort - self.effort) / (n - 1)
                reciprocity = min(1.0, p.reciprocity * others / p.reference)
            else:
                reciprocity = 1.0
            self.intended_effort = c * (p.conditionalFloor + (1 - p.conditionalFloor) * reciprocity)
        else:
            self.intended_effort = c * (p.selfishBase + p.mandateCompliance * effective_mandate)

    # Step 12: Leontief resource cap.
    def deliver_effort(self):
        self.effort = self.intended_effort * min(1.0, self.effective_budget, self.hr)

    # Step 13: maturity.
    def update_maturity(self):
        p = self.model.parameters.maturity
        m, e = self.maturity, self.effort
        m = m + p.growth * e * (0.5 + 0.5 * self.culture) * (5 - m) / 4 - p.decay * (m - 1) * (1 - e)
        self.maturity = min(5.0, max(1.0, m))

    @property
    def resources(self) -> float:
        """min(1, B_eff, H): the agency's resource adequacy."""
        return min(1.0, self.effective_budget, self.hr)


# --- Initiative ------------------------------------------------------------------------------


def ces(values: list[float], rho: float) -> float:
    """CES aggregate (mean x^ρ)^(1/ρ): min at ρ = −∞, geometric mean at 0, max at +∞."""
    if rho == -math.inf:
        return min(values)
    if rho == math.inf:
        return max(values)
    if rho <= 0 and any(x <= 0 for x in values):
        return 0.0
    if rho == 0:
        return math.exp(fmean(math.log(x) for x in values))
    return fmean(x ** rho for x in values) ** (1 / rho)


class Initiative(mesa.Agent):
    """A joint system built by partner agencies (MODEL.md §1, step 14)."""

    def __init__(self, model, government: Government, spec: InitiativeSpec):
        super().__init__(model)
        self.government = government
        self.name = spec.name
        self.partners: list[Agency] = [government.agency_list[i] for i in spec.partners]
        self.citizen_facing = spec.citizen_facing
        self.displaces_legacy = spec.displaces_legacy
        self.rate = spec.rate
        self.rho = spec.rho
        self.launch_threshold = spec.launch_threshold
        self.progress = 0.0
        self.status = Status.ACTIVE
        self.slow_months = 0

    def make_progress(self, shared_capacity: float, month: int) -> bool:
        """Advances progress by one month; returns whether this month is a small win."""
        if self.status is Status.INTEGRATED:
            return False
        p = self.model.parameters.initiatives
        floor = p.capacityFloor
        contributions = [
            a.effort * (0.25 + 0.75 * (a.maturity - 1) / 4) * (1 - (a.lock_in if self.displaces_legacy else 0.0))
            for a in self.partners
        ]
        aggregate = ces(contributions, self.rho)
        mean_resources = fmean(a.resources for a in self.partners)
        capacity = (shared_capacity * max(floor, mean_resources)) ** 0.25
        before = self.progress
        gain = self.rate * aggregate * capacity * (1 - before)
        after = before + gain
        self.progress = after
        win = (crossed(0.25, before, after) or crossed(0.5, before, after)
               or crossed(0.75, before, after) or crossed(p.integrated, before, after))
        if self.status is Status.ACTIVE and after >= self.launch_threshold:
            self.status = Status.LAUNCHED
            win = True
            if self.government.first_launch_month is None:
                self.government.first_launch_month = month
        if after >= p.integrated:
            self.status = Status.INTEGRATED
        self.slow_months = self.slow_months + 1 if gain < p.stallProgress else 0
        return win

    @property
    def in_service(self) -> bool:
        return self.status is not Status.ACTIVE


# --- Citizen (network mode) ------------------------------------------------------------------


class Citizen(FixedAgent):
    """A person on the government's citizen network (MODEL.md §3, network mode)."""

    def __init__(self, model, government: Government, cell, ready: bool, access: bool):
        super().__init__(model)
        self.government = government
        self.cell = cell
        self.ready = ready
        self.access = access
        self.adopted = False
        self.adopts_now = False

    def catch_up_readiness(self, probability: float):
        if not self.ready and self.random.random() < probability:
            self.ready = True

    def step(self):
        """Decides adoption from the neighbours' state at the start of the month."""
        self.adopts_now = False
        if self.adopted or not (self.access and self.ready):
            return
        government = self.government
        neighbourhood = self.cell.neighborhood
        degree = len(neighbourhood)          # one citizen per cell: k_j
        hazard = government.innovation
        if degree:
            adopted = sum(1 for n in neighbourhood.agents if n.adopted)
            hazard += government.imitation * adopted / degree
        if self.random.random() < 1 - math.exp(-hazard * MONTH_IN_YEARS):
            self.adopts_now = True

    def advance(self):
        if self.adopts_now:
            self.adopted = True

    def gain_access(self, probability: float):
        if not self.access and self.random.random() < probability:
            self.access = True


def citizen_graph(spec: CitizenSpec, rng) -> nx.Graph:
    """The citizens' graph (MODEL.md §3): complete, ring lattice, Watts–Strogatz,
    Barabási–Albert or Erdős–Rényi."""
    n = spec.size
    graph = spec.graph
    kind = str(graph.get("kind", "complete")).replace("-", "_")
    kind = {"ringLattice": "ring_lattice", "wattsStrogatz": "watts_strogatz",
            "barabasiAlbert": "barabasi_albert", "erdosRenyi": "erdos_renyi"}.get(kind, kind)
    if kind == "complete":
        return nx.complete_graph(n)
    if kind == "ring_lattice":
        return nx.watts_strogatz_graph(n, int(graph["k"]), 0.0, seed=rng)
    if kind == "watts_strogatz":
        return nx.watts_strogatz_graph(n, int(graph["k"]), float(graph["beta"]), seed=rng)
    if kind == "barabasi_albert":
        return nx.barabasi_albert_graph(n, int(graph["m"]), seed=rng)
    if kind == "erdos_renyi":
        mean_degree = float(graph.get("meanDegree", graph.get("mean_degree")))
        return nx.fast_gnp_random_graph(n, mean_degree / (n - 1), seed=rng)
    raise ValueError(f"unknown citizen graph {kind!r}")


# --- Government ------------------------------------------------------------------------------


class Government(mesa.Agent):
    """A province, regency, city or ministry: the forum, politics, citizens and the schedule."""

    def __init__(self, model, spec: GovernmentSpec):
        super().__init__(model)
        self.spec = spec
        self.name = spec.name
        rng = self.random
        v = spec.values
        self.political_will = v["politicalWill"].sample(rng)    # W
        self.champion = v["champion"].sample(rng)               # L
        self.design = v["design"].sample(rng)                   # D
        self.mediation = v["mediation"].sample(rng)             # N
        self.mandate = v["mandate"].sample(rng)                 # I
        self.understanding = v["understanding"].sample(rng)     # U
        self.internet = v["internet"].sample(rng)               # ι
        self.internet_ceiling = v["internetCeiling"].sample(rng)  # ι_max
        self.internet_growth = v["internetGrowth"].sample(rng)  # κ
        self.readiness = v["readiness"].sample(rng)             # λ
        self.adoption = 0.0                                     # a
        self.small_win = False
        self.mandate_reduced_until = 0
        self.first_launch_month: int | None = None
        self.first_win_month: int | None = None
        self.lever_cost = spec.lever_cost

        self.agency_list = [Agency(model, self, a) for a in spec.agencies]
        self.agencies = AgentSet(self.agency_list, random=model.random)
        self.initiatives = AgentSet([Initiative(model, self, k) for k in spec.initiatives],
                                         random=model.random)
        self.has_citizen_facing = any(k.citizen_facing for k in self.initiatives)
        if spec.initial_spbe is not None:
            self._shift_maturity(spec.initial_spbe)

        # Initial commitment: step 9 on the initial state, no levers.
        self.effective_will, self.effective_champion = self.political_will, self.champion
        self.effective_mediation, self.effective_mandate = self.mediation, self.mandate
        self.effective_growth, self.outreach = self.internet_growth, 1.0
        self.mark_locked_in()
        self.agencies.do("update_commitment", self.shared_commitment_terms())
        for agency in self.agency_list:
            agency.intended_effort = agency.commitment

        self.citizens = None
        if model.citizen_spec.mode == "network":
            self._create_citizens(model.citizen_spec)

        self.initial_spbe = self.spbe = self.spbe_index()

    def _create_citizens(self, spec: CitizenSpec):
        graph = citizen_graph(spec, self.random)
        self.network = Network(graph, capacity=1, random=self.random)
        citizens = [
            Citizen(self.model, self, cell, ready=self.random.random() < self.readiness,
                    access=self.random.random() < self.internet)
            for cell in self.network.all_cells
        ]
        self.citizens = AgentSet(citizens, random=self.model.random)
        self.citizen_readiness = self.readiness   # λ at the last catch-up

    # --- The month -------------------------------------------------------------------------

    def step(self):
        t = self.model.month
        moy = (self.model.start_month - 1 + t) % 12
        self.politics(t)                                    # 1
        self.apply_levers(t)                                # 2
        if t == 0 or moy == 0:                              # 3
            mean_maturity = self.agencies.agg("maturity", fmean)
            self.agencies.do("update_budget", self.effective_will, mean_maturity)
        self.agencies.do("apply_budget_levers")
        self.agencies.do("update_hr")                       # 4
        self.forum()                                        # 5
        n = len(self.agency_list)                           # 6
        total_gap = sum(a.commitment - a.intended_effort for a in self.agencies)
        self.agencies.do("see_shortfall", total_gap, n)
        p = self.model.parameters                           # 7
        dialogue = p.trust.build * self.dialogue_quality if self.meeting else 0.0
        self.agencies.do("update_trust", dialogue, p.trust.smallWin if self.small_win else 0.0)
        self.update_understanding()                         # 8
        self.mark_locked_in()                               # 9
        self.agencies.do("update_commitment", self.shared_commitment_terms())
        up = p.motivation.switchUp * self.effective_champion * (0.2 + 0.8 * self.small_win)
        self.agencies.do("switch_motivation", up)           # 10
        total_effort = self.agencies.agg("effort", sum)     # 11–12
        self.agencies.do("intend_effort", total_effort, n, self.effective_mandate)
        self.agencies.do("deliver_effort")
        self.agencies.do("update_maturity")                 # 13
        self.update_initiatives(t)                          # 14
        self.update_service_quality()                       # 15
        if self.citizens is None:                           # 16
            self.update_citizens_aggregate()
        else:
            self.update_citizens_network()
        self.spbe = self.spbe_index()                       # 17

    # Step 1
    def politics(self, t: int):
        p = self.model.parameters.politics
        first, term = int(p.firstElection), int(p.termMonths)
        if t >= first and (t - first) % term == 0 and self.random.random() < p.changeProbability:
            self.political_will = self.spec.values["politicalWill"].sample(self.random)
            self.mandate_reduced_until = t + int(p.mandateReductionMonths)
        self.agencies.do("rotate_head")
        self.effective_will = self.political_will
        self.effective_champion = self.champion
        self.effective_mediation = self.mediation
        self.effective_mandate = (self.mandate * p.mandateAfterElection
                                  if t < self.mandate_reduced_until else self.mandate)
        self.effective_growth = self.internet_growth
        self.outreach = 1.0

    # Step 2
    def apply_levers(self, t: int):
        self.agencies.do("clear_lever_effects")
        for entry in self.spec.levers:
            if not entry.start <= t < entry.end:
                continue
            x = entry.intensity
            starting = t == entry.start
            targets = [self.agency_list[i] for i in entry.agencies]
            lever = entry.lever
            if lever == "political_will":
                self.effective_will += x * (1 - self.effective_will)
            elif lever == "champion":
                self.effective_champion += x * (1 - self.effective_champion)
            elif lever == "coordination_team":
                if starting:
                    self.design += x * (1 - self.design)
            elif lever == "neutral_mediator":
                self.effective_mediation = max(self.effective_mediation, x)
            elif lever == "external_mandate":
                self.effective_mandate += x * (1 - self.effective_mandate)
            elif lever == "budget_ringfence":
                for a in targets:
                    a.ringfence_floor = max(a.ringfence_floor, x)
            elif lever == "training":
                for a in targets:
                    a.hr += 0.1 * x * (1 - a.hr)
                    if starting:
                        a.learning_multiplier *= 1 + x
            elif lever == "staff_retention":
                for a in targets:
                    a.rotation_multiplier *= 1 - x
            elif lever == "legacy_migration":
                for a in targets:
                    a.lock_in *= 1 - 0.1 * x
            elif lever == "regulation_integration":
                if starting:
                    for a in targets:
                        a.ego *= 1 - 0.5 * x
            elif lever == "culture_change":
                for a in targets:
                    a.culture += 0.02 * x * (1 - a.culture)
            elif lever == "citizen_outreach":
                self.outreach = max(self.outreach, 1 + 2 * x)
                self.readiness += 0.01 * x * (1 - self.readiness)
            elif lever == "infrastructure":
                if starting:
                    self.internet_ceiling += x * (1 - self.internet_ceiling)
                self.effective_growth *= 1 + x
            elif lever == "partnership":
                for a in targets:
                    a.partnership_boost += 0.2 * x
                    a.hr += 0.05 * x * (1 - a.hr)
            else:
                raise ValueError(f"unknown lever {lever!r}")

    # Step 5
    def forum(self):
        p = self.model.parameters.forum
        self.meeting = self.random.random() < p.baseMeeting + (1 - p.baseMeeting) * (self.effective_champion + self.design) / 2
        self.agencies.do("decide_attendance")
        budgets = self.agencies.get("effective_budget")
        n, total = len(budgets), sum(budgets)
        gini = 0.0
        if total > 0 and n > 1:
            gini = sum(abs(bi - bj) for bi in budgets for bj in budgets) / total / (2 * n)
        self.dialogue_quality = ((p.baseDialogue + (1 - p.baseDialogue) * self.design)
                                 * (1 - (1 - self.effective_mediation) * gini))

    # Step 8
    def update_understanding(self):
        p = self.model.parameters.understanding
        mean_trust = self.agencies.agg("trust", fmean)
        build = p.build * mean_trust * self.dialogue_quality * (1 - self.understanding) if self.meeting else 0.0
        self.understanding = unit(self.understanding + build - p.decay * self.understanding)

    # Step 9
    def mark_locked_in(self):
        self.agencies.set("locked_in", False)
        for k in self.initiatives:
            if k.displaces_legacy and k.status is not Status.INTEGRATED:
                for a in k.partners:
                    a.locked_in = True

    def shared_commitment_terms(self) -> float:
        c = self.model.parameters.commitment
        return (c.intercept + c.understanding * self.understanding + c.leadership * self.effective_champion
                + c.politicalWill * self.effective_will + c.mandate * self.effective_mandate)

    # Step 14
    def update_initiatives(self, t: int):
        floor = self.model.parameters.initiatives.capacityFloor
        shared = max(floor, self.design) * max(floor, self.effective_champion) * max(floor, self.understanding)
        wins = self.initiatives.map("make_progress", shared, t)
        self.small_win = any(wins)
        if self.small_win and self.first_win_month is None:
            self.first_win_month = t

    # Step 15
    def update_service_quality(self):
        maturity_score = (self.agencies.agg("maturity", fmean) - 1) / 4
        self.service_quality = self.citizen_facing_quality() if self.has_citizen_facing else maturity_score
        self.service_score = math.sqrt(self.service_quality) * math.sqrt(maturity_score)

    def citizen_facing_quality(self) -> float:
        facing = [k.progress if k.in_service else 0.0 for k in self.initiatives if k.citizen_facing]
        return fmean(facing) if facing else 0.0

    def bass_coefficients(self) -> tuple[float, float]:
        p = self.model.parameters.citizens
        return p.innovation * self.service_score * self.outreach, p.imitation * self.service_score

    # Step 16, aggregate mode: one exact Bass step on the potential ι·λ.
    def update_citizens_aggregate(self):
        potential = self.internet * self.readiness
        if potential > 0:
            fraction = unit(self.adoption / potential)
            innovation, imitation = self.bass_coefficients()
            self.adoption = bass_step(fraction, innovation, imitation) * potential
        else:
            self.adoption = 0.0
        self.grow_internet()

    # Step 16, network mode: readiness catch-up, adoption, access growth, access gain.
    def update_citizens_network(self):
        if self.readiness > self.citizen_readiness:
            rise = (self.readiness - self.citizen_readiness) / (1 - self.citizen_readiness)
            self.citizens.do("catch_up_readiness", rise)
        self.citizen_readiness = self.readiness
        self.innovation, self.imitation = self.bass_coefficients()
        self.citizens.do("step")
        self.citizens.do("advance")
        before = self.internet
        self.grow_internet()
        if self.internet > before:
            self.citizens.do("gain_access", (self.internet - before) / (1 - before))
        self.adoption = sum(1 for c in self.citizens if c.adopted) / len(self.citizens)

    def grow_internet(self):
        iota = self.internet
        self.internet = unit(iota + self.effective_growth * iota * (1 - iota / self.internet_ceiling))

    # Step 17
    def spbe_index(self) -> float:
        mean_maturity = self.agencies.agg("maturity", fmean)
        quality = self.citizen_facing_quality() if self.has_citizen_facing else (mean_maturity - 1) / 4
        mean_progress = self.initiatives.agg("progress", fmean) if len(self.initiatives) else None
        return spbe_index(self.design, self.understanding, mean_progress, mean_maturity, quality)

    def _shift_maturity(self, target: float):
        """`initialSpbe`: one common offset c (bisection on [−4, 4]) on every agency's maturity."""
        sampled = self.agencies.get("maturity")
        has_initiatives = len(self.initiatives) > 0

        def index(offset: float) -> float:
            mean_maturity = fmean(min(5.0, max(1.0, m + offset)) for m in sampled)
            quality = 0.0 if self.has_citizen_facing else (mean_maturity - 1) / 4
            return spbe_index(self.design, self.understanding, 0.0 if has_initiatives else None,
                              mean_maturity, quality)

        low, high = -4.0, 4.0
        if not index(low) - 1e-9 <= target <= index(high) + 1e-9:
            raise ValueError(f"{self.name}: initialSpbe {target} outside [{index(low)}, {index(high)}]")
        for _ in range(200):
            if high - low <= 1e-14:
                break
            middle = (low + high) / 2
            if index(middle) < target:
                low = middle
            else:
                high = middle
        offset = (low + high) / 2
        for agency, m in zip(self.agency_list, sampled):
            agency.maturity = min(5.0, max(1.0, m + offset))

    # --- Reporting -------------------------------------------------------------------------

    @property
    def mean_trust(self) -> float:
        return self.agencies.agg("trust", fmean)

    @property
    def mean_commitment(self) -> float:
        return self.agencies.agg("commitment", fmean)

    @property
    def mean_effort(self) -> float:
        return self.agencies.agg("effort", fmean)

    @property
    def mean_maturity(self) -> float:
        return self.agencies.agg("maturity", fmean)


def bass_step(fraction: float, p: float, q: float, dt: float = MONTH_IN_YEARS) -> float:
    """The exact Bass solution over `dt` years from the adopted fraction `fraction`."""
    if fraction >= 1:
        return 1.0
    if p > 0:
        k = (p + q * fraction) / (1 - fraction) * math.exp((p + q) * dt)
        return unit((k - p) / (q + k))
    if q <= 0 or fraction <= 0:
        return fraction
    growth = math.exp(q * dt)
    return fraction * growth / (1 - fraction + fraction * growth)


def spbe_index(design: float, understanding: float, mean_progress: float | None,
               mean_maturity: float, service_quality: float) -> float:
    """MODEL.md §2 step 17: policy 1 + 4D, governance 1 + 4(U + Π̄)/2, management m̄,
    services 0.6 m̄ + 0.4 (1 + 4Q), weighted 0.13 / 0.25 / 0.165 / 0.455."""
    governance = understanding if mean_progress is None else (understanding + mean_progress) / 2
    return (0.13 * (1 + 4 * design) + 0.25 * (1 + 4 * governance) + 0.165 * mean_maturity
            + 0.455 * (0.6 * mean_maturity + 0.4 * (1 + 4 * service_quality)))
