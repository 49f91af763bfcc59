"""sundplan_qgis.gaps: hand-computed cases, invariants, the relocation plan against an
independent solver, real kommune/region data, bad inputs."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from sundplan_qgis import gaps, grouping, need, reference, sample, specialties
from sundplan_qgis.errors import SundplanError

DERM, REUM = "Dermato-venerologi", "Reumatologi"


# --------------------------------------------------------------------------- fixtures
def hand_population() -> pd.DataFrame:
    # A: 1000 children; B: 500 children + 500 aged 85+
    return pd.DataFrame(
        {
            "area_id": ["A", "B"],
            "area_name": ["Aby", "Bby"],
            "m_0_4": [600, 0],
            "k_0_4": [400, 500],
            "m_85_plus": [0, 250],
            "k_85_plus": [0, 250],
        }
    )


def hand_weights(scale: float = 1.0) -> pd.DataFrame:
    # general profile: 0_4 -> 1, 85+ -> 3; dermatology its own: 0_4 -> 2, 85+ -> 1
    return need.load_weights(
        pd.DataFrame(
            {
                "specialty": ["*", "*", "hudlæge", "Dermatology"],
                "age_group": ["0_4", "85_plus", "0-4", "85+"],
                "sex": ["all"] * 4,
                "weight": np.array([1.0, 3.0, 2.0, 1.0]) * scale,
            }
        ),
        service=need.SPECIALISTS,
    )


def hand_capacity() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_id": ["A", "B", "A", "B"],
            "specialty": [REUM, REUM, DERM, DERM],
            "capacity": [3.0, 0.0, 2.0, 5.0],
        }
    )


CENTRES = np.array([[0.0, 0.0], [30_000.0, 40_000.0]])  # 50 km apart


def run_hand(**kw) -> gaps.GapResult:
    args = dict(
        capacity=hand_capacity(),
        population=hand_population(),
        weights=hand_weights(),
        centres_xy=CENTRES,
    )
    args.update(kw)
    return gaps.specialist_gaps(**args)


# --------------------------------------------------------------------------- hand-computed
def test_hand_computed_two_areas_two_specialties():
    r = run_hand()
    a = r.areas.set_index(["specialty", "area_id"])
    # Reumatologi (general weights): raw need A 1000, B 500 + 500*3 = 2000; scaled to 2000 people
    assert a.loc[(REUM, "A"), "need_weighted_population"] == pytest.approx(2000 / 3)
    assert a.loc[(REUM, "B"), "need_weighted_population"] == pytest.approx(4000 / 3)
    assert a.loc[(REUM, "A"), "fair_share"] == pytest.approx(1.0)  # 3 × 1/3
    assert a.loc[(REUM, "B"), "fair_share"] == pytest.approx(2.0)
    assert a.loc[(REUM, "A"), "gap"] == pytest.approx(2.0)
    assert a.loc[(REUM, "A"), "ratio"] == pytest.approx(3.0)
    assert a.loc[(REUM, "A"), "capacity_per_100k_need"] == pytest.approx(3 / (2000 / 3) * 1e5)
    assert a.loc[(REUM, "A"), "capacity_per_100k_pop"] == pytest.approx(300.0)
    assert a.loc[(REUM, "A"), "class"] == gaps.CLASS_OVER
    assert a.loc[(REUM, "B"), "class"] == gaps.CLASS_UNDER
    # Dermatology (own weights): raw A 2000, B 500*2 + 500*1 = 1500 -> shares 4/7, 3/7 of 7
    assert a.loc[(DERM, "A"), "fair_share"] == pytest.approx(4.0)
    assert a.loc[(DERM, "B"), "fair_share"] == pytest.approx(3.0)
    assert a.loc[(DERM, "A"), "gap"] == pytest.approx(-2.0)
    s = r.summary.set_index("specialty")
    # Reumatologi: D = ½(|1 − 1/3| + |0 − 2/3|) = 2/3, i.e. 2 of 3 capacities
    assert s.loc[REUM, "dissimilarity_index"] == pytest.approx(2 / 3)
    assert s.loc[REUM, "capacities_to_move"] == pytest.approx(2.0)
    # Gini: Lorenz points (0,0), (2/3, 0), (1, 1) -> 1 − 1/3 = 2/3
    assert s.loc[REUM, "gini"] == pytest.approx(2 / 3)
    assert np.isnan(s.loc[REUM, "density_ratio"])  # B has no rheumatologist
    assert s.loc[REUM, "n_areas_without_capacity"] == 1
    # Dermatology densities: A 2/(8000/7)e5 = 175, B 5/(6000/7)e5 = 583.33 -> ratio 10/3
    assert s.loc[DERM, "density_low_per_100k"] == pytest.approx(175.0)
    assert s.loc[DERM, "density_high_per_100k"] == pytest.approx(3500 / 6)
    assert s.loc[DERM, "density_ratio"] == pytest.approx(10 / 3)
    assert s.loc[DERM, "density_high_area"] == "Bby"
    assert s.loc[DERM, "weights"] == "specialty" and s.loc[REUM, "weights"] == "general"
    moves = r.relocations.set_index("specialty")
    assert moves.loc[REUM, "from_area"] == "Aby" and moves.loc[REUM, "to_area"] == "Bby"
    assert moves.loc[REUM, "capacities"] == pytest.approx(2.0)
    assert moves.loc[REUM, "distance_km"] == pytest.approx(50.0)
    assert moves.loc[REUM, "capacity_km"] == pytest.approx(100.0)
    assert moves.loc[DERM, "description"] == (
        "move 2 ydernumre in Dermato-venerologi from Bby to Aby"
    )


def test_planned_total_adds_new_capacities():
    r = run_hand(reference_totals={REUM: 6.0})
    a = r.areas[r.areas["specialty"] == REUM].set_index("area_id")
    assert a["fair_share"].sum() == pytest.approx(6.0)
    assert a.loc["A", "gap"] == pytest.approx(1.0) and a.loc["B", "gap"] == pytest.approx(-4.0)
    rel = r.relocations[r.relocations["specialty"] == REUM].set_index("kind")
    assert rel.loc["move", "capacities"] == pytest.approx(1.0)
    assert rel.loc["new", "capacities"] == pytest.approx(3.0)
    assert rel.loc["new", "to_area"] == "Bby"
    # planned below today: withdraw
    r = run_hand(reference_totals={REUM: 1.5})
    rel = r.relocations[r.relocations["specialty"] == REUM]
    kinds = rel.groupby("kind")["capacities"].sum()
    # fair A 0.5, B 1.0: gaps +2.5, −1 -> move 1, withdraw 1.5
    assert kinds["move"] == pytest.approx(1.0) and kinds["withdraw"] == pytest.approx(1.5)


# --------------------------------------------------------------------------- invariants
def random_case(seed: int, n_areas: int = 7, specs=(DERM, REUM, "Psykiatri")):
    rng = np.random.default_rng(seed)
    cols = sample.AGE_SEX_COLUMNS
    pop = pd.DataFrame(rng.integers(0, 5000, size=(n_areas, len(cols))), columns=list(cols))
    pop.insert(0, "area_id", [f"a{i}" for i in range(n_areas)])
    cap = pd.DataFrame(
        {
            "area_id": rng.choice(pop["area_id"], size=40),
            "specialty": rng.choice(list(specs), size=40),
            "capacity": rng.choice([0.5, 1.0, 1.5, 2.0], size=40),
        }
    )
    xy = rng.uniform(0, 300_000, size=(n_areas, 2))
    return pop, cap, xy


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_fair_shares_sum_to_reference_and_gaps_to_zero(seed):
    pop, cap, xy = random_case(seed)
    r = gaps.specialist_gaps(
        capacity=cap,
        population=pop,
        weights=need.load_weights(service=need.SPECIALISTS),
        centres_xy=xy,
    )
    for spec, g in r.areas.groupby("specialty"):
        today = cap.loc[cap["specialty"] == spec, "capacity"].sum()
        assert g["fair_share"].sum() == pytest.approx(today)
        assert g["gap"].sum() == pytest.approx(0.0, abs=1e-9)
        assert g["need_weighted_population"].sum() == pytest.approx(g["population"].sum())
    planned = {DERM: 100.0, REUM: 3.0}
    r = gaps.specialist_gaps(
        capacity=cap, population=pop, weights=need.load_weights(service=need.SPECIALISTS),
        reference_totals=planned, centres_xy=xy,
    )  # fmt: skip
    for spec, total in planned.items():
        g = r.areas[r.areas["specialty"] == spec]
        assert g["fair_share"].sum() == pytest.approx(total)
        # moves + new − withdrawn capacities reach the planned shares exactly
        rel = r.relocations[r.relocations["specialty"] == spec]
        new = rel.loc[rel["kind"] == "new", "capacities"].sum()
        gone = rel.loc[rel["kind"] == "withdraw", "capacities"].sum()
        assert g["capacity"].sum() + new - gone == pytest.approx(total)


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_relocation_moves_exactly_dissimilarity_times_capacity(seed):
    pop, cap, xy = random_case(seed)
    r = gaps.specialist_gaps(capacity=cap, population=pop, weights=None, centres_xy=xy)
    for row in r.summary.itertuples():
        rel = r.relocations[r.relocations["specialty"] == row.specialty]
        assert set(rel["kind"]) <= {"move"}
        assert rel["capacities"].sum() == pytest.approx(
            row.dissimilarity_index * row.capacity_today
        )
        assert row.capacities_to_move == pytest.approx(row.total_surplus)
        # after the moves every area holds exactly its fair share
        a = r.areas[r.areas["specialty"] == row.specialty].set_index("area_id")
        after = a["capacity"].copy()
        for m in rel.itertuples():
            after[m.from_area_id] -= m.capacities
            after[m.to_area_id] += m.capacities
        np.testing.assert_allclose(after, a["fair_share"], atol=1e-7)
        # a vertex solution: at most (#givers + #takers − 1) routes
        n_give, n_take = (a["gap"] > 1e-9).sum(), (a["gap"] < -1e-9).sum()
        assert len(rel) <= n_give + n_take - 1


def test_relocation_is_optimal_against_networkx_min_cost_flow():
    rng = np.random.default_rng(42)
    for _ in range(10):
        n_s, n_d = rng.integers(1, 5), rng.integers(1, 5)
        supply = rng.integers(1, 9, size=n_s).astype(float)
        demand = rng.multinomial(int(supply.sum()), np.ones(n_d) / n_d).astype(float)
        cost = rng.integers(1, 100, size=(n_s, n_d)).astype(float)
        flows, total = gaps.transport_plan(supply, demand, cost)
        g = nx.DiGraph()
        for i, s in enumerate(supply):
            g.add_node(("s", i), demand=-int(s))
        for j, d in enumerate(demand):
            g.add_node(("d", j), demand=int(d))
        for i, j in itertools.product(range(n_s), range(n_d)):
            g.add_edge(("s", i), ("d", j), weight=int(cost[i, j]))
        best = nx.cost_of_flow(g, nx.min_cost_flow(g))
        assert total == pytest.approx(best)
        np.testing.assert_allclose(flows.sum(axis=1), supply, atol=1e-7)
        np.testing.assert_allclose(flows.sum(axis=0), demand, atol=1e-7)


def test_relocation_brute_force_two_by_two():
    # 2 givers (3, 1), 2 takers (2, 2): one free variable x = flow 0->0 in [1, 2]
    supply, demand = np.array([3.0, 1.0]), np.array([2.0, 2.0])
    cost = np.array([[10.0, 1.0], [1.0, 10.0]])
    _flows, total = gaps.transport_plan(supply, demand, cost)
    best = min(
        cost[0, 0] * x + cost[0, 1] * (3 - x) + cost[1, 0] * (2 - x) + cost[1, 1] * (x - 1)
        for x in np.linspace(1, 2, 101)
    )
    assert total == pytest.approx(best)  # x = 1: 10 + 2 + 1 + 0 = 13


def test_scaling_all_weights_changes_nothing():
    a = run_hand(weights=hand_weights(1.0))
    b = run_hand(weights=hand_weights(37.5))
    pd.testing.assert_frame_equal(a.areas, b.areas)
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.relocations, b.relocations)


def test_gini_and_dissimilarity_edge_cases():
    assert gaps.gini([1, 2, 3], [1, 2, 3]) == pytest.approx(0.0)
    assert gaps.dissimilarity([1, 2, 3], [2, 4, 6]) == pytest.approx(0.0)
    # all capacity in one of n equal areas: G = D = 1 − 1/n
    assert gaps.gini([0, 0, 0, 4], [1, 1, 1, 1]) == pytest.approx(0.75)
    assert gaps.dissimilarity([0, 0, 0, 4], [1, 1, 1, 1]) == pytest.approx(0.75)


# --------------------------------------------------------------------------- shipped data
def test_specialties_table_has_15_and_unambiguous_aliases():
    table = specialties.specialties()
    assert len(table) == 15 and table["specialty"].is_unique
    seen: dict[str, str] = {}
    for row in table.itertuples():
        for name in [row.specialty, row.english, *row.aliases.split(";")]:
            key = specialties._key(name)
            assert seen.setdefault(key, row.specialty) == row.specialty, name
    # the sample region's specialty names are all known
    assert specialties.normalise_specialties(list(sample.SPECIALTIES)) == list(sample.SPECIALTIES)
    assert specialties.normalise_specialties(["ØRELÆGE", "eye", "Gigtlæge"]) == [
        "Oto-rhino-laryngologi",
        "Øjenlægevidenskab",
        "Reumatologi",
    ]


def test_default_weights_cover_every_age_group_and_average_one(shared_data):
    w = need.load_weights(service=need.SPECIALISTS)
    assert w.label.startswith("default")
    w = w.table
    folk = _folk1a_groups(shared_data)
    cols = need.age_sex_columns(folk.columns)
    total = folk[list(cols)].to_numpy().sum()
    for spec in ["*", *sorted(set(w["specialty"]) - {"*"})]:
        rows = w[w["specialty"] == spec]
        lookup = need.weight_lookup(rows)
        assert all((s, g) in lookup for s, g in cols.values()), spec
        weighted = sum(folk[c].sum() * lookup[cols[c]] for c in cols)
        # national population-weighted mean 1 on FOLK1A 2014K1 (as documented)
        assert weighted / total == pytest.approx(1.0, abs=2e-4), spec
    general = w[w["specialty"] == "*"].set_index("age_group")["weight"]
    assert general.idxmin() in ("10_14", "15_19")  # lowest 10–19 (Region Sjælland / DST)
    assert general[["70_74", "75_79", "80_84"]].min() == general.max()  # highest 70–89
    assert general["85_plus"] < general["80_84"]  # the drop at 90+


# --------------------------------------------------------------------------- real data
def _folk1a_groups(shared_data) -> pd.DataFrame:
    """FOLK1A 2014K1 single years -> one row per kommune with m_0_4 … k_85_plus."""
    path = shared_data / "folk1a-2014q1-kommune-koen-alder" / "folk1a_2014q1_kommune_koen_alder.csv"
    d = pd.read_csv(path, dtype={"kommunekode": str})
    group = np.minimum(d["age"] // 5, 17)
    labels = np.array(need.AGE_GROUPS)[group]
    d["col"] = d["sex"].map({"Men": "m", "Women": "k"}) + "_" + labels
    wide = d.pivot_table(index="kommunekode", columns="col", values="population", aggfunc="sum")
    wide = wide.reindex(columns=list(sample.AGE_SEX_COLUMNS)).fillna(0).astype("int64")
    return wide.reset_index().rename(columns={"kommunekode": "area_id"})


# [PRESS] Fyens Stiftstidende 2019 (via need-model-facts.md): practising specialists per region.
PRESS_2019 = {
    DERM: {"Nordjylland": 7, "Midtjylland": 16, "Syddanmark": 16, "Sjælland": 14,
           "Hovedstaden": 38},
    REUM: {"Nordjylland": 2, "Midtjylland": 3, "Syddanmark": 6, "Sjælland": 5,
           "Hovedstaden": 32},
}  # fmt: skip


@pytest.mark.shared
def test_real_regions_against_own_pandas_computation(shared_data):
    folk = _folk1a_groups(shared_data)
    mapping = grouping.reference_mapping("region")
    # Christiansø (0411) is in no region: its own row "outside the grouping" (see
    # test_christianso_outside_the_grouping_changes_nothing), left out here.
    folk = folk[folk["area_id"] != "0411"]
    assert len(folk) == 98
    regions = grouping.group_areas(folk, mapping)
    short = {r: r.replace("Region ", "") for r in regions["area_id"]}
    cap = pd.DataFrame(
        [
            {"area_id": r, "specialty": s, "capacity": float(PRESS_2019[s][short[r]])}
            for s in PRESS_2019
            for r in regions["area_id"]
        ]
    )
    weights = need.load_weights(service=need.SPECIALISTS)
    res = gaps.specialist_gaps(capacity=cap, population=regions, weights=weights)

    # Own computation: pandas only, from the single-year table and the weight CSV.
    path = shared_data / "folk1a-2014q1-kommune-koen-alder" / "folk1a_2014q1_kommune_koen_alder.csv"
    d = pd.read_csv(path, dtype={"kommunekode": str})
    d = d[d["kommunekode"] != "0411"]
    kom = reference.kommuner().set_index("kommunekode")["region"]
    d["region"] = d["kommunekode"].map(kom)
    w = pd.read_csv(need.DEFAULT_WEIGHT_FILES[need.SPECIALISTS])
    general = w[w["specialty"] == "*"].set_index("age_group")["weight"]
    d["w"] = [general[need.AGE_GROUPS[min(a // 5, 17)]] for a in d["age"]]
    own_pop = d.groupby("region")["population"].sum()
    own_raw = (d["population"] * d["w"]).groupby(d["region"]).sum()
    own_need = own_raw * own_pop.sum() / own_raw.sum()
    for spec in PRESS_2019:
        got = res.areas[res.areas["specialty"] == spec].set_index("area_id")
        c = pd.Series({r: PRESS_2019[spec][short[r]] for r in got.index}, dtype=float)
        fair = c.sum() * own_need / own_need.sum()
        np.testing.assert_allclose(got["population"], own_pop[got.index])
        np.testing.assert_allclose(got["need_weighted_population"], own_need[got.index])
        np.testing.assert_allclose(got["fair_share"], fair[got.index])
        np.testing.assert_allclose(got["gap"], (c - fair)[got.index], atol=1e-9)
        dens = c / own_need * 1e5
        s = res.summary.set_index("specialty").loc[spec]
        assert s["density_ratio"] == pytest.approx(dens.max() / dens.min())
        d_own = 0.5 * (c / c.sum() - own_need / own_need.sum()).abs().sum()
        assert s["dissimilarity_index"] == pytest.approx(d_own)
        moved = res.relocations[res.relocations["specialty"] == spec]["capacities"].sum()
        assert moved == pytest.approx(d_own * c.sum())
        # Hovedstaden holds more than its need-based share, Nordjylland less
        assert got.loc["Region Hovedstaden", "class"] == gaps.CLASS_OVER
        assert got.loc["Region Nordjylland", "gap"] < 0
    # rheumatology is far more concentrated than dermatology
    s = res.summary.set_index("specialty")
    assert s.loc[REUM, "gini"] > s.loc[DERM, "gini"] > 0


# --------------------------------------------------------------------------- bad input
def test_unknown_specialty_lists_what_was_found():
    with pytest.raises(SundplanError) as info:
        specialties.normalise_specialties(["hudlæge", "Kardiokirurgi", "Kardiokirurgi", None])
    text = str(info.value)
    assert "'Kardiokirurgi' (2×)" in text and "(empty)" in text and "Reumatologi" in text


def test_negative_and_empty_capacities():
    cap = hand_capacity()
    cap.loc[1, "capacity"] = -1
    with pytest.raises(SundplanError, match="Negative capacity for Reumatologi in area B"):
        run_hand(capacity=cap)
    cap.loc[1, "capacity"] = None
    with pytest.raises(SundplanError, match="Empty or non-numeric capacity"):
        run_hand(capacity=cap)


def test_weights_missing_an_age_group():
    w = hand_weights().table
    w = w[~((w["specialty"] == DERM) & (w["age_group"] == "85_plus"))]
    with pytest.raises(
        SundplanError, match=r"'Dermato-venerologi' miss the age group\(s\) 85_plus"
    ):
        run_hand(weights=w)


def test_area_without_population_is_reported_and_classed():
    pop = pd.concat(
        [hand_population(), pd.DataFrame([{"area_id": "C", "area_name": "Cby"}])],
        ignore_index=True,
    ).fillna(0)
    cap = pd.concat(
        [hand_capacity(), pd.DataFrame([{"area_id": "C", "specialty": REUM, "capacity": 1.0}])]
    )
    r = run_hand(population=pop, capacity=cap, centres_xy=np.vstack([CENTRES, [[0, 10_000]]]))
    assert any("no population" in w and "C" in w for w in r.report["warnings"])
    c = r.areas.set_index(["specialty", "area_id"]).loc[(REUM, "C")]
    assert c["fair_share"] == 0 and c["class"] == gaps.CLASS_NO_POPULATION
    assert np.isnan(c["ratio"])
    # its capacity is relocated
    rel = r.relocations[
        (r.relocations["specialty"] == REUM) & (r.relocations["from_area_id"] == "C")
    ]
    assert rel["capacities"].sum() == pytest.approx(1.0)


def test_other_bad_inputs():
    cap = hand_capacity()
    cap.loc[0, "area_id"] = "Z"
    with pytest.raises(SundplanError, match="not among the areas: Z"):
        run_hand(capacity=cap)
    with pytest.raises(SundplanError, match="lists some rows twice"):
        need.load_weights(
            pd.concat([hand_weights().table, hand_weights().table]), service=need.SPECIALISTS
        )
    with pytest.raises(SundplanError, match="not numbers ≥ 0"):
        need.load_weights(
            pd.DataFrame({"specialty": ["*"], "age_group": ["0_4"], "weight": [-1]}),
            service=need.SPECIALISTS,
        )
    with pytest.raises(SundplanError, match="0 < under ≤ 1 ≤ over"):
        run_hand(under_ratio=1.2)
    with pytest.raises(SundplanError, match="Duplicate area ids"):
        run_hand(population=pd.concat([hand_population(), hand_population()]))
    pop = hand_population()
    pop[["m_0_4", "k_0_4", "m_85_plus", "k_85_plus"]] = 0
    with pytest.raises(SundplanError, match="zero in every area"):
        run_hand(population=pop)
    assert specialties.parse_planned_totals("hudlæge = 60; Reumatologi: 12,5") == {
        DERM: 60.0,
        REUM: 12.5,
    }
    with pytest.raises(SundplanError, match="Cannot read the planned total"):
        specialties.parse_planned_totals("hudlæge sixty")
    grouped = grouping.group_areas(
        pd.DataFrame({"area_id": ["9999"], "population": [1]}), {"0101": "X"}
    )
    assert list(grouped["area_id"]) == ["outside the grouping"]
    assert grouped["outside_grouping"].tolist() == [True]


# --------------------------------------------------------------------------- Gini ordering
# Definition used (gaps.gini): areas sorted by density d = capacity / need (ascending);
# Lorenz curve X_k = cumulative need share, Y_k = cumulative capacity share, from (0, 0);
# G = 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}).
# Independent second formula (no sorting at all), for areas that all have need:
# G = ½ Σ_i Σ_j n_i n_j |d_i − d_j| / (N² · μ), N = Σ n, μ = Σ c / N (need-weighted mean density).
def gini_mean_difference(capacity, need) -> float:
    c = np.asarray(capacity, dtype=float)
    n = np.asarray(need, dtype=float)
    assert (n > 0).all(), "the mean-difference form needs every area to have need"
    d = c / n
    big_n = n.sum()
    mu = c.sum() / big_n
    total = sum(n[i] * n[j] * abs(d[i] - d[j]) for i in range(n.size) for j in range(n.size))
    return 0.5 * total / (big_n**2 * mu)


def test_gini_orders_by_density_not_by_capacity():
    # capacity [2, 1], need [10, 1]: densities 0.2 and 1.0, so density order = input order
    # (A, B) but capacity order is (B, A). By hand, density order: X = 0, 10/11, 1 and
    # Y = 0, 2/3, 1 -> G = 1 − (10/11 · 2/3 + 1/11 · 5/3) = 1 − 25/33 = 8/33.
    # Mean-difference form: ½ · 2 · (10 · 1 · 0.8) / (11² · 3/11) = 8 / 33 as well.
    # (Sorting by capacity would give X = 0, 1/11, 1, Y = 0, 1/3, 1 -> 1 − 41/33 = −8/33.)
    assert gaps.gini([2, 1], [10, 1]) == pytest.approx(8 / 33)
    assert gini_mean_difference([2, 1], [10, 1]) == pytest.approx(8 / 33)
    # The same two areas listed the other way round: input order now equals capacity order
    # and differs from density order, so "no sorting" would be caught too.
    assert gaps.gini([1, 2], [1, 10]) == pytest.approx(8 / 33)
    # Three areas where input, capacity and density orders all differ:
    # c = [5, 1, 3], n = [10, 1, 2] -> d = [0.5, 1, 1.5]; capacity order (B, C, A).
    # By hand: X = 0, 10/13, 11/13, 1; Y = 0, 5/9, 6/9, 1
    # Σ = 10/13 · 5/9 + 1/13 · 11/9 + 2/13 · 15/9 = (50 + 11 + 30) / 117 = 91/117 -> G = 26/117.
    assert gaps.gini([5, 1, 3], [10, 1, 2]) == pytest.approx(26 / 117)
    assert gini_mean_difference([5, 1, 3], [10, 1, 2]) == pytest.approx(26 / 117)


@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15])
def test_gini_equals_mean_difference_form_on_random_areas(seed):
    rng = np.random.default_rng(seed)
    n_areas = int(rng.integers(2, 12))
    need_ = rng.uniform(100, 50_000, size=n_areas)
    cap = rng.choice([0.0, 0.5, 1.0, 2.0, 7.5], size=n_areas)
    cap[0] = 3.0  # some capacity
    g = gaps.gini(cap, need_)
    assert g == pytest.approx(gini_mean_difference(cap, need_), abs=1e-12)
    # and it does not depend on the order the areas are listed in
    perm = rng.permutation(n_areas)
    assert gaps.gini(cap[perm], need_[perm]) == pytest.approx(g, abs=1e-12)


def test_gini_counts_capacity_in_areas_without_need_as_concentration():
    # Documented rule of gaps.gini: an area with capacity but no need has infinite density and
    # comes last (a vertical step of the Lorenz curve at X = 1). With a share s of capacity
    # there and G' the Gini of the areas with need alone, Y is scaled by (1 − s), so
    # G = 1 − (1 − s)(1 − G'). Here: areas with need c = [2, 1], n = [10, 1] (G' = 8/33),
    # plus 1 capacity in an area with no need: s = 1/4 -> G = 1 − 3/4 · 25/33 = 1 − 25/44.
    assert gaps.gini([2, 1, 1], [10, 1, 0]) == pytest.approx(19 / 44)
    g_prime = gini_mean_difference([2, 1], [10, 1])
    assert gaps.gini([1, 2, 1], [0, 10, 1]) == pytest.approx(1 - (1 - 0.25) * (1 - g_prime))
    # an area with neither need nor capacity changes nothing
    assert gaps.gini([2, 0, 1], [10, 0, 1]) == pytest.approx(8 / 33)


@pytest.mark.parametrize("order", [["A", "B"], ["B", "A"]])
def test_summary_gini_uses_density_order(order):
    # A: 10 inhabitants, 2 capacities; B: 1 inhabitant, 1 capacity (unweighted) -> G = 8/33
    pop = pd.DataFrame({"area_id": ["A", "B"], "population": [10, 1]}).set_index("area_id")
    cap = pd.DataFrame({"area_id": ["A", "B"], "specialty": REUM, "capacity": [2.0, 1.0]})
    r = gaps.specialist_gaps(
        capacity=cap.set_index("area_id").loc[order].reset_index(),
        population=pop.loc[order].reset_index(),
        weights=None,
    )
    assert r.summary.set_index("specialty").loc[REUM, "gini"] == pytest.approx(8 / 33)


@pytest.mark.shared
def test_real_regions_gini_against_mean_difference_form(shared_data):
    # FOLK1A 2014K1 regions with the 2019 press counts; need from the default weights,
    # computed here with pandas from the single-year table (as in the test above), the Gini
    # with the order-free mean-difference form.
    folk = _folk1a_groups(shared_data)
    folk = folk[folk["area_id"] != "0411"]
    regions = grouping.group_areas(folk, grouping.reference_mapping("region"))
    short = {r: r.replace("Region ", "") for r in regions["area_id"]}
    cap = pd.DataFrame(
        [
            {"area_id": r, "specialty": s, "capacity": float(PRESS_2019[s][short[r]])}
            for s in PRESS_2019
            for r in regions["area_id"]
        ]
    )
    res = gaps.specialist_gaps(
        capacity=cap, population=regions, weights=need.load_weights(service=need.SPECIALISTS)
    )
    path = shared_data / "folk1a-2014q1-kommune-koen-alder" / "folk1a_2014q1_kommune_koen_alder.csv"
    d = pd.read_csv(path, dtype={"kommunekode": str})
    d = d[d["kommunekode"] != "0411"]
    d["region"] = d["kommunekode"].map(reference.kommuner().set_index("kommunekode")["region"])
    w = pd.read_csv(need.DEFAULT_WEIGHT_FILES[need.SPECIALISTS])
    general = w[w["specialty"] == "*"].set_index("age_group")["weight"]
    d["w"] = [general[need.AGE_GROUPS[min(a // 5, 17)]] for a in d["age"]]
    own_need = (d["population"] * d["w"]).groupby(d["region"]).sum()  # scale is irrelevant
    s = res.summary.set_index("specialty")
    for spec in PRESS_2019:
        c = pd.Series({r: float(PRESS_2019[spec][short[r]]) for r in own_need.index})
        expected = gini_mean_difference(c.to_numpy(), own_need[c.index].to_numpy())
        assert s.loc[spec, "gini"] == pytest.approx(expected, abs=1e-12)
        # on this data capacity order and density order differ, so the ordering matters
        by_density = list((c / own_need[c.index]).sort_values().index)
        by_capacity = list(c.sort_values(kind="stable").index)
        assert by_density != by_capacity


# --------------------------------------------------------------------------- class boundaries
def test_classify_boundaries_are_balanced():
    # Documented rule: under-supplied if ratio < under, over-supplied if ratio > over, so a
    # ratio exactly at a threshold is balanced.
    ratio = np.array([0.8, 1.25, np.nextafter(0.8, 0), np.nextafter(1.25, 2), 1.0, 0.8])
    need_ = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.0])
    got = gaps.classify(ratio, need_, under=0.8, over=1.25)
    assert list(got) == [
        gaps.CLASS_BALANCED,
        gaps.CLASS_BALANCED,
        gaps.CLASS_UNDER,
        gaps.CLASS_OVER,
        gaps.CLASS_BALANCED,
        gaps.CLASS_NO_POPULATION,
    ]
    # under = over = 1: only exactly proportional areas are balanced
    got = gaps.classify(np.array([1.0, 0.999, 1.001]), np.ones(3), under=1.0, over=1.0)
    assert list(got) == [gaps.CLASS_BALANCED, gaps.CLASS_UNDER, gaps.CLASS_OVER]


def test_ratio_exactly_at_the_default_thresholds_in_a_run():
    # A 5 inhabitants, 4 capacities; B 4 inhabitants, 5 capacities (unweighted), ΣC = 9:
    # fair shares 9 · 5/9 = 5 and 9 · 4/9 = 4 -> ratios 4/5 = 0.8 and 5/4 = 1.25 exactly.
    r = gaps.specialist_gaps(
        capacity=pd.DataFrame({"area_id": ["A", "B"], "specialty": DERM, "capacity": [4, 5]}),
        population=pd.DataFrame({"area_id": ["A", "B"], "population": [5, 4]}),
        weights=None,
    )
    a = r.areas.set_index("area_id")
    assert a.loc["A", "ratio"] == 4 / 5 and a.loc["B", "ratio"] == 5 / 4
    assert a.loc["A", "class"] == gaps.CLASS_BALANCED
    assert a.loc["B", "class"] == gaps.CLASS_BALANCED
    s = r.summary.iloc[0]
    assert (s["n_under_supplied"], s["n_balanced"], s["n_over_supplied"]) == (0, 2, 0)
    # just inside the thresholds the classes change
    r = gaps.specialist_gaps(
        capacity=pd.DataFrame({"area_id": ["A", "B"], "specialty": DERM, "capacity": [4, 5]}),
        population=pd.DataFrame({"area_id": ["A", "B"], "population": [5, 4]}),
        weights=None,
        under_ratio=0.81,
        over_ratio=1.24,
    )
    assert list(r.areas["class"]) == [gaps.CLASS_UNDER, gaps.CLASS_OVER]


def test_areas_without_capacity_count_only_areas_with_population():
    # A: 100 inhabitants, 2 capacities; B: 100 inhabitants, none; C: nobody, none;
    # D: nobody, 1 capacity. Areas with need and no capacity: only B -> 1 (not 2: C has no
    # population, so it is not "without capacity" but "no population").
    pop = pd.DataFrame({"area_id": ["A", "B", "C", "D"], "population": [100, 100, 0, 0]})
    cap = pd.DataFrame({"area_id": ["A", "D"], "specialty": REUM, "capacity": [2.0, 1.0]})
    r = gaps.specialist_gaps(capacity=cap, population=pop, weights=None)
    s = r.summary.iloc[0]
    assert s["n_areas_without_capacity"] == 1
    a = r.areas.set_index("area_id")
    assert list(a["class"]) == [
        gaps.CLASS_OVER,  # ratio 2 / 1.5
        gaps.CLASS_UNDER,  # ratio 0
        gaps.CLASS_NO_POPULATION,
        gaps.CLASS_NO_POPULATION,
    ]
    assert (s["n_under_supplied"], s["n_balanced"], s["n_over_supplied"]) == (1, 0, 1)
    # densities only over areas with need: A 2/100e5 = 2000, B 0 -> no finite ratio
    assert s["density_high_per_100k"] == pytest.approx(2000.0)
    assert s["density_low_per_100k"] == pytest.approx(0.0)
    assert s["density_high_area"] == "A" and s["density_low_area"] == "B"
    # Gini: D's capacity (share 1/3) has no need: A and B alone give G' = ½ (one of two equal
    # areas holds everything), so G = 1 − (2/3)(1/2) = 2/3.
    assert s["gini"] == pytest.approx(2 / 3)
