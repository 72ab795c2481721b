"""Published worked examples of MCDA ranking methods, for regression tests (data only, no tests).

Every input value and every expected output below was copied from a text retrieved during the
collection (library test suites that transcribe a paper, mirrors of the source, or the source
itself); ``found_in`` says where. Nothing was filled in from memory. Each example was re-computed
with an independent plain-numpy implementation of the textbook formulas (scratch scripts, not
part of the project); disagreements are reported in ``note`` and never "fixed" in the data.

Schema of one entry (``EXAMPLES: list[dict]``):

``id``            test id.
``method``        ``wsm``, ``wpm``, ``topsis``, ``vikor``, ``promethee2`` or ``skc-<name>``
                  (a scikit-criteria method: ``skc-waspas``, ``skc-copras``, ``skc-aras``,
                  ``skc-edas``, ``skc-moora``).
``params``        method parameters. ``normalization`` uses the names of
                  ``sitecompare.methods.normalize`` (``max`` = x/max for benefit, min/x for cost;
                  ``vector``; ``minmax``; ``sum``; ``none``). TOPSIS handles cost criteria through
                  the ideal / anti-ideal (scale-only vector normalisation), as published.
``normalize_weights``  True: the published computation uses w / sum(w) (or the weights already
                  sum to 1). False: the published computation uses the weights exactly as printed
                  even though they do not sum to 1; renormalising changes the published numbers.
``citation``      original publication, with the table / section / page where known. When the
                  table could not be identified from the retrieved text this is said explicitly.
``found_in``      where the numbers were retrieved (repository + path, or URL).
``alternatives``, ``criteria``, ``directions`` (``max``/``min``), ``weights``, ``matrix``
                  (rows = alternatives).
``preferences``   PROMETHEE only: one dict per criterion, ``function`` in usual, u-shape,
                  v-shape, level, linear, gaussian, with ``q``, ``p``, ``s`` in criterion units.
``expected``      only what the publication prints: ``scores`` (native score of the method:
                  WSM/WPM score, TOPSIS closeness, VIKOR Q, PROMETHEE net flow, ...), ``ranks``
                  (1 = best; derived from the printed scores with shared ranks for printed ties
                  unless the note says otherwise), ``details`` (d_plus/d_minus, S/R, ...).
                  Empty for ``expected_source == "recomputed"``.
``decimals``      decimals printed by the publication, per key of ``expected`` / ``details``.
                  Compare with abs(ours - published) <= 0.5 * 10**-d (plus float eps).
``atol``          optional per-key absolute tolerance that overrides ``decimals`` where the
                  publication rounded intermediate results and exact arithmetic lands just
                  outside half a unit of the last printed digit (explained in ``note``).
``expected_source``  ``published`` or ``recomputed``.
``recomputed``    optional: values from our own exact recomputation, for information only (for
                  recomputed examples, and where a note refers to them). Not published numbers.
``note``          variant details, discrepancies, errata.
"""

from __future__ import annotations

__all__ = ["EXAMPLES"]

_PYMCDM_TESTS = (
    "pymcdm unit tests (file with classes TestTOPSIS, TestVIKOR, TestPROMETHEE_II, TestWASPAS, "
    "...; copyright A. Shekhovtsov & B. Kizielewicz 2022-2026; the pymcdm repository is "
    "kotbaton/pymcdm, the index served the file without its path, stored file id 10531860036)"
)
_PYREPO_TESTS_1 = (
    "energyinpython/pyrepo-mcda tests/test_mcda_methods.py (also tests/test_mcda_methods_1.py)"
)
_PYREPO_TESTS_2 = "energyinpython/pyrepo-mcda tests/test_mcda_methods_2.py"
_SKC_SIMPLE = "quatrope/scikit-criteria tests/agg/test_simple.py"
_SKC_VIKOR = "quatrope/scikit-criteria tests/agg/test_vikor.py"

_CHAKRABORTY_2015 = (
    "Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of WASPAS "
    "method as a multi-criteria decision-making tool. Economic Computation and Economic "
    "Cybernetics Studies and Research 49(1), 5-22"
)
_CHAKRABORTY_EX2 = dict(
    alternatives=[f"A{i}" for i in range(1, 11)],
    criteria=["PC", "FS", "MN", "P"],
    directions=["min", "min", "min", "max"],
    weights=[0.467, 0.160, 0.095, 0.278],
    matrix=[
        [581818, 54.49, 3, 5500],
        [595454, 49.73, 3, 4500],
        [586060, 51.24, 3, 5000],
        [522727, 45.71, 3, 5800],
        [561818, 52.66, 3, 5200],
        [543030, 74.46, 4, 5600],
        [522727, 75.42, 4, 5800],
        [486970, 62.62, 4, 5600],
        [509394, 65.87, 4, 6400],
        [513333, 70.67, 4, 6000],
    ],
)

_WIKI_3X4 = dict(
    alternatives=["A1", "A2", "A3"],
    criteria=["C1", "C2", "C3", "C4"],
    directions=["max", "max", "max", "max"],
    weights=[0.20, 0.15, 0.40, 0.25],
    matrix=[[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]],
)

_AIRCRAFT = dict(
    alternatives=["A1", "A2", "A3", "A4"],
    criteria=[
        "X1 maximum speed (Mach)",
        "X2 ferry range (NM)",
        "X3 maximum payload (lb)",
        "X4 purchasing cost ($M)",
        "X5 reliability (rating)",
        "X6 maneuverability (rating)",
    ],
    directions=["max", "max", "max", "min", "max", "max"],
    weights=[0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
    matrix=[
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ],
)

_OT2007 = dict(
    alternatives=["A1", "A2", "A3", "A4", "A5", "A6"],
    criteria=[
        "Profit [10e6 Din]",
        "Cost [10e6 Din]",
        "Energy produced [GW hour]",
        "Peak energy produced [GW hour]",
        "Homes to be relocated [Num]",
        "Reservoirs area [ha]",
        "Villages to displace [Num]",
        "Environmental protection [Grade]",
    ],
    directions=["max", "min", "max", "max", "min", "min", "min", "max"],
    matrix=[
        [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
        [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
        [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
        [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
        [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
        [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
    ],
)
_OT2007_CITATION = (
    "Opricovic, S. & Tzeng, G.-H. (2007). Extended VIKOR method in comparison with outranking "
    "methods. European Journal of Operational Research 178(2), 514-529, numerical example "
    "(six alternatives, eight criteria, four weight sets W1-W4); the table number was not "
    "identified in the retrieved text"
)
_OT2007_NOTE = (
    "VIKOR with v = 0.5 (the paper's usual setting; scikit-criteria reproduces it with the "
    "default v = 0.5). Weights are divided by their sum before computing S and R. Scores = Q; "
    "ranks = order of Q (ascending), as in scikit-criteria's test with use_compromise_set=False. "
    "The test file compares with rtol = atol = 1e-3; our plain-numpy recomputation agrees with "
    "every printed S, R and Q to within half a unit of the third decimal."
)

_PAPATHANASIOU_6X4 = dict(
    alternatives=["A1", "A2", "A3", "A4", "A5", "A6"],
    criteria=["C1", "C2", "C3", "C4"],
    directions=["max", "max", "max", "max"],
    weights=[0.4, 0.3, 0.1, 0.2],
    matrix=[[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]],
)

_GOSWAMI_2020 = dict(
    alternatives=[f"M{i}" for i in range(1, 11)],
    criteria=["C1 price", "C2", "C3", "C4"],
    directions=["min", "max", "max", "max"],
    weights=[0.60338, 0.13639, 0.19567, 0.06456],
    matrix=[
        [80, 16, 2, 5],
        [110, 32, 2, 9],
        [130, 64, 4, 9],
        [185, 64, 4, 1],
        [135, 64, 3, 4],
        [140, 32, 3, 5],
        [185, 64, 6, 7],
        [110, 16, 3, 3],
        [120, 16, 4, 3],
        [340, 128, 6, 5],
    ],
)
_GOSWAMI_CITATION = (
    "Goswami, S. & Mitra, S. (2020). Selecting the best mobile model by applying AHP-COPRAS and "
    "AHP-ARAS decision making methodology. International Journal of Data and Network Science "
    "4(1), 27-42, doi:10.5267/j.ijdns.2019.8.004; the table number was not identified in the "
    "retrieved text"
)

_ERSOY_2021 = dict(
    alternatives=["A1", "A2", "A3", "A4", "A5", "A6"],
    criteria=["C1", "C2", "C3", "C4", "C5", "C6"],
    directions=["max", "max", "max", "max", "min", "min"],
    weights=[0.405, 0.221, 0.134, 0.199, 0.007, 0.034],
    matrix=[
        [256, 8, 41, 1.6, 1.77, 7347.16],
        [256, 8, 32, 1.0, 1.8, 6919.99],
        [256, 8, 53, 1.6, 1.9, 8400],
        [256, 8, 41, 1.0, 1.75, 6808.9],
        [512, 8, 35, 1.6, 1.7, 8479.99],
        [256, 4, 35, 1.6, 1.7, 7499.99],
    ],
)
_ERSOY_CITATION = (
    "Ersoy, Y. (2021). Equipment selection for an e-commerce company using entropy-based "
    "TOPSIS, EDAS and CODAS methods during the COVID-19. LogForum 17(3); the table number was "
    "not identified in the retrieved text"
)


EXAMPLES: list[dict] = [
    # ------------------------------------------------------------------------------------ WSM
    dict(
        id="wsm_triantaphyllou_2000_wikipedia_3x4",
        method="wsm",
        params={"normalization": "none"},
        normalize_weights=True,
        citation=(
            "Wikipedia, 'Weighted sum model', section 'Example' (3 alternatives x 4 criteria), "
            "which attributes the method presentation to Triantaphyllou, E. (2000). Multi-Criteria "
            "Decision Making Methods: A Comparative Study. Kluwer. The book itself was not "
            "retrieved, so its page/table and printed values are unverified"
        ),
        found_in=(
            "mirrors of the Wikipedia article: http://cryer.org.uk/weighted_sum_model, "
            "http://everyfhing.explained.today/Weighted_sum_model, "
            "https://wikiblah.com/wiki/weighted-sum-model (table with the 'WSM Score' column); "
            "inputs also in quatrope/scikit-criteria tests/madm/test_wprod.py"
        ),
        **_WIKI_3X4,
        preferences=None,
        expected={"scores": [21.50, 22.00, 22.00], "ranks": [3, 1, 1]},
        decimals={"scores": 2},
        expected_source="published",
        note=(
            "Raw values are used directly (single-dimensional problem, no normalisation); the "
            "weights already sum to 1. DISCREPANCY: a page reusing the article's example text "
            "(http://intellia.co.nz/Intellia%20Software%20-%20Weighted%20Criteria.html) prints "
            "A3 = 20.00 and calls A2 the unique best; whether an older revision of the article "
            "or the book prints 20.00 could not be checked (the stored copies cut off before the "
            "running text's values). The arithmetic 30*0.20 + 10*0.15 + 30*0.40 + 10*0.25 = "
            "22.00 is what the article's table prints and what we recompute (A1 = 21.50, "
            "A2 = 22.00, A3 = 22.00). A2 and A3 therefore tie for first; the ranks use shared "
            "(competition) ranks."
        ),
    ),
    dict(
        id="wsm_rizan_2020_saw_school_admission",
        method="wsm",
        params={"normalization": "max"},
        normalize_weights=True,
        citation=(
            "Rizan, O., Wahyuningsih, D., Pradana, H. A. & Ramadella, S. (2020). SAW Method in "
            "Supporting the Process of Admission of New Junior High School Students. 2020 8th "
            "International Conference on Cyber and IT Service Management (CITSM), pp. 1-5, "
            "doi:10.1109/CITSM50537.2020.9268874; the table number was not identified in the "
            "retrieved text"
        ),
        found_in=_PYREPO_TESTS_2 + " (class Test_SAW)",
        alternatives=["A1", "A2", "A3", "A4"],
        criteria=["C1", "C2", "C3", "C4", "C5", "C6", "C7"],
        directions=["max"] * 7,
        weights=[0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.1],
        matrix=[
            [0.75, 0.50, 0.75, 0, 0, 0, 1],
            [0.75, 1, 0.75, 0, 0, 0, 0.75],
            [0.75, 0.75, 0.75, 0, 0.50, 0.25, 1],
            [0.50, 0.50, 0.75, 1, 0.50, 0, 0.75],
        ],
        preferences=None,
        expected={"scores": [0.35, 0.375, 0.825, 0.642], "ranks": [4, 3, 1, 2]},
        decimals={"scores": 3},
        expected_source="published",
        note=(
            "SAW with linear max normalisation r = x / max(x) (all criteria benefit; the matrix "
            "contains zeros, which x/max handles). Weights sum to 1. Recomputation: "
            "[0.35, 0.375, 0.825, 0.641667], matches."
        ),
    ),
    dict(
        id="wsm_chakraborty_2015_waspas_example2_lambda1",
        method="wsm",
        params={"normalization": "max"},
        normalize_weights=True,
        citation=(
            _CHAKRABORTY_2015 + ", Example 2, WASPAS joint criterion for lambda = 1 (which is "
            "the WSM score); the table number was not identified in the retrieved text"
        ),
        found_in=_SKC_SIMPLE + " (test_WASPAS_chakraborty2015applications, lambda_value=1)",
        **_CHAKRABORTY_EX2,
        preferences=None,
        expected={
            "scores": [
                0.8590,
                0.8194,
                0.8430,
                0.9420,
                0.8645,
                0.8315,
                0.8552,
                0.8983,
                0.9067,
                0.8784,
            ],
            "ranks": [6, 10, 8, 1, 5, 9, 7, 3, 2, 4],
        },
        decimals={"scores": 4},
        atol={"scores": 1.0e-4},
        expected_source="published",
        note=(
            "Linear max normalisation: x/max for the benefit criterion P, min/x for the cost "
            "criteria PC, FS, MN; score = sum_j w_j r_ij (weights sum to 1). Exact arithmetic "
            "gives A2 = 0.819454 against the printed 0.8194, i.e. 0.0000536 away, just outside "
            "half a unit of the 4th decimal (the paper presumably rounded the normalised matrix); "
            "hence atol 1e-4. All other values are within 0.5e-4. The scikit-criteria test also "
            "uses atol 1e-4."
        ),
    ),
    # ------------------------------------------------------------------------------------ WPM
    dict(
        id="wpm_chakraborty_2015_waspas_example2_lambda0",
        method="wpm",
        params={"normalization": "max"},
        normalize_weights=True,
        citation=(
            _CHAKRABORTY_2015 + ", Example 2, WASPAS joint criterion for lambda = 0 (which is "
            "the WPM score prod_j r_ij^w_j); the table number was not identified in the "
            "retrieved text"
        ),
        found_in=_SKC_SIMPLE + " (test_WASPAS_chakraborty2015applications, lambda_value=0)",
        **_CHAKRABORTY_EX2,
        preferences=None,
        expected={
            "scores": [
                0.8578,
                0.8144,
                0.8408,
                0.9413,
                0.8632,
                0.8241,
                0.8454,
                0.8915,
                0.8987,
                0.8697,
            ],
            "ranks": [6, 10, 8, 1, 5, 9, 7, 3, 2, 4],
        },
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "Score = prod_j r_ij^w_j on the linear-max normalised matrix (x/max benefit, min/x "
            "cost), weights sum to 1. A WPM implemented as a log-sum or as a product of raw "
            "values (normalization 'none') gives the same ranking but not these numbers. "
            "Recomputation matches every printed value to 4 decimals. The same source lists "
            "lambda = 0.1 ... 0.9 as well (see the skc-waspas entry for lambda = 0.5)."
        ),
    ),
    dict(
        id="wpm_triantaphyllou_2000_wikipedia_ratios",
        method="wpm",
        params={"normalization": "none", "output": "pairwise ratios P(AK/AL)"},
        normalize_weights=True,
        citation=(
            "Wikipedia, 'Weighted product model', section 'Example' (uses the same 3 x 4 data as "
            "the 'Weighted sum model' example; method attributed to Bridgman (1922) and Miller & "
            "Starr (1969), details in Triantaphyllou, E. (2000). Multi-Criteria Decision Making "
            "Methods: A Comparative Study. Kluwer)"
        ),
        found_in=(
            "https://tickerdossier.com/wiki/weighted-product-model and "
            "http://w.owiki.org/wiki/Weighted_product_model (text: 'As data we use the same "
            "numerical values as in the numerical example described for the weighted sum model'); "
            "numbers from the WSM example mirrors and quatrope/scikit-criteria "
            "tests/madm/test_wprod.py"
        ),
        **_WIKI_3X4,
        preferences=None,
        expected={},
        decimals={"ratios": 3},
        expected_source="recomputed",
        recomputed={
            "ratios": {("A1", "A2"): 1.0074, ("A1", "A3"): 1.0671, ("A2", "A3"): 1.0592},
            "scores": [20.6281, 20.4767, 19.3318],
            "ranks": [1, 2, 3],
        },
        note=(
            "Only the inputs could be retrieved: the stored copies of the article end before "
            "the printed ratios, so no published output is asserted here. Recomputed "
            "P(AK/AL) = prod_j (a_Kj/a_Lj)^w_j and the equivalent scores prod_j a_ij^w_j "
            "(ratio of scores = pairwise ratio). A test may check the ratios/ranking against "
            "'recomputed', but must not present them as published."
        ),
    ),
    # --------------------------------------------------------------------------------- TOPSIS
    dict(
        id="topsis_hwang_yoon_1981_aircraft",
        method="topsis",
        params={"normalization": "vector", "distance": "euclidean"},
        normalize_weights=True,
        citation=(
            "Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and "
            "Applications. A State-of-the-Art Survey. Lecture Notes in Economics and Mathematical "
            "Systems 186, Springer, doi:10.1007/978-3-642-48318-9, TOPSIS numerical example "
            "(fighter aircraft selection), pp. 133-134"
        ),
        found_in=(
            "ldss-hse/ldss-benchmark benchmark/methods/topsis/test_core.py (book's normalised "
            "matrix, ideal/anti-ideal, separation measures, closeness; 'Example taken from "
            "TOPSIS book, page 133' in benchmark/assessments/decision_matrix.py; weights in "
            "tasks/1_aircraft/task.json); independently a TypeScript example using the mcdajs "
            "package ('pdfResults', source 'pp. 133-134'; stored file id 68365998380, repository "
            "not named by the index). Both sources agree on every number."
        ),
        **_AIRCRAFT,
        preferences=None,
        expected={
            "scores": [0.643, 0.268, 0.613, 0.312],
            "ranks": [1, 4, 2, 3],
            "details": {
                "d_plus": [0.0545, 0.1197, 0.0580, 0.1009],
                "d_minus": [0.0983, 0.0439, 0.0920, 0.0458],
                "ideal": [0.1168, 0.0659, 0.0531, 0.0414, 0.1347, 0.2012],
                "anti_ideal": [0.0841, 0.0366, 0.0455, 0.0598, 0.0577, 0.1118],
            },
        },
        decimals={"scores": 3, "d_plus": 4, "d_minus": 4, "ideal": 4, "anti_ideal": 4},
        atol={
            "scores": 1.0e-3,
            "d_plus": 1.0e-4,
            "d_minus": 1.0e-4,
            "ideal": 2.0e-4,
            "anti_ideal": 2.0e-4,
        },
        expected_source="published",
        note=(
            "Vector normalisation, weights 0.2/0.1/0.1/0.1/0.2/0.3, X4 (cost) is the only cost "
            "criterion (ideal = min). The book rounds to 4 decimals at every step and its "
            "normalised cost column X4 is slightly off (book 0.5063/0.5983/0.4143/0.4603, exact "
            "0.50685/0.59901/0.41470/0.46078; ldss-benchmark: 'the original book example seems "
            "to contain errors during normalization'). Exact recomputation: C* = [0.64328, "
            "0.26838, 0.61354, 0.31229], d+ = [0.05456, 0.11968, 0.05798, 0.10094], d- = "
            "[0.09838, 0.04390, 0.09204, 0.04584], ideal X4 = 0.04147, anti-ideal X4 = 0.05990. "
            "Three printed values are more than half a unit of the last digit away: C*(A3) "
            "0.613 vs 0.61354, d+(A1) 0.0545 vs 0.05456 (ldss-benchmark asserts 0.0546 and notes "
            "the book's 0.0545), d-(A1) 0.0983 vs 0.09838 (the book's own rounded weighted "
            "matrix gives 0.098345). Hence the atol overrides (one unit of the last printed "
            "digit; two for the ideal points because of the X4 normalisation error). The "
            "ranking A1 > A3 > A4 > A2 is unaffected."
        ),
    ),
    dict(
        id="topsis_tzeng_huang_2011_4x3",
        method="topsis",
        params={"normalization": "vector", "distance": "euclidean"},
        normalize_weights=True,
        citation=(
            "Tzeng, G.-H. & Huang, J.-J. (2011). Multiple Attribute Decision Making: Methods and "
            "Applications. CRC Press, TOPSIS example (4 alternatives x 3 benefit criteria); the "
            "page/table was not identified in the retrieved text"
        ),
        found_in=(
            "quatrope/scikit-criteria tests/agg/test_topsis.py (test_TOPSIS_tzeng2011multiple) "
            "and tests/madm/test_topsis.py"
        ),
        alternatives=["A1", "A2", "A3", "A4"],
        criteria=["C1", "C2", "C3"],
        directions=["max", "max", "max"],
        weights=[0.3, 0.4, 0.3],
        matrix=[[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]],
        preferences=None,
        expected={"scores": [0.5037, 0.6581, 0.7482, 0.3340], "ranks": [3, 2, 1, 4]},
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "Vector normalisation, all benefit criteria, Euclidean distances. Recomputation: "
            "[0.503720, 0.658085, 0.748249, 0.333997], matches to 4 decimals."
        ),
    ),
    dict(
        id="topsis_ersoy_2021_ecommerce_equipment",
        method="topsis",
        params={"normalization": "vector", "distance": "euclidean"},
        normalize_weights=True,
        citation=_ERSOY_CITATION,
        found_in=_PYREPO_TESTS_1 + " (class Test_TOPSIS)",
        **_ERSOY_2021,
        preferences=None,
        expected={
            "scores": [0.308, 0.254, 0.327, 0.263, 0.857, 0.192],
            "ranks": [3, 5, 2, 4, 1, 6],
        },
        decimals={"scores": 3},
        atol={"scores": 1.0e-3},
        expected_source="published",
        note=(
            "Vector normalisation, entropy weights as printed (3 decimals, sum 1.000), C5 and C6 "
            "cost. DISCREPANCY: exact recomputation gives [0.30747, 0.25363, 0.32718, 0.26233, "
            "0.85625, 0.19136]; four of six printed values (A1, A4, A5, A6) are 0.0005-0.0008 "
            "away, i.e. off by one in the third decimal, presumably because the paper used "
            "unrounded entropy weights or rounded intermediates. pyrepo-mcda therefore only "
            "compares at 2 decimals. Ranking identical (A5 > A3 > A1 > A4 > A2 > A6). atol 1e-3 "
            "(one unit of the printed digit)."
        ),
    ),
    dict(
        id="topsis_opricovic_tzeng_2004_climber_f",
        method="topsis",
        params={"normalization": "vector", "distance": "euclidean"},
        normalize_weights=True,
        citation=(
            "Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: A "
            "comparative analysis of VIKOR and TOPSIS. European Journal of Operational Research "
            "156(2), 445-455, doi:10.1016/S0377-2217(03)00020-1, numerical example (input in "
            "Tables 1-2, TOPSIS output in Table 3 according to a secondary source)"
        ),
        found_in=(
            "inputs: quatrope/scikit-criteria tests/agg/test_vikor.py "
            "(test_VIKOR_opricovic2004compromise) and the pymcdm unit tests (TestTOPSIS); "
            "secondary statement of the published outcome: a TypeScript method-content file "
            "('Source: docs/research/methods/topsis.md', stored file id 71179077951, repository "
            "not named by the index)"
        ),
        alternatives=["A1", "A2", "A3"],
        criteria=["Risk", "Altitude"],
        directions=["min", "max"],
        weights=[0.5, 0.5],
        matrix=[[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]],
        preferences=None,
        expected={},
        decimals={"scores": 3},
        expected_source="recomputed",
        recomputed={"scores": [0.76214, 0.72218, 0.23786], "ranks": [1, 2, 3]},
        note=(
            "The printed closeness values were not retrieved. The paper uses vector "
            "normalisation for TOPSIS (abstract: 'In VIKOR linear normalization and in TOPSIS "
            "vector normalization is used'); a secondary source states the closeness values "
            "match the printed 3 decimals with vector normalisation and that the winner is A1 "
            "in this encoding and A2 in the shifted encoding (see the _phi entry). pymcdm's "
            "test asserts [0.500, 0.617, 0.500] for this matrix, but that is TOPSIS with "
            "min-max normalisation (we reproduce it exactly with min-max), NOT the paper's "
            "vector-normalised TOPSIS; do not use pymcdm's numbers as published values."
        ),
    ),
    dict(
        id="topsis_opricovic_tzeng_2004_climber_phi",
        method="topsis",
        params={"normalization": "vector", "distance": "euclidean"},
        normalize_weights=True,
        citation=(
            "Opricovic, S. & Tzeng, G.-H. (2004). EJOR 156(2), 445-455, numerical example, second "
            "(shifted) encoding of the same data"
        ),
        found_in=(
            "quatrope/scikit-criteria tests/agg/test_vikor.py (test_VIKOR_opricovic2004compromise, "
            "alt=True: risk + 5, altitude / 1000 - 1)"
        ),
        alternatives=["A1", "A2", "A3"],
        criteria=["Risk (shifted)", "Altitude (km above 1 km)"],
        directions=["min", "max"],
        weights=[0.5, 0.5],
        matrix=[[6.0, 2.0], [7.0, 2.75], [10.0, 3.5]],
        preferences=None,
        expected={},
        decimals={"scores": 3},
        expected_source="recomputed",
        recomputed={"scores": [0.48894, 0.61209, 0.51106], "ranks": [3, 1, 2]},
        note=(
            "Transformation (risk + 5, altitude/1000 - 1) taken from scikit-criteria's test; that "
            "it is exactly the paper's second encoding is not confirmed by a retrieved text. "
            "Recomputed vector-normalised TOPSIS makes A2 the winner here while A1 wins in the "
            "original units, which is the rank reversal the secondary source reports. VIKOR "
            "gives identical S, R, Q in both encodings (see the VIKOR entry)."
        ),
    ),
    # ---------------------------------------------------------------------------------- VIKOR
    dict(
        id="vikor_opricovic_tzeng_2004_climber",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=(
            "Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: A "
            "comparative analysis of VIKOR and TOPSIS. European Journal of Operational Research "
            "156(2), 445-455, doi:10.1016/S0377-2217(03)00020-1, numerical example, Tables 1-3 "
            "(table numbers per a secondary source)"
        ),
        found_in=(
            _SKC_VIKOR
            + " (test_VIKOR_opricovic2004compromise: S, R, Q); "
            + _PYMCDM_TESTS
            + " (TestVIKOR.test_output_opricovic: Q = [1, 0, 1])"
        ),
        alternatives=["A1", "A2", "A3"],
        criteria=["Risk", "Altitude"],
        directions=["min", "max"],
        weights=[0.5, 0.5],
        matrix=[[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]],
        preferences=None,
        expected={
            "scores": [1.0, 0.0, 1.0],
            "ranks": [2, 1, 2],
            "details": {"S": [0.5, 0.375, 0.5], "R": [0.5, 0.25, 0.5]},
            "compromise": ["A2"],
        },
        decimals={"scores": 3, "S": 3, "R": 3},
        expected_source="published",
        note=(
            "Linear normalisation (f* - f)/(f* - f-), v = 0.5 (a secondary source notes the "
            "paper does not state v explicitly; Q here does not depend on v because S and R "
            "order the alternatives identically). Q is lower-is-better. A2 is the compromise "
            "(acceptable advantage and stability hold per scikit-criteria and the secondary "
            "source). The values are exact fractions; decimals = 3 is our assumption for the "
            "printed precision. The shifted encoding (risk + 5, altitude/1000 - 1) gives "
            "identical S, R, Q."
        ),
    ),
    dict(
        id="vikor_opricovic_tzeng_2007_w1_equal",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=_OT2007_CITATION + ", weight set W1",
        found_in=_SKC_VIKOR + " (test_VIKOR_opricovic2007extended, W=1)",
        **_OT2007,
        weights=[1, 1, 1, 1, 1, 1, 1, 1],
        preferences=None,
        expected={
            "scores": [0.991, 1.0, 0.473, 0.670, 0.0, 0.578],
            "ranks": [5, 6, 2, 4, 1, 3],
            "details": {
                "S": [0.692, 0.7, 0.29, 0.423, 0.28, 0.346],
                "R": [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
            },
        },
        decimals={"scores": 3, "S": 3, "R": 3},
        expected_source="published",
        note=_OT2007_NOTE,
    ),
    dict(
        id="vikor_opricovic_tzeng_2007_w2",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=_OT2007_CITATION + ", weight set W2",
        found_in=_SKC_VIKOR + " (test_VIKOR_opricovic2007extended, W=2)",
        **_OT2007,
        weights=[2, 2, 2, 2, 1, 1, 1, 1],
        preferences=None,
        expected={
            "scores": [1.0, 0.533, 0.552, 0.563, 0.0, 0.686],
            "ranks": [6, 2, 3, 4, 1, 5],
            "details": {
                "S": [0.701, 0.6, 0.386, 0.365, 0.317, 0.459],
                "R": [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
            },
        },
        decimals={"scores": 3, "S": 3, "R": 3},
        expected_source="published",
        note=_OT2007_NOTE,
    ),
    dict(
        id="vikor_opricovic_tzeng_2007_w3",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=_OT2007_CITATION + ", weight set W3",
        found_in=_SKC_VIKOR + " (test_VIKOR_opricovic2007extended, W=3)",
        **_OT2007,
        weights=[1, 1, 1, 1, 2, 2, 2, 2],
        preferences=None,
        expected={
            "scores": [0.684, 1.0, 0.147, 0.554, 0.041, 0.191],
            "ranks": [5, 6, 2, 4, 1, 3],
            "details": {
                "S": [0.683, 0.8, 0.193, 0.48, 0.243, 0.232],
                "R": [0.113, 0.167, 0.08, 0.122, 0.044, 0.083],
            },
        },
        decimals={"scores": 3, "S": 3, "R": 3},
        expected_source="published",
        note=_OT2007_NOTE,
    ),
    dict(
        id="vikor_opricovic_tzeng_2007_w4",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=_OT2007_CITATION + ", weight set W4",
        found_in=_SKC_VIKOR + " (test_VIKOR_opricovic2007extended, W=4)",
        **_OT2007,
        weights=[1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2],
        preferences=None,
        expected={
            "scores": [0.668, 1.0, 0.051, 0.588, 0.058, 0.078],
            "ranks": [5, 6, 1, 4, 2, 3],
            "details": {
                "S": [0.678, 0.857, 0.138, 0.513, 0.222, 0.167],
                "R": [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
            },
        },
        decimals={"scores": 3, "S": 3, "R": 3},
        expected_source="published",
        note=_OT2007_NOTE
        + (
            " With W4, A3 (Q = 0.051) and A5 (Q = 0.058) are within DQ = 1/(m-1) = 0.2, so by "
            "the VIKOR rules the compromise is a set ({A3, A5, A6}, the set scikit-criteria's "
            "test also lists), not a single alternative; the ranks given are the plain Q order."
        ),
    ),
    dict(
        id="vikor_papathanasiou_ploskas_2018",
        method="vikor",
        params={"v": 0.625},
        normalize_weights=True,
        citation=(
            "Papathanasiou, J. & Ploskas, N. (2018). VIKOR. In: Multiple Criteria Decision Aid, "
            "Springer, Cham, pp. 31-55 (chapter's numerical example); the table number was not "
            "identified in the retrieved text"
        ),
        found_in=_PYREPO_TESTS_1 + " (class Test_VIKOR; ranks in Test_Rank_preferences)",
        **_PAPATHANASIOU_6X4,
        preferences=None,
        expected={
            "scores": [0.640, 1.000, 0.693, 0.271, 0.000, 0.694],
            "ranks": [3, 6, 4, 2, 1, 5],
        },
        decimals={"scores": 3},
        expected_source="published",
        note=(
            "v = 0.625 = (n + 1)/(2n) with n = 4 criteria (the 'modified v' convention), not 0.5. "
            "All criteria benefit, weights sum to 1. Scores = Q (lower is better). Recomputation: "
            "S = [0.628571, 0.766667, 0.600952, 0.309524, 0.08, 0.516190], R = [0.2, 0.4, "
            "0.266667, 0.133333, 0.08, 0.333333], Q = [0.6399, 1, 0.6929, 0.2714, 0, 0.6939]; "
            "Q matches. S and R are not asserted because their printed values were not retrieved."
        ),
    ),
    dict(
        id="vikor_yang_wu_2020",
        method="vikor",
        params={"v": 0.5},
        normalize_weights=True,
        citation=(
            "Yang, W. & Wu, Y. (2020). A new improvement method to avoid rank reversal in VIKOR. "
            "IEEE Access 8, 21261-21271 (classical VIKOR example); the table number was not "
            "identified in the retrieved text"
        ),
        found_in=_PYMCDM_TESTS + " (TestVIKOR.test_output_yang)",
        alternatives=["A1", "A2", "A3", "A4", "A5"],
        criteria=["C1", "C2", "C3", "C4"],
        directions=["max", "max", "max", "max"],
        weights=[0.25, 0.25, 0.25, 0.25],
        matrix=[
            [78, 56, 34, 6],
            [4, 45, 3, 97],
            [18, 2, 50, 63],
            [9, 14, 11, 92],
            [85, 9, 100, 29],
        ],
        preferences=None,
        expected={"scores": [0.5679, 0.7667, 1.0, 0.7493, 0.0], "ranks": [2, 4, 5, 3, 1]},
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "Classical VIKOR, v = 0.5 (pymcdm default), equal weights, all benefit. "
            "Recomputation: Q = [0.56791, 0.76673, 1, 0.74928, 0], matches."
        ),
    ),
    # ----------------------------------------------------------------------------- PROMETHEE II
    dict(
        id="promethee2_papathanasiou_ploskas_2018_linear",
        method="promethee2",
        params={"flow_normalization": "1/(n-1)"},
        normalize_weights=True,
        citation=(
            "Papathanasiou, J. & Ploskas, N. (2018). PROMETHEE. In: Multiple Criteria Decision "
            "Aid, Springer, Cham, pp. 57-89, doi:10.1007/978-3-319-91648-4_3 (chapter's "
            "numerical example); the table number was not identified in the retrieved text"
        ),
        found_in=_PYREPO_TESTS_2 + " (class Test_PROMETHEE_II)",
        **_PAPATHANASIOU_6X4,
        preferences=[{"function": "linear", "q": 1, "p": 2}] * 4,
        expected={"scores": [-0.26, -0.52, -0.22, 0.36, 0.70, -0.06], "ranks": [5, 6, 4, 2, 1, 3]},
        decimals={"scores": 2},
        expected_source="published",
        note=(
            "Linear preference function with indifference q = 1 and preference p = 2 on every "
            "criterion (pyrepo's _linear_function), all benefit, weights sum to 1, flows divided "
            "by n - 1. Recomputation: phi = [-0.26, -0.52, -0.22, 0.36, 0.70, -0.06] exactly "
            "(phi+ = [0.28, 0.14, 0.22, 0.52, 0.78, 0.26], phi- = [0.54, 0.66, 0.44, 0.16, 0.08, "
            "0.32]; these flows were not retrieved as printed values, so they are not asserted)."
        ),
    ),
    dict(
        id="promethee2_zhao_peng_li_2013_usual",
        method="promethee2",
        params={"flow_normalization": "1/(n-1)"},
        normalize_weights=True,
        citation=(
            "Zhao, H., Peng, Y. & Li, W. (2013). Revised PROMETHEE II for improving efficiency in "
            "emergency response. Procedia Computer Science 17, 181-188 (classical PROMETHEE II "
            "example); the table number was not identified in the retrieved text"
        ),
        found_in=_PYMCDM_TESTS + " (TestPROMETHEE_II.test_output)",
        alternatives=["A1", "A2", "A3"],
        criteria=["C1", "C2", "C3"],
        directions=["max", "max", "max"],
        weights=[0.5, 0.3, 0.2],
        matrix=[[4, 3, 2], [3, 2, 4], [5, 1, 3]],
        preferences=[{"function": "usual"}] * 3,
        expected={"scores": [0.1, -0.3, 0.2], "ranks": [2, 3, 1]},
        decimals={"scores": 2},
        expected_source="published",
        note=(
            "Usual criterion on all criteria, flows divided by n - 1 = 2. Recomputation: "
            "phi+ = [0.55, 0.35, 0.60], phi- = [0.45, 0.65, 0.40], phi = [0.1, -0.3, 0.2] "
            "exactly. With plain sums (no 1/(n-1)) the net flows would be doubled."
        ),
    ),
    dict(
        id="promethee2_ziemba_2019_prosa_linear",
        method="promethee2",
        params={"flow_normalization": "1/(n-1)"},
        normalize_weights=True,
        citation=(
            "Ziemba, P. (2019). Towards strong sustainability management - A generalized PROSA "
            "method. Sustainability 11(6), 1555, doi:10.3390/su11061555 (PROMETHEE II results "
            "reported for comparison with PROSA); the table number was not identified in the "
            "retrieved text"
        ),
        found_in=_PYREPO_TESTS_2 + " (class Test_PROMETHEE_II_2)",
        alternatives=[f"A{i}" for i in range(1, 10)],
        criteria=[f"C{j}" for j in range(1, 13)],
        directions=[
            "min",
            "min",
            "max",
            "min",
            "max",
            "max",
            "min",
            "max",
            "max",
            "min",
            "min",
            "max",
        ],
        weights=[0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1, 1, 0.4, 0.20, 0.40, 1],
        matrix=[
            [38723, 33207, 0, 3375, 11.36, -320.9, 203.7, 0, 0, 1, 21.5, 0],
            [34913, 32085, 0.2, 3127, 12.78, -148.4, 463, 11.7, 4.9, 1, 47.9, 3.7],
            [25596, 2123, 5, 3547, 12.78, -148.4, 356.2, 44.8, 10.7, 1, 27.7, 4.5],
            [34842, 32095, 0.2, 3115, 12.86, -9.9, 552.5, 11.7, 5.4, 3.5, 39.7, 10.3],
            [22570, 1445, 0.2, 3090, 12.86, -9.9, 295, 95.9, 11.2, 4, 1.5, 11.5],
            [39773, 17485, 0.2, 4135, 17, 0, 383, 95.9, 11.2, 4, 22.7, 11.5],
            [19500, 868, 99, 3160, 12.86, -9.9, 264, 116.8, 11.2, 4, 2.7, 11.3],
            [34525, 16958, 99, 4295, 17, 0, 352, 116.8, 11.2, 4, 23.9, 11.3],
            [16486, 958, 99, 3653, 12.86, -9.9, 264, 164.9, 11.2, 4, 1, 11.4],
        ],
        preferences=[
            {"function": "linear", "q": 420, "p": 2100},
            {"function": "linear", "q": 1000, "p": 5000},
            {"function": "linear", "q": 10, "p": 50},
            {"function": "linear", "q": 40, "p": 200},
            {"function": "linear", "q": 1, "p": 5},
            {"function": "linear", "q": 7, "p": 20},
            {"function": "linear", "q": 50, "p": 100},
            {"function": "linear", "q": 20, "p": 80},
            {"function": "linear", "q": 1, "p": 4},
            {"function": "linear", "q": 1, "p": 2},
            {"function": "linear", "q": 4.6, "p": 23},
            {"function": "linear", "q": 1, "p": 3},
        ],
        expected={
            "scores": [-0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296, 0.1626, 0.4554],
            "ranks": [8, 9, 6, 7, 3, 5, 2, 4, 1],
        },
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "Linear (type V) preference function with per-criterion q and p, weights as printed "
            "(sum 6.0) divided by their sum, flows divided by n - 1. The source matrix is given "
            "criteria x alternatives; it is transposed here (pyrepo does matrix.T). Column C6 "
            "has negative values, fine for PROMETHEE (differences only). Recomputation agrees "
            "with every printed net flow to within 5e-5 (max deviation 4.7e-5)."
        ),
    ),
    dict(
        id="promethee2_ziemba_2017_offshore_wind_vshape",
        method="promethee2",
        params={"flow_normalization": "1/(n-1)"},
        normalize_weights=True,
        citation=(
            "Ziemba, P., Watrobski, J., Ziolo, M. & Karczmarczyk, A. (2017). Using the PROSA "
            "method in offshore wind farm location problems. Energies 10(11), 1755, "
            "doi:10.3390/en10111755 (PROMETHEE II results reported for comparison); the table "
            "number was not identified in the retrieved text"
        ),
        found_in=_PYREPO_TESTS_2 + " (class Test_PROMETHEE_II_3)",
        alternatives=["A1", "A2", "A3", "A4"],
        criteria=[f"C{j}" for j in range(1, 13)],
        directions=[
            "min",
            "min",
            "min",
            "min",
            "min",
            "max",
            "min",
            "min",
            "max",
            "min",
            "max",
            "max",
        ],
        weights=[20, 5, 5, 1.67, 1.67, 11.67, 11.67, 5, 5, 16.67, 8.33, 8.33],
        matrix=[
            [16347, 9, 73.8, 36.7, 1.5, 3730, 2, 1, 38.8, 4, 1720524, 40012],
            [14219, 8.5, 55, 36, 2, 3240, 1, 1, 33.1, 2, 1496512, 34803],
            [8160, 9, 64.8, 28.5, 2, 1860, 2, 2, 45.8, 4, 858830, 19973],
            [8160, 8.5, 62.5, 29.5, 1.5, 1860, 1, 3, 27.3, 3, 858830, 19973],
        ],
        preferences=[
            {"function": "v-shape", "p": 7280},
            {"function": "v-shape", "p": 4},
            {"function": "v-shape", "p": 13.4},
            {"function": "v-shape", "p": 7.4},
            {"function": "v-shape", "p": 3},
            {"function": "v-shape", "p": 1662},
            {"function": "v-shape", "p": 3},
            {"function": "v-shape", "p": 3},
            {"function": "v-shape", "p": 13.8},
            {"function": "v-shape", "p": 3},
            {"function": "v-shape", "p": 766240},
            {"function": "v-shape", "p": 17820},
        ],
        expected={"scores": [-0.0445, 0.1884, -0.0954, -0.0485], "ranks": [2, 1, 4, 3]},
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "V-shape (type III) preference with per-criterion p, weights as printed (percent-like, "
            "sum 100.01) divided by their sum, flows divided by n - 1. Source matrix is criteria "
            "x alternatives, transposed here. Recomputation: [-0.04450, 0.18838, -0.09538, "
            "-0.04851], matches to 4 decimals."
        ),
    ),
    dict(
        id="promethee2_brans_vincke_mareschal_1986_six_projects",
        method="promethee2",
        params={"flow_normalization": "1/(n-1)"},
        normalize_weights=True,
        citation=(
            "Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank "
            "projects: The PROMETHEE method. European Journal of Operational Research 24(2), "
            "228-238, doi:10.1016/0377-2217(86)90044-5, numerical example (six projects, six "
            "criteria, one generalised criterion type per criterion, equal weights); the table "
            "number of the printed flows was not identified"
        ),
        found_in=(
            "inputs: calote/TDecisionCodigo tests/Multicriterio/testPrometheeGaia01.R (matrix, "
            "equal weights, preference table 'num.funcion, qi, pi, si'); the same matrix, "
            "thresholds and function types (with other weights) appear in Python PROMETHEE-module "
            "tests (index ids 38102151620, 37829095603; import paths modular_parts/core as in "
            "WAndraszyk/Construct-your-own-PROMETHEE-with-Python-for-MCDA). Published ranking: "
            "stated in a TypeScript method-content "
            "file ('Source: docs/research/methods/promethee-ii.md', stored file id 71638011308, "
            "repository not named by the index), which reports recomputing the paper's example "
            "(input via Mareschal 2019, Table 1)"
        ),
        alternatives=["a1", "a2", "a3", "a4", "a5", "a6"],
        criteria=["f1", "f2", "f3", "f4", "f5", "f6"],
        directions=["min", "max", "min", "min", "min", "max"],
        weights=[1, 1, 1, 1, 1, 1],
        matrix=[
            [80, 90, 6, 5.4, 8, 5],
            [65, 58, 2, 9.7, 1, 1],
            [83, 60, 4, 7.2, 4, 7],
            [40, 80, 10, 7.5, 7, 10],
            [52, 72, 6, 2.0, 3, 8],
            [94, 96, 7, 3.6, 5, 6],
        ],
        preferences=[
            {"function": "u-shape", "q": 10},
            {"function": "v-shape", "p": 30},
            {"function": "linear", "q": 0.5, "p": 5},
            {"function": "level", "q": 1, "p": 6},
            {"function": "usual"},
            {"function": "gaussian", "s": 5},
        ],
        expected={"ranks": [6, 2, 5, 3, 1, 4]},
        decimals={},
        expected_source="published",
        recomputed={
            "scores": [-0.1457, 0.0172, -0.0895, -0.0200, 0.2929, -0.0549],
            "phi_plus": [0.2199, 0.3963, 0.2466, 0.3293, 0.4547, 0.3001],
            "phi_minus": [0.3655, 0.3791, 0.3362, 0.3493, 0.1618, 0.3549],
        },
        note=(
            "Only the RANKING a5 > a2 > a4 > a6 > a3 > a1 is asserted, and it comes from a "
            "secondary source: the paper's printed flows were not retrieved. That source says "
            "the 1986 paper reports plain sums (no 1/(n-1)) and rounds pi before summing, so "
            "net flows differ from an exact recomputation by up to 0.002; the ranking is "
            "unaffected, and it also says PROMETHEE I shows a1 and a2 incomparable. Directions: "
            "f1, f3, f4, f5 minimised, f2, f6 maximised (the R test encodes MIN criteria as "
            "negated values). Preference types: f1 type II U-shape q = 10; f2 type III V-shape "
            "p = 30; f3 type V linear q = 0.5, p = 5; f4 type IV level q = 1, p = 6; f5 type I "
            "usual; f6 type VI Gaussian s = 5. Our recomputation (1/(n-1) flows) reproduces the "
            "ranking; the recomputed flows are given for information only."
        ),
    ),
    # ------------------------------------------------------------ optional scikit-criteria ones
    dict(
        id="skc_waspas_chakraborty_2015_example2_lambda05",
        method="skc-waspas",
        params={"lambda": 0.5, "normalization": "max"},
        normalize_weights=True,
        citation=(
            _CHAKRABORTY_2015 + ", Example 2, WASPAS joint criterion Q = 0.5 Q_WSM + 0.5 Q_WPM; "
            "the table number was not identified in the retrieved text"
        ),
        found_in=_SKC_SIMPLE + " (test_WASPAS_chakraborty2015applications, lambda_value=0.5)",
        **_CHAKRABORTY_EX2,
        preferences=None,
        expected={
            "scores": [
                0.8584,
                0.8169,
                0.8419,
                0.9417,
                0.8638,
                0.8278,
                0.8503,
                0.8949,
                0.9027,
                0.8740,
            ],
            "ranks": [6, 10, 8, 1, 5, 9, 7, 3, 2, 4],
        },
        decimals={"scores": 4},
        atol={"scores": 1.0e-4},
        expected_source="published",
        note=(
            "Same data as the wsm/wpm Chakraborty entries. Recomputation matches to 4 decimals "
            "except A5: exact 0.863858 vs printed 0.8638 (5.8e-5 away, intermediate rounding in "
            "the paper), hence atol 1e-4. "
            "The scikit-criteria test has the full lambda grid 0, 0.1, ..., 1."
        ),
    ),
    dict(
        id="skc_waspas_chakraborty_2015_8x7_unnormalised_weights",
        method="skc-waspas",
        params={"lambda": 0.5, "normalization": "max"},
        normalize_weights=False,
        citation=(
            _CHAKRABORTY_2015 + " (pymcdm's WASPAS reference; which of the paper's examples and "
            "which table was not stated in the retrieved text)"
        ),
        found_in=_PYMCDM_TESTS + " (TestWASPAS.test_output)",
        alternatives=[f"A{i}" for i in range(1, 9)],
        criteria=[f"C{j}" for j in range(1, 8)],
        directions=["max", "max", "max", "max", "max", "min", "min"],
        weights=[0.1181, 0.1181, 0.0445, 0.1181, 0.2861, 0.2861, 0.0445],
        matrix=[
            [30, 23, 5, 0.745, 0.745, 1500, 5000],
            [18, 13, 15, 0.745, 0.745, 1300, 6000],
            [15, 12, 10, 0.500, 0.500, 950, 7000],
            [25, 20, 13, 0.745, 0.745, 1200, 4000],
            [14, 18, 14, 0.255, 0.745, 950, 3500],
            [17, 15, 9, 0.745, 0.500, 1250, 5250],
            [23, 18, 20, 0.500, 0.745, 1100, 3000],
            [16, 8, 14, 0.255, 0.500, 1500, 3000],
        ],
        preferences=None,
        expected={
            "scores": [0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749],
            "ranks": [3, 5, 7, 1, 4, 6, 2, 8],
        },
        decimals={"scores": 4},
        expected_source="published",
        recomputed={
            "wsm": [0.85942, 0.80651, 0.71936, 0.89411, 0.82946, 0.71695, 0.88442, 0.59335],
            "wpm": [0.80646, 0.77021, 0.67812, 0.87210, 0.76467, 0.69032, 0.86125, 0.55643],
        },
        note=(
            "The printed weights sum to 1.0155, and the published scores are reproduced only "
            "when they are used AS PRINTED (no renormalisation): 0.5 * sum w r + 0.5 * prod "
            "r^w with linear max normalisation. Recomputation: [0.83294, 0.78836, 0.69874, "
            "0.88311, 0.79706, 0.70363, 0.87284, 0.57489], matches. A useful test that an "
            "implementation does not silently rescale weights, or documents that it does."
        ),
    ),
    dict(
        id="skc_copras_goswami_mitra_2020_mobiles",
        method="skc-copras",
        params={"score": "utility degree N_i = Q_i / max Q"},
        normalize_weights=True,
        citation=_GOSWAMI_CITATION + " (COPRAS part)",
        found_in=_PYREPO_TESTS_2 + " (class Test_COPRAS)",
        **_GOSWAMI_2020,
        preferences=None,
        expected={
            "scores": [
                1.0,
                0.85262,
                0.91930,
                0.68523,
                0.80515,
                0.72587,
                0.83436,
                0.79758,
                0.79097,
                0.79533,
            ],
            "ranks": [1, 3, 2, 10, 5, 9, 4, 6, 8, 7],
        },
        decimals={"scores": 5},
        expected_source="published",
        note=(
            "COPRAS: d = x / column sum, weighted; S+ over benefit, S- over cost; "
            "Q = S+ + sum(S-) / (S- * sum(1/S-)); score = Q / max Q. Recomputation matches to 5 "
            "decimals. scikit-criteria's COPRAS may report Q rather than the utility degree; "
            "compare the ranking, or divide by max Q."
        ),
    ),
    dict(
        id="skc_aras_goswami_mitra_2020_mobiles",
        method="skc-aras",
        params={"score": "utility degree K_i = S_i / S_0", "ideal": "max benefit / min cost"},
        normalize_weights=True,
        citation=_GOSWAMI_CITATION + " (ARAS part)",
        found_in=_PYREPO_TESTS_2 + " (class Test_ARAS)",
        **_GOSWAMI_2020,
        preferences=None,
        expected={
            "scores": [
                0.68915,
                0.58525,
                0.62793,
                0.46666,
                0.54924,
                0.49801,
                0.56959,
                0.54950,
                0.54505,
                0.53549,
            ],
            "ranks": [1, 3, 2, 10, 6, 9, 4, 5, 7, 8],
        },
        decimals={"scores": 5},
        expected_source="published",
        note=(
            "ARAS: optimal row x0 = column max (benefit) / min (cost) added; cost columns "
            "replaced by 1/x; sum normalisation over the m + 1 rows; S_i = sum w r; K_i = "
            "S_i / S_0. Recomputation matches to 5 decimals."
        ),
    ),
    dict(
        id="skc_aras_stanujkic_2015_recruitment",
        method="skc-aras",
        params={"score": "utility degree K_i = S_i / S_0", "ideal": "max benefit / min cost"},
        normalize_weights=True,
        citation=(
            "Stanujkic, D., Djordjevic, B. & Karabasevic, D. (2015). Selection of candidates in "
            "the process of recruitment and selection of personnel based on the SWARA and ARAS "
            "methods. Quaestus (7), 53; the table number was not identified in the retrieved text"
        ),
        found_in=_PYMCDM_TESTS + " (TestARAS.test_output)",
        alternatives=["A1", "A2", "A3", "A4"],
        criteria=["C1", "C2", "C3", "C4", "C5", "C6"],
        directions=["max"] * 6,
        weights=[0.28, 0.25, 0.19, 0.15, 0.08, 0.04],
        matrix=[
            [4.64, 3.00, 3.00, 3.00, 2.88, 3.63],
            [4.00, 4.00, 4.64, 3.56, 3.63, 5.00],
            [3.30, 4.31, 3.30, 4.00, 3.30, 4.00],
            [2.62, 5.00, 4.22, 4.31, 5.00, 5.00],
        ],
        preferences=None,
        expected={"scores": [0.74, 0.86, 0.78, 0.86]},
        decimals={"scores": 2},
        expected_source="published",
        recomputed={"scores": [0.7413, 0.8610, 0.7793, 0.8566], "ranks": [4, 1, 3, 2]},
        note=(
            "All benefit. Printed to 2 decimals only, so A2 and A4 tie at 0.86 in print; the "
            "exact ranking (A2 > A4 > A3 > A1) is in 'recomputed', not asserted as published."
        ),
    ),
    dict(
        id="skc_edas_yazdani_2020_renewables",
        method="skc-edas",
        params={"score": "appraisal score AS = (NSP + NSN) / 2"},
        normalize_weights=True,
        citation=(
            "Yazdani, M., Torkayesh, A. E., Santibanez-Gonzalez, E. D. & Otaghsara, S. K. "
            "(2020). Evaluation of renewable energy resources using integrated Shannon "
            "Entropy-EDAS model. Sustainable Operations and Computers 1, 35-42; the table number "
            "was not identified in the retrieved text"
        ),
        found_in=_PYMCDM_TESTS + " (TestEDAS.test_output)",
        alternatives=["A1", "A2", "A3", "A4", "A5"],
        criteria=[f"C{j}" for j in range(1, 9)],
        directions=["min", "min", "min", "max", "max", "min", "max", "max"],
        weights=[0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117],
        matrix=[
            [3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130],
            [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
            [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570],
            [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
            [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200],
        ],
        preferences=None,
        expected={"scores": [0.841, 0.632, 0.883, 0.457, 0.104], "ranks": [2, 3, 1, 4, 5]},
        decimals={"scores": 3},
        expected_source="published",
        note=(
            "EDAS with the arithmetic mean as average solution; PDA/NDA per benefit/cost; "
            "NSP = SP / max SP, NSN = 1 - SN / max SN. Weights sum to 0.999 as printed. "
            "Recomputation: [0.84132, 0.63179, 0.88338, 0.45668, 0.10372], matches."
        ),
    ),
    dict(
        id="skc_edas_ersoy_2021_ecommerce_equipment",
        method="skc-edas",
        params={"score": "appraisal score AS = (NSP + NSN) / 2"},
        normalize_weights=True,
        citation=_ERSOY_CITATION + " (EDAS part)",
        found_in=_PYREPO_TESTS_1 + " (class Test_EDAS)",
        **_ERSOY_2021,
        preferences=None,
        expected={
            "scores": [0.414, 0.130, 0.461, 0.212, 0.944, 0.043],
            "ranks": [3, 5, 2, 4, 1, 6],
        },
        decimals={"scores": 3},
        expected_source="published",
        note=(
            "Same data as topsis_ersoy_2021. Recomputation: [0.41414, 0.12999, 0.46069, 0.21201, "
            "0.94434, 0.04296], matches to 3 decimals (unlike the TOPSIS part of the same paper)."
        ),
    ),
    dict(
        id="skc_moora_karabasevic_2015_mining_candidates",
        method="skc-moora",
        params={"variant": "ratio system", "normalization": "vector"},
        normalize_weights=False,
        citation=(
            "Karabasevic, D., Stanujkic, D., Urosevic, S. & Maksimovic, M. (2015). Selection of "
            "candidates in the mining industry based on the application of the SWARA and the "
            "MULTIMOORA methods. Acta Montanistica Slovaca 20(2) (ratio-system part); the table "
            "number was not identified in the retrieved text"
        ),
        found_in=_PYREPO_TESTS_1 + " (classes Test_MOORA and Test_MULTIMOORA, MULTIMOORA_RS)",
        alternatives=["A1", "A2", "A3"],
        criteria=[f"C{j}" for j in range(1, 8)],
        directions=["max"] * 7,
        weights=[0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073],
        matrix=[[4, 3, 3, 4, 3, 2, 4], [3, 3, 4, 3, 5, 4, 4], [5, 4, 4, 5, 5, 5, 4]],
        preferences=None,
        expected={"scores": [0.494, 0.527, 0.677], "ranks": [3, 2, 1]},
        decimals={"scores": 3},
        expected_source="published",
        note=(
            "Ratio system y_i = sum_benefit w r - sum_cost w r with vector normalisation, all "
            "benefit. The SWARA weights as printed sum to 0.999 and must be used as printed: "
            "recomputation with them gives [0.49436, 0.52695, 0.67746] (matches), whereas "
            "rescaling them to sum 1 gives [0.49486, 0.52748, 0.67814], which misses the printed "
            "0.494 and 0.677. The same test also "
            "lists reference-point values [0.046, 0.061, 0.000] (not included here)."
        ),
    ),
    dict(
        id="skc_moora_siregar_2021_selection_technique",
        method="skc-moora",
        params={"variant": "ratio system", "normalization": "vector"},
        normalize_weights=True,
        citation=(
            "Siregar, V. M. M., Tampubolon, M. R., Parapat, E. P. S., Malau, E. I. & Hutagalung, "
            "D. S. (2021). Decision support system for selection technique using MOORA method. "
            "IOP Conference Series: Materials Science and Engineering 1088(1), 012022; the table "
            "number was not identified in the retrieved text"
        ),
        found_in=_PYMCDM_TESTS + " (TestMOORA.test_output)",
        alternatives=[f"A{i}" for i in range(1, 8)],
        criteria=["C1", "C2", "C3", "C4"],
        directions=["min", "max", "max", "max"],
        weights=[0.3, 0.2, 0.1, 0.4],
        matrix=[
            [1.5, 3, 5, 3.3],
            [2, 7, 5, 3.35],
            [3, 1, 5, 3.07],
            [2.2, 4, 5, 3.5],
            [2, 5, 3, 3.09],
            [3.2, 2, 3, 3.48],
            [2.775, 3, 5, 3.27],
        ],
        preferences=None,
        expected={
            "scores": [0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197],
            "ranks": [2, 1, 7, 3, 4, 6, 5],
        },
        decimals={"scores": 4},
        expected_source="published",
        note=(
            "Ratio system with vector normalisation, C1 cost. Recomputation: [0.180120, "
            "0.234533, 0.062537, 0.175711, 0.168261, 0.074167, 0.119746], matches to 4 decimals."
        ),
    ),
]
