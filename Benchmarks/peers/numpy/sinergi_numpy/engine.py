"""The Sinergi model (MODEL.md v1.1) as NumPy arrays over replicates.

Every state variable is one array: agencies are columns of an (R, A) array (the agencies of
all governments side by side, each government's a contiguous block), governments of an
(R, G) array, initiatives of an (R, K) array and, in network mode, citizens of an
(R, G, N) array, R being the replicates of a batch. A month
is the 17 steps of MODEL.md §2 as whole-array operations; the only Python loops inside a
month are over the scenario's lever entries and over the distinct CES exponents of its
initiatives, never over replicates, agencies or governments. Step numbers in the comments
are those of MODEL.md §2 and of the Mesa peer (Benchmarks/peers/mesa/sinergi_mesa/agents.py),
whose equations, order and edge cases this follows; random numbers come from one NumPy
Generator (PCG64) per batch, so agreement with Sinergi and Mesa is distributional.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .network import graphs
from .scenario import PREHISTORY_TRUST, Distribution, Scenario

MONTH_IN_YEARS = 1.0 / 12.0
PROSOCIAL, CONDITIONAL, SELFISH = 0, 1, 2
ACTIVE, LAUNCHED, INTEGRATED = 0, 1, 2
MOTIVATIONS = {"prosocial": PROSOCIAL, "conditional": CONDITIONAL, "selfish": SELFISH}

# The monthly series of Sinergi's timeseries.csv, in the order they are stored.
SERIES = ("mean_maturity", "spbe", "mean_trust", "mean_commitment", "mean_effort",
          "understanding", "adoption", "internet_access")


class Columns:
    """The columns of an (R, n) array grouped by distribution, so each distinct distribution
    is sampled in one call."""

    def __init__(self, distributions: list[Distribution]):
        groups: dict[Distribution, list[int]] = {}
        for column, dist in enumerate(distributions):
            groups.setdefault(dist, []).append(column)
        self.n = len(distributions)
        self.groups = [(dist, np.array(cols)) for dist, cols in groups.items()]

    def sample(self, rng: np.random.Generator, replicates: int) -> np.ndarray:
        out = np.empty((replicates, self.n))
        for dist, cols in self.groups:
            out[:, cols] = dist.sample(rng, (replicates, len(cols)))
        return out

    def resample_where(self, x: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> None:
        """Draws x afresh where `mask` holds (one draw per true cell)."""
        for dist, cols in self.groups:
            if len(cols) == self.n:
                count = int(np.count_nonzero(mask))
                if count:
                    x[mask] = dist.sample(rng, count)
                continue
            sub = mask[:, cols]
            count = int(np.count_nonzero(sub))
            if count:
                block = x[:, cols]
                block[sub] = dist.sample(rng, count)
                x[:, cols] = block


@dataclass
class Lever:
    """One lever entry, with its government's column and its agencies' global columns."""

    lever: str
    government: int
    start: int
    end: float
    intensity: float
    agencies: np.ndarray


class Layout:
    """Index arrays that place every agency, initiative and lever of a scenario in the arrays."""

    def __init__(self, scenario: Scenario):
        governments = scenario.governments
        if any(not g.agencies for g in governments):
            raise ValueError("every government needs at least one agency")
        self.G = len(governments)
        self.n = np.array([len(g.agencies) for g in governments])
        self.starts = np.concatenate([[0], np.cumsum(self.n)[:-1]]).astype(np.intp)
        self.A = int(self.n.sum())
        self.ga = np.repeat(np.arange(self.G), self.n)            # government of each agency
        agencies = [a for g in governments for a in g.agencies]
        self.agency_values = {key: Columns([a.values[key] for a in agencies])
                              for key in agencies[0].values}
        self.government_values = {key: Columns([g.values[key] for g in governments])
                                  for key in governments[0].values}
        self.trust = Columns([
            a.trust if a.trust is not None else Distribution("constant", (PREHISTORY_TRUST[g.prehistory],))
            for g in governments for a in g.agencies])
        self.fixed_motivation = np.array([MOTIVATIONS[a.motivation] if a.motivation else -1 for a in agencies])

        initiatives = [(gi, k) for gi, g in enumerate(governments) for k in g.initiatives]
        self.K = len(initiatives)
        self.gk = np.array([gi for gi, _ in initiatives], dtype=np.intp)
        width = max((len(k.partners) for _, k in initiatives), default=1)
        self.partners = np.zeros((self.K, width), dtype=np.intp)
        self.partner_mask = np.zeros((self.K, width), dtype=bool)
        self.partner_of = np.zeros((self.K, self.A))              # 1 where agency a is a partner of k
        for j, (gi, k) in enumerate(initiatives):
            cols = self.starts[gi] + np.array(k.partners, dtype=np.intp)
            self.partners[j, :len(cols)] = cols
            self.partner_mask[j, :len(cols)] = True
            self.partner_of[j, cols] = 1.0
        self.partner_count = self.partner_mask.sum(axis=1)
        self.displaces = np.array([k.displaces_legacy for _, k in initiatives], dtype=bool)
        self.facing = np.array([k.citizen_facing for _, k in initiatives], dtype=bool)
        self.rate = np.array([k.rate for _, k in initiatives])
        self.launch = np.array([k.launch_threshold for _, k in initiatives])
        rho = np.array([k.rho for _, k in initiatives])
        self.rho_groups = [(r, np.flatnonzero(rho == r)) for r in np.unique(rho)]
        self.of_government = np.zeros((self.K, self.G))           # initiative → government
        self.of_government[np.arange(self.K), self.gk] = 1.0
        self.initiative_count = self.of_government.sum(axis=0)
        self.facing_of_government = self.of_government * self.facing[:, None]
        self.facing_count = self.facing_of_government.sum(axis=0)
        self.has_facing = self.facing_count > 0
        self.facing_count_safe = np.maximum(self.facing_count, 1)
        self.initiative_count_safe = np.maximum(self.initiative_count, 1)

        # Governments with the same number of agencies, for the budget Gini on (R, Gb, n) blocks.
        self.blocks = []
        for size in np.unique(self.n):
            govs = np.flatnonzero(self.n == size)
            cols = self.starts[govs][:, None] + np.arange(size)[None, :]
            self.blocks.append((govs, cols, int(size)))

        self.levers = [
            Lever(entry.lever, gi, entry.start, entry.end, entry.intensity,
                  self.starts[gi] + np.array(entry.agencies, dtype=np.intp))
            for gi, g in enumerate(governments) for entry in g.levers]
        self.initial_spbe = [(gi, g.initial_spbe) for gi, g in enumerate(governments)
                             if g.initial_spbe is not None]

    def government_mean(self, x: np.ndarray) -> np.ndarray:
        """(R, A) → (R, G): the mean over each government's agencies."""
        return np.add.reduceat(x, self.starts, axis=1) / self.n

    def government_sum(self, x: np.ndarray) -> np.ndarray:
        return np.add.reduceat(x, self.starts, axis=1)


def logistic(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def unit(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 1.0)


def crossed(threshold, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    return (before < threshold) & (threshold <= after)


def ces(values: np.ndarray, mask: np.ndarray, count: np.ndarray, rho: float) -> np.ndarray:
    """CES aggregate (mean x^ρ)^(1/ρ) over the last axis where `mask` holds: min at ρ = −∞,
    geometric mean at 0, max at +∞, 0 when ρ ≤ 0 and a value is ≤ 0."""
    if rho == -math.inf:
        return np.where(mask, values, np.inf).min(axis=-1)
    if rho == math.inf:
        return np.where(mask, values, -np.inf).max(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        if rho == 0:
            result = np.exp(np.where(mask, np.log(values), 0.0).sum(axis=-1) / count)
        else:
            result = (np.where(mask, values ** rho, 0.0).sum(axis=-1) / count) ** (1 / rho)
    if rho <= 0:
        result = np.where((mask & (values <= 0)).any(axis=-1), 0.0, result)
    return result


def bass_step(fraction: np.ndarray, p: np.ndarray, q: np.ndarray, dt: float = MONTH_IN_YEARS) -> np.ndarray:
    """The exact Bass solution over `dt` years from the adopted fraction, elementwise."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        k = (p + q * fraction) / (1 - fraction) * np.exp((p + q) * dt)
        with_innovation = unit((k - p) / (q + k))
        growth = np.exp(q * dt)
        imitation_only = fraction * growth / (1 - fraction + fraction * growth)
    result = np.where(p > 0, with_innovation,
                      np.where((q <= 0) | (fraction <= 0), fraction, imitation_only))
    return np.where(fraction >= 1, 1.0, result)


def spbe_index(design, understanding, mean_progress, has_initiatives, mean_maturity, quality):
    """MODEL.md §2 step 17: policy 1 + 4D, governance 1 + 4(U + Π̄)/2, management m̄,
    services 0.6 m̄ + 0.4 (1 + 4Q), weighted 0.13 / 0.25 / 0.165 / 0.455."""
    governance = np.where(has_initiatives, (understanding + mean_progress) / 2, understanding)
    return (0.13 * (1 + 4 * design) + 0.25 * (1 + 4 * governance) + 0.165 * mean_maturity
            + 0.455 * (0.6 * mean_maturity + 0.4 * (1 + 4 * quality)))


def simulate(scenario: Scenario, layout: Layout, replicates: int, rng: np.random.Generator) -> dict:
    """Runs `replicates` replicates at once. Returns {"initial_spbe": (R, G), series: (months, R, G)}
    where row k of a series is the state at the end of month k + 1."""
    P = scenario.parameters
    L = layout
    R, A, G, K, months = replicates, L.A, L.G, L.K, scenario.months
    ga, gk = L.ga, L.gk
    n = L.n

    # --- Initial state ---------------------------------------------------------------------
    gv = {key: cols.sample(rng, R) for key, cols in L.government_values.items()}
    political_will, champion, design = gv["politicalWill"], gv["champion"], gv["design"]
    mediation, mandate, understanding = gv["mediation"], gv["mandate"], gv["understanding"]
    internet, internet_ceiling = gv["internet"], gv["internetCeiling"]
    internet_growth, readiness = gv["internetGrowth"], gv["readiness"]
    adoption = np.zeros((R, G))
    small_win = np.zeros((R, G), dtype=bool)
    mandate_reduced_until = np.zeros((R, G))

    av = {key: cols.sample(rng, R) for key, cols in L.agency_values.items()}
    ego, head, base_budget = av["ego"], av["headCommitment"], av["budget"]
    hr, culture, lock_in, maturity = av["hr"], av["culture"], av["legacyLockIn"], av["maturity"]
    budget = base_budget.copy()
    effective_budget = base_budget.copy()
    trust = L.trust.sample(rng, R)
    shares = P.motivation
    u = rng.random((R, A))
    motivation = np.where(u < shares.prosocialShare, PROSOCIAL,
                          np.where(u < shares.prosocialShare + shares.conditionalShare, CONDITIONAL, SELFISH))
    fixed = L.fixed_motivation >= 0
    motivation[:, fixed] = L.fixed_motivation[fixed]
    effort = np.full((R, A), P.effort.initial)
    learning_multiplier = np.ones((R, A))
    disappointed = np.zeros((R, A))

    progress = np.zeros((R, K))
    status = np.full((R, K), ACTIVE)

    has_initiatives = L.initiative_count > 0
    for gi, target in L.initial_spbe:               # `initialSpbe`: one offset on every maturity
        cols = slice(L.starts[gi], L.starts[gi] + n[gi])
        sampled = maturity[:, cols]

        def index(offset):
            mean_maturity = np.clip(sampled + offset[:, None], 1.0, 5.0).mean(axis=1)
            quality = 0.0 if L.has_facing[gi] else (mean_maturity - 1) / 4
            return spbe_index(design[:, gi], understanding[:, gi], 0.0, has_initiatives[gi],
                              mean_maturity, quality)

        low, high = np.full(R, -4.0), np.full(R, 4.0)
        lowest, highest = index(low), index(high)
        if ((target < lowest - 1e-9) | (target > highest + 1e-9)).any():
            raise ValueError(f"{scenario.governments[gi].name}: initialSpbe {target} outside "
                             f"[{lowest.max()}, {highest.min()}]")
        for _ in range(200):
            if (high - low).max() <= 1e-14:
                break
            middle = (low + high) / 2
            below = index(middle) < target
            low = np.where(below, middle, low)
            high = np.where(below, high, middle)
        maturity[:, cols] = np.clip(sampled + ((low + high) / 2)[:, None], 1.0, 5.0)

    c = P.commitment

    def locked_in() -> np.ndarray:
        """χ: partner of a legacy-displacing initiative not yet integrated."""
        open_displacing = (L.displaces & (status != INTEGRATED)).astype(float)
        return (open_displacing @ L.partner_of) > 0

    def commitment_of(shared, locked) -> np.ndarray:
        return logistic(shared[:, ga] + c.trust * trust + c.headCommitment * head - c.ego * ego
                        - np.where(locked, c.legacyLockIn * lock_in, 0.0))

    def shared_terms(effective_champion, effective_will, effective_mandate) -> np.ndarray:
        return (c.intercept + c.understanding * understanding + c.leadership * effective_champion
                + c.politicalWill * effective_will + c.mandate * effective_mandate)

    def service_quality(mean_maturity) -> np.ndarray:
        in_service = np.where(status != ACTIVE, progress, 0.0)
        facing = (in_service @ L.facing_of_government) / L.facing_count_safe
        return np.where(L.has_facing, facing, (mean_maturity - 1) / 4)

    def spbe_now() -> np.ndarray:
        mean_maturity = L.government_mean(maturity)
        mean_progress = (progress @ L.of_government) / L.initiative_count_safe
        return spbe_index(design, understanding, mean_progress, has_initiatives, mean_maturity,
                          service_quality(mean_maturity))

    # Network mode: one graph per replicate and government; citizens ready with probability
    # λ and online with probability ι at t = 0.
    network = scenario.citizens.mode == "network"
    if network:
        N = scenario.citizens.size
        edges = graphs(scenario.citizens.graph, N, R * G, rng)
        if edges is None:
            degree = np.full((R, G, N), N - 1.0)
        else:
            degree = np.bincount(edges[0], minlength=R * G * N).reshape(R, G, N).astype(float)
        has_neighbours = degree > 0
        safe_degree = np.maximum(degree, 1.0)
        ready = rng.random((R, G, N)) < readiness[:, :, None]
        access = rng.random((R, G, N)) < internet[:, :, None]
        adopted = np.zeros((R, G, N), dtype=bool)
        citizen_readiness = readiness.copy()

    # Initial commitment: step 9 on the initial state, no levers.
    commitment = commitment_of(shared_terms(champion, political_will, mandate), locked_in())
    intended = commitment.copy()
    initial_spbe = spbe_now()

    out = {name: np.empty((months, R, G)) for name in SERIES}
    pol, hrp, forum, tp = P.politics, P.hr, P.forum, P.trust
    first, term = int(pol.firstElection), int(pol.termMonths)
    floor = P.initiatives.capacityFloor
    two_or_more = n >= 2
    others_n = np.maximum(n - 1, 1)[ga]

    for t in range(months):
        moy = (scenario.start_month - 1 + t) % 12
        # 1. Politics: an election may change the head of government; agency heads rotate.
        if t >= first and (t - first) % term == 0:
            change = rng.random((R, G)) < pol.changeProbability
            L.government_values["politicalWill"].resample_where(political_will, change, rng)
            mandate_reduced_until = np.where(change, t + int(pol.mandateReductionMonths), mandate_reduced_until)
        rotate = rng.random((R, A)) < pol.headTurnover
        L.agency_values["headCommitment"].resample_where(head, rotate, rng)
        trust = np.where(rotate, trust * pol.rotationTrustRetention, trust)
        effective_will = political_will.copy()
        effective_champion = champion.copy()
        effective_mediation = mediation.copy()
        effective_mandate = np.where(t < mandate_reduced_until, mandate * pol.mandateAfterElection, mandate)
        effective_growth = internet_growth.copy()
        outreach = np.ones((R, G))

        # 2. Levers: this month's effects start from no lever.
        rotation_multiplier = 1.0
        ringfence_floor = None
        partnership_boost = None
        for lever in L.levers:
            if not lever.start <= t < lever.end:
                continue
            x, g, cols = lever.intensity, lever.government, lever.agencies
            starting = t == lever.start
            kind = lever.lever
            if kind == "political_will":
                effective_will[:, g] += x * (1 - effective_will[:, g])
            elif kind == "champion":
                effective_champion[:, g] += x * (1 - effective_champion[:, g])
            elif kind == "coordination_team":
                if starting:
                    design[:, g] += x * (1 - design[:, g])
            elif kind == "neutral_mediator":
                effective_mediation[:, g] = np.maximum(effective_mediation[:, g], x)
            elif kind == "external_mandate":
                effective_mandate[:, g] += x * (1 - effective_mandate[:, g])
            elif kind == "budget_ringfence":
                if ringfence_floor is None:
                    ringfence_floor = np.full(A, -np.inf)
                ringfence_floor[cols] = np.maximum(ringfence_floor[cols], x)
            elif kind == "training":
                hr[:, cols] += 0.1 * x * (1 - hr[:, cols])
                if starting:
                    learning_multiplier[:, cols] *= 1 + x
            elif kind == "staff_retention":
                if np.isscalar(rotation_multiplier):
                    rotation_multiplier = np.ones(A)
                rotation_multiplier[cols] *= 1 - x
            elif kind == "legacy_migration":
                lock_in[:, cols] *= 1 - 0.1 * x
            elif kind == "regulation_integration":
                if starting:
                    ego[:, cols] *= 1 - 0.5 * x
            elif kind == "culture_change":
                culture[:, cols] += 0.02 * x * (1 - culture[:, cols])
            elif kind == "citizen_outreach":
                outreach[:, g] = np.maximum(outreach[:, g], 1 + 2 * x)
                readiness[:, g] += 0.01 * x * (1 - readiness[:, g])
            elif kind == "infrastructure":
                if starting:
                    internet_ceiling[:, g] += x * (1 - internet_ceiling[:, g])
                effective_growth[:, g] *= 1 + x
            elif kind == "partnership":
                if partnership_boost is None:
                    partnership_boost = np.zeros(A)
                partnership_boost[cols] += 0.2 * x
                hr[:, cols] += 0.05 * x * (1 - hr[:, cols])
            else:
                raise ValueError(f"unknown lever {kind!r}")

        # 3. Annual budget (January and the first month), then the budget levers.
        if t == 0 or moy == 0:
            mean_maturity = L.government_mean(maturity)
            factor = (1 + P.budget.politicalWillWeight * (effective_will[:, ga] - 0.5)
                      + P.budget.maturityWeight * (maturity - mean_maturity[:, ga]))
            budget = np.clip(base_budget * factor, 0.0, 1.5)
        floor_budget = budget if ringfence_floor is None else np.maximum(budget, ringfence_floor)
        effective_budget = np.minimum(1.5, floor_budget if partnership_boost is None
                                      else floor_budget + partnership_boost)

        # 4. HR: rotation loses staff, otherwise learning (capped at 1 per month).
        rotated = rng.random((R, A)) < hrp.staffRotation * rotation_multiplier
        learning = np.minimum(1.0, hrp.learningRate * learning_multiplier * head * (0.5 + 0.5 * culture))
        hr = np.where(rotated, np.maximum(0.0, hr - hrp.rotationLoss), hr + learning * (1 - hr))

        # 5. Forum: meeting, attendance (last month's commitment), dialogue quality with the
        # Gini of effective budgets over all agencies.
        meeting = rng.random((R, G)) < forum.baseMeeting + (1 - forum.baseMeeting) * (effective_champion + design) / 2
        attends = rng.random((R, A)) < forum.baseAttendance + (1 - forum.baseAttendance) * commitment
        gini = np.zeros((R, G))
        for govs, cols, size in L.blocks:
            if size < 2:
                continue
            b = effective_budget[:, cols]                        # (R, Gb, n)
            total = b.sum(axis=2)
            spread = np.abs(b[:, :, :, None] - b[:, :, None, :]).sum(axis=(2, 3))
            with np.errstate(divide="ignore", invalid="ignore"):
                gini[:, govs] = np.where(total > 0, spread / total / (2 * size), 0.0)
        dialogue_quality = ((forum.baseDialogue + (1 - forum.baseDialogue) * design)
                            * (1 - (1 - effective_mediation) * gini))

        # 6. Shortfall of the others, from last month's C − d.
        gap = commitment - intended
        total_gap = L.government_sum(gap)
        shortfall = np.where(two_or_more[ga], np.maximum(0.0, (total_gap[:, ga] - gap) / others_n), 0.0)

        # 7. Trust builds slower than it erodes.
        dialogue = np.where(meeting, tp.build * dialogue_quality, 0.0)
        win = np.where(small_win, tp.smallWin, 0.0)[:, ga]
        attended = np.where(attends, dialogue[:, ga], 0.0)
        trust = unit(trust + attended * (1 - trust) + win * (1 - trust) - tp.erode * shortfall * trust)

        # 8. Shared understanding.
        up = P.understanding
        build = np.where(meeting, up.build * L.government_mean(trust) * dialogue_quality * (1 - understanding), 0.0)
        understanding = unit(understanding + build - up.decay * understanding)

        # 9. Commitment, with the legacy lock-in of open displacing initiatives.
        commitment = commitment_of(shared_terms(effective_champion, effective_will, effective_mandate), locked_in())

        # 10. Motivation switching.
        mp = P.motivation
        u = rng.random((R, A))
        switch_up = (mp.switchUp * effective_champion * (0.2 + 0.8 * small_win))[:, ga]
        prosocial = motivation == PROSOCIAL
        disappointed = np.where(prosocial & (shortfall > mp.prosocialShortfall), disappointed + 1, 0)
        patience_over = prosocial & (disappointed >= mp.prosocialPatience)
        disappointed = np.where(patience_over, 0, disappointed)
        to_selfish = (motivation == CONDITIONAL) & (u < mp.switchDown * shortfall)
        to_conditional = ((motivation == SELFISH) & (u < switch_up)) | patience_over
        motivation = np.where(to_selfish, SELFISH, np.where(to_conditional, CONDITIONAL, motivation))

        # 11–12. Intended effort from last month's effort of the others; Leontief cap.
        ep = P.effort
        total_effort = L.government_sum(effort)
        reciprocity = np.where(two_or_more[ga],
                               np.minimum(1.0, ep.reciprocity * ((total_effort[:, ga] - effort) / others_n) / ep.reference),
                               1.0)
        intended = commitment * np.where(
            motivation == PROSOCIAL, 1.0,
            np.where(motivation == CONDITIONAL, ep.conditionalFloor + (1 - ep.conditionalFloor) * reciprocity,
                     ep.selfishBase + ep.mandateCompliance * effective_mandate[:, ga]))
        resources = np.minimum(np.minimum(1.0, effective_budget), hr)
        effort = intended * resources

        # 13. Maturity.
        mat = P.maturity
        maturity = np.clip(maturity + mat.growth * effort * (0.5 + 0.5 * culture) * (5 - maturity) / 4
                           - mat.decay * (maturity - 1) * (1 - effort), 1.0, 5.0)

        # 14. Initiatives: CES of the partners' contributions, capacity, progress, small wins.
        if K:
            shared = np.maximum(floor, design) * np.maximum(floor, effective_champion) * np.maximum(floor, understanding)
            contribution = effort * (0.25 + 0.75 * (maturity - 1) / 4)
            gathered = contribution[:, L.partners]                       # (R, K, width)
            gathered = np.where(L.displaces[:, None], gathered * (1 - lock_in[:, L.partners]), gathered)
            aggregate = np.empty((R, K))
            for rho, ks in L.rho_groups:
                aggregate[:, ks] = ces(gathered[:, ks], L.partner_mask[ks], L.partner_count[ks], rho)
            mean_resources = np.where(L.partner_mask, resources[:, L.partners], 0.0).sum(axis=2) / L.partner_count
            capacity = (shared[:, gk] * np.maximum(floor, mean_resources)) ** 0.25
            moving = status != INTEGRATED
            before = progress
            gain = np.where(moving, L.rate * aggregate * capacity * (1 - before), 0.0)
            after = before + gain
            integrated = P.initiatives.integrated
            wins = moving & (crossed(0.25, before, after) | crossed(0.5, before, after)
                             | crossed(0.75, before, after) | crossed(integrated, before, after))
            launching = (status == ACTIVE) & (after >= L.launch)
            wins |= launching
            status = np.where(moving & (after >= integrated), INTEGRATED, np.where(launching, LAUNCHED, status))
            progress = after
            small_win = (wins.astype(float) @ L.of_government) > 0

        # 15. Service quality and the Bass coefficients.
        mean_maturity = L.government_mean(maturity)
        service_score = np.sqrt(service_quality(mean_maturity)) * np.sqrt((mean_maturity - 1) / 4)
        innovation = P.citizens.innovation * service_score * outreach
        imitation = P.citizens.imitation * service_score

        if not network:
            # 16. Aggregate citizens: one exact Bass step on the potential ι·λ; internet grows.
            potential = internet * readiness
            with np.errstate(divide="ignore", invalid="ignore"):
                fraction = unit(np.where(potential > 0, adoption / potential, 0.0))
            adoption = np.where(potential > 0, bass_step(fraction, innovation, imitation) * potential, 0.0)
            internet = unit(internet + effective_growth * internet * (1 - internet / internet_ceiling))
        else:
            # 16. Network citizens: readiness catches up with λ; each online, ready non-adopter
            # adopts with probability 1 − exp(−(p + q·n_j/k_j)·Δ) from the adopters at the
            # start of the month; internet grows and new citizens come online.
            with np.errstate(divide="ignore", invalid="ignore"):
                rise = np.where(readiness > citizen_readiness,
                                (readiness - citizen_readiness) / (1 - citizen_readiness), 0.0)
            if (rise > 0).any():
                ready |= rng.random((R, G, N)) < rise[:, :, None]
            citizen_readiness = readiness.copy()
            if edges is None:
                adopted_neighbours = adopted.sum(axis=2, keepdims=True) - adopted
            else:
                adopted_neighbours = np.bincount(edges[0], weights=adopted.ravel()[edges[1]],
                                                 minlength=R * G * N).reshape(R, G, N)
            hazard = innovation[:, :, None] + np.where(
                has_neighbours, imitation[:, :, None] * adopted_neighbours / safe_degree, 0.0)
            eligible = access & ready & ~adopted
            adopted = adopted | (eligible & (rng.random((R, G, N)) < 1 - np.exp(-hazard * MONTH_IN_YEARS)))
            before = internet
            internet = unit(internet + effective_growth * internet * (1 - internet / internet_ceiling))
            with np.errstate(divide="ignore", invalid="ignore"):
                gain = np.where(internet > before, (internet - before) / (1 - before), 0.0)
            if (gain > 0).any():
                access |= rng.random((R, G, N)) < gain[:, :, None]
            adoption = adopted.mean(axis=2)

        # 17. The SPBE index, and the month's series.
        mean_progress = (progress @ L.of_government) / L.initiative_count_safe
        out["spbe"][t] = spbe_index(design, understanding, mean_progress, has_initiatives, mean_maturity,
                                    service_quality(mean_maturity))
        out["mean_maturity"][t] = mean_maturity
        out["mean_trust"][t] = L.government_mean(trust)
        out["mean_commitment"][t] = L.government_mean(commitment)
        out["mean_effort"][t] = L.government_mean(effort)
        out["understanding"][t] = understanding
        out["adoption"][t] = adoption
        out["internet_access"][t] = internet

    out["initial_spbe"] = initial_spbe
    return out
