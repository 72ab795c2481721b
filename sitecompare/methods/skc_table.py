"""The table of scikit-criteria methods: one :class:`~.skc_spec.SkcSpec` per aggregation class.

Each entry names the library class, the published source, the preprocessing that reproduces
the method's published treatment of cost criteria (``direction: min``, stated in
``cost_convention``), the ``result.e_`` key holding its score, and the per-site ``details`` and
method-level ``info`` it reports. :mod:`.skc` runs them.
"""

from __future__ import annotations

from skcriteria.agg import (
    aras,
    cocoso,
    codas,
    copras,
    edas,
    electre,
    ervd,
    mabac,
    mairca,
    marcos,
    moora,
    ocra,
    probid,
    ram,
    rim,
    simple,
    simus,
    spotis,
    topsis,
    vikor,
    waspas,
)

from .base import Param
from .skc_spec import (
    ELECTRE_COST_TEXT,
    METRIC_PARAM,
    MINMAX_TEXT,
    RATIO_TEXT,
    VECTOR_TEXT,
    SkcSpec,
    electre1_hook,
    ervd_kwargs,
    multimoora_hook,
    nonzero_weight,
    not_constant_unless_anchored,
    rim_kwargs,
    spotis_kwargs,
    topsis_hook,
    unit_param,
    vikor_hook,
)

__all__ = ["SPECS"]

# Sources and conventions that two methods of one family share
_MOORA_2006 = (
    "Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method and its application to "
    "privatization in a transition economy. Control and Cybernetics 35(2), 445-469."
)
_MULTIMOORA_2010 = (
    "Brauers, W. K. M. & Zavadskas, E. K. (2010). Project management by MULTIMOORA as an "
    "instrument for transition economies. Technological and Economic Development of Economy "
    "16(1), 5-24."
)
_PROBID_2021 = (
    "Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking on the basis of "
    "ideal-average distance method for multi-criteria decision-making. Industrial & "
    "Engineering Chemistry Research 60(30), 11216-11230."
)
_PROBID_COST = (
    f"{VECTOR_TEXT}; cost criteria stay MIN, so the k-th ideal takes the k-th smallest cost value."
)

SPECS: tuple[SkcSpec, ...] = (
    SkcSpec(
        "skc-wsm",
        simple.WeightedSumModel,
        "Weighted sum (scikit-criteria)",
        "Weighted sum of min-max value scores; the best site has the highest sum.",
        "Fishburn, P. C. (1967). Additive utilities with incomplete product sets: application to "
        "priorities and assignments. Operations Research 15(3), 537-542.",
        f"{MINMAX_TEXT}, then the weighted sum: the same as the native wsm with minmax normalisation.",
        "minmax",
        "score",
        True,
        "weighted sum of 0-1 scores",
    ),
    SkcSpec(
        "skc-wpm",
        simple.WeightedProductModel,
        "Weighted product (scikit-criteria)",
        "Weighted product prod x^w of the raw values (cost x^-w); score is its log10.",
        "Bridgman, P. W. (1922). Dimensional Analysis. Yale University Press; Miller, D. W. & "
        "Starr, M. K. (1969). Executive Decisions and Operations Research. Prentice-Hall.",
        "Cost values enter as (1/x)^w = x^-w (skc InvertMinimize), exactly the published "
        "weighted product; all values must be > 0.",
        "reciprocal",
        "score",
        True,
        "log10 of the weighted product",
        domain="positive",
    ),
    SkcSpec(
        "skc-topsis",
        topsis.TOPSIS,
        "TOPSIS (scikit-criteria)",
        "Closeness to the ideal site versus the anti-ideal one after vector normalisation.",
        "Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and "
        "Applications. Lecture Notes in Economics and Mathematical Systems 186, Springer.",
        f"{VECTOR_TEXT}; cost criteria stay MIN, so the ideal takes their column minimum and the "
        "anti-ideal their maximum (textbook Hwang & Yoon).",
        "vector",
        "similarity",
        True,
        "closeness C* in [0, 1]",
        params={"metric": METRIC_PARAM},
        info=(("ideal", "ideal", "criteria"), ("anti_ideal", "anti_ideal", "criteria")),
        hook=topsis_hook,
    ),
    SkcSpec(
        "skc-vikor",
        vikor.VIKOR,
        "VIKOR (scikit-criteria)",
        "Compromise ranking by Q, mixing group utility S and individual regret R; lower is better.",
        "Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a comparative "
        "analysis of VIKOR and TOPSIS. European Journal of Operational Research 156(2), 445-455.",
        "Native: raw values; the best value f* is the column max for benefit and the min for cost, "
        "and each gap is (f* - x)/(f* - f-) as published.",
        "raw",
        "q_k",
        False,
        "Q (lower is better)",
        params={"v": unit_param(0.0, 1.0, "weight of group utility S against individual regret R")},
        details=(("S", "s_k"), ("R", "r_k")),
        info=(
            ("acceptable_advantage", "acceptable_advantage", "scalar"),
            ("acceptable_stability", "acceptable_stability", "scalar"),
        ),
        hook=vikor_hook,
    ),
    SkcSpec(
        "skc-ratio-moora",
        moora.RatioMOORA,
        "MOORA ratio system (scikit-criteria)",
        "Sum of weighted vector-normalised benefit ratios minus those of cost criteria.",
        _MOORA_2006,
        f"{VECTOR_TEXT}; weighted cost ratios are subtracted from benefit ratios (objectives kept MIN).",
        "vector",
        "score",
        True,
        "net normalised ratio",
    ),
    SkcSpec(
        "skc-reference-point-moora",
        moora.ReferencePointMOORA,
        "MOORA reference point (scikit-criteria)",
        "Largest weighted gap to the best normalised value on any criterion; lower is better.",
        _MOORA_2006,
        f"{VECTOR_TEXT}; the reference point takes the column max for benefit and the min for cost "
        "(objectives kept MIN).",
        "vector",
        "score",
        False,
        "Tchebycheff distance (lower is better)",
        info=(("reference_point", "reference_point", "criteria"),),
    ),
    SkcSpec(
        "skc-full-multiplicative-form",
        moora.FullMultiplicativeForm,
        "MOORA full multiplicative form (scikit-criteria)",
        "Product of benefit values over product of cost values (unweighted); score is its ln.",
        _MULTIMOORA_2010,
        "Raw values (> 0): cost values divide the product, as published; FMF is unweighted, so "
        "weights are not used except that zero-weight criteria are left out.",
        "raw",
        "score",
        True,
        "ln(prod benefit / prod cost)",
        domain="positive",
        keep=nonzero_weight,
        uniform_weights=True,
    ),
    SkcSpec(
        "skc-multimoora",
        moora.MultiMOORA,
        "MULTIMOORA (scikit-criteria)",
        "Dominance count over the ratio system, reference point and full multiplicative rankings.",
        _MULTIMOORA_2010,
        f"{VECTOR_TEXT}; each part handles cost natively (subtracted ratios, minimum as reference, "
        "divisor of the product); zero-weight criteria are left out (the product takes log w).",
        "vector",
        "score",
        True,
        "pairwise dominance wins",
        domain="positive",
        keep=nonzero_weight,
        details=(
            ("ratio_score", "ratio_score"),
            ("refpoint_score", "refpoint_score"),
            ("fmf_score", "fmf_score"),
        ),
        info=(("reference_point", "reference_point", "criteria"),),
        hook=multimoora_hook,
    ),
    SkcSpec(
        "skc-electre1",
        electre.ELECTRE1,
        "ELECTRE I (scikit-criteria)",
        "Outranking kernel: sites no other site outranks score 1, all others 0.",
        "Roy, B. (1968). Classement et choix en presence de points de vue multiples (la methode "
        "ELECTRE). Revue francaise d'informatique et de recherche operationnelle 2(8), 57-75.",
        ELECTRE_COST_TEXT,
        "minmax",
        "kernel",
        True,
        "1 = in the kernel, 0 = outranked",
        params={
            "p": unit_param(0.0, 1.0, "concordance threshold", 0.65),
            "q": unit_param(0.0, 1.0, "discordance threshold", 0.35),
        },
        hook=electre1_hook,
    ),
    SkcSpec(
        "skc-electre2",
        electre.ELECTRE2,
        "ELECTRE II (scikit-criteria)",
        "Strong/weak outranking; score = mean of direct and inverse rank; lower is better.",
        "Roy, B. & Bertier, P. (1973). La methode ELECTRE II: une application au media-planning. "
        "In OR'72 (M. Ross, ed.), North-Holland, 291-302 (as given by Gomes et al. 2004).",
        ELECTRE_COST_TEXT,
        "minmax",
        "score",
        False,
        "mean rank (lower is better)",
        params={
            "p0": unit_param(0.0, 1.0, "concordance threshold 0 (p0 >= p1 >= p2)", 0.65),
            "p1": unit_param(0.0, 1.0, "concordance threshold 1", 0.5),
            "p2": unit_param(0.0, 1.0, "concordance threshold 2", 0.35),
            "q0": unit_param(0.0, 1.0, "discordance threshold 0 (q0 >= q1)", 0.65),
            "q1": unit_param(0.0, 1.0, "discordance threshold 1", 0.35),
        },
        details=(("ranking_direct", "ranking_direct"), ("ranking_inverted", "ranking_inverted")),
    ),
    SkcSpec(
        "skc-simus",
        simus.SIMUS,
        "SIMUS (scikit-criteria)",
        "One linear program per criterion as objective; sites scored by participation.",
        "Munier, N. (2011). A Strategy for Using Multicriteria Analysis in Decision-Making: "
        "A Guide for Simple and Complex Environmental Projects. Springer, Dordrecht.",
        "Native: a cost criterion is minimised in its own LP stage and is a >= constraint (right "
        "side = column minimum) in the others; SIMUS does not use weights, so zero-weight "
        "criteria are left out and the rest count equally.",
        "raw",
        "method_1_score",
        True,
        "SIMUS participation score",
        params={
            "rank_by": Param(
                default=1,
                choices=(1, 2),
                kind=int,
                help="1: weighted participation score; 2: net dominance",
            )
        },
        keep=nonzero_weight,
        uniform_weights=True,
        details=(
            ("method_1_score", "method_1_score"),
            ("method_2_score", "method_2_score"),
            ("dominance_given", "tita_j_p"),
            ("dominance_received", "tita_j_d"),
        ),
        noisy=True,
        lp=True,
    ),
    SkcSpec(
        "skc-aras",
        aras.ARAS,
        "ARAS (scikit-criteria)",
        "Additive ratio assessment: weighted sum relative to the optimal alternative's (utility).",
        "Zavadskas, E. K. & Turskis, Z. (2010). A new additive ratio assessment (ARAS) method in "
        "multicriteria decision-making. Technological and Economic Development of Economy 16(2), "
        "159-172.",
        "As published: cost values are first inverted to 1/x, then every column is divided by its "
        "sum including the optimal alternative (the column best); values >= 0, cost > 0.",
        "aras",
        "utility",
        True,
        "utility degree S_i/S_0 in (0, 1]",
        domain="ratio",
        details=(("S", "score"),),
        info=(("S0", "ideal_score", "scalar"),),
    ),
    SkcSpec(
        "skc-cocoso",
        cocoso.CoCoSo,
        "CoCoSo (scikit-criteria)",
        "Combined compromise of weighted sum and weighted power scores (three appraisals).",
        "Yazdani, M., Zarate, P., Zavadskas, E. K. & Turskis, Z. (2019). A combined compromise "
        "solution (CoCoSo) method for multi-criteria decision-making problems. Management "
        "Decision 57(9), 2501-2519.",
        f"{MINMAX_TEXT}, as published, then all-benefit CoCoSo.",
        "minmax",
        "score",
        True,
        "CoCoSo appraisal k",
        params={"lambda_value": unit_param(0.0, 1.0, "balance of WSM (1) and WPM (0) in k_c")},
        details=(("k_a", "k_a"), ("k_b", "k_b"), ("k_c", "k_c")),
    ),
    SkcSpec(
        "skc-codas",
        codas.CODAS,
        "CODAS (scikit-criteria)",
        "Euclidean (and, for near ties, taxicab) distance from the negative-ideal site.",
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene, J. (2016). A new "
        "combinative distance-based assessment (CODAS) method for multi-criteria decision-making. "
        "Economic Computation and Economic Cybernetics Studies and Research 50(3), 25-44.",
        f"{RATIO_TEXT}, as published; values >= 0, cost > 0.",
        "ratio",
        "score",
        True,
        "assessment score H",
        domain="ratio",
        params={
            "tau": Param(
                default=0.02,
                kind=(int, float),
                minimum=0.0,
                help="threshold for the taxicab tie-break (0.01-0.05 suggested)",
            )
        },
    ),
    SkcSpec(
        "skc-copras",
        copras.COPRAS,
        "COPRAS (scikit-criteria)",
        "Complex proportional assessment: benefit sums plus inversely weighted cost sums (0-100).",
        "Zavadskas, E. K., Kaklauskas, A. & Sarka, V. (1994). The new method of multicriteria "
        "complex proportional assessment of projects. Technological and Economic Development of "
        "Economy 1(3), 131-139.",
        "Sum normalisation of every column (x/sum, skc SumScaler) with cost kept MIN: cost sums "
        "S- enter inversely, as published; needs at least one cost criterion, values >= 0.",
        "sum",
        "score",
        True,
        "utility degree in % of the best",
        domain="nonnegative",
        details=(("significance", "significances"), ("S_plus", "S_max"), ("S_minus", "S_min")),
        requires_cost=True,
    ),
    SkcSpec(
        "skc-edas",
        edas.EDAS,
        "EDAS (scikit-criteria)",
        "Positive and negative distances from the average site, combined into an appraisal score.",
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. & Turskis, Z. (2015). Multi-criteria "
        "inventory classification using a new method of evaluation based on distance from "
        "average solution (EDAS). Informatica 26(3), 435-451.",
        "Native: raw values; for a cost criterion the positive distance is (AV - x)/AV and the "
        "negative (x - AV)/AV, as published.",
        "raw",
        "score",
        True,
        "appraisal score in [0, 1]",
    ),
    SkcSpec(
        "skc-ervd",
        ervd.ERVD,
        "ERVD (scikit-criteria)",
        "Prospect-theory values around a reference point, then closeness to ideal vs anti-ideal.",
        "Shyur, H.-J., Yin, L., Shih, H.-S. & Cheng, C.-B. (2015). A multiple criteria decision "
        "making method based on relative value distances. Foundations of Computing and Decision "
        "Sciences 40(4), 299-315.",
        "Sum normalisation (x/sum); the reference point of each criterion is its column median "
        "(parameter reference), scaled alike; for cost criteria values below it are gains.",
        "sum",
        "similarity",
        True,
        "relative closeness in [0, 1]",
        domain="nonnegative",
        params={
            "lambda_value": Param(
                default=2.25, kind=(int, float), minimum=0.0, help="loss aversion"
            ),
            "alpha_value": Param(
                default=0.88,
                kind=(int, float),
                minimum=0.0,
                maximum=1.0,
                help="diminishing sensitivity",
            ),
            "reference": Param(
                default="median",
                choices=("median", "mean"),
                kind=str,
                help="reference point per criterion (the method needs one)",
            ),
        },
        local_params=("reference",),
        kwargs=ervd_kwargs,
        details=(("s_plus", "s_plus"), ("s_minus", "s_minus")),
        info=(("ideal", "ideal", "criteria"), ("anti_ideal", "anti_ideal", "criteria")),
    ),
    SkcSpec(
        "skc-mabac",
        mabac.MABAC,
        "MABAC (scikit-criteria)",
        "Sum of distances from the border approximation area (geometric mean of weighted values).",
        "Pamucar, D. & Cirovic, G. (2015). The selection of transport and handling resources in "
        "logistics centers using Multi-Attributive Border Approximation area Comparison (MABAC). "
        "Expert Systems with Applications 42(6), 3016-3028.",
        f"{MINMAX_TEXT}, as published.",
        "minmax",
        "score",
        True,
        "distance from the border area",
        info=(("border_approximation_area", "border_approximation_area", "criteria"),),
    ),
    SkcSpec(
        "skc-mairca",
        mairca.MAIRCA,
        "MAIRCA (scikit-criteria)",
        "Total gap between theoretical and real ratings (lower is better).",
        "Pamucar, D., Vasin, L. & Lukovac, L. (2014). Selection of railway level crossings for "
        "investing in security equipment using hybrid DEMATEL-MARICA model. XVI International "
        "Scientific-expert Conference on Railway (RAILCON), Nis, 89-92.",
        "Native: the real rating uses min-max with cost flipped ((x-max)/(min-max)), as "
        "published; columns with values <= 0 are shifted positive first (MAIRCA is "
        "shift-invariant, skc refuses values <= 0).",
        "raw",
        "values",
        False,
        "total gap (lower is better)",
    ),
    SkcSpec(
        "skc-marcos",
        marcos.MARCOS,
        "MARCOS (scikit-criteria)",
        "Utility relative to ideal and anti-ideal sites, combined into a compromise utility.",
        "Stevic, Z., Pamucar, D., Puska, A. & Chatterjee, P. (2020). Sustainable supplier "
        "selection in healthcare industries using a new MCDM method: MARCOS. Computers & "
        "Industrial Engineering 140, 106231.",
        "Native: raw values (> 0); cost criteria normalised ideal/x with the ideal = column "
        "minimum, benefit x/ideal, anti-ideal and ideal rows added, as published.",
        "raw",
        "utility_scores",
        True,
        "utility f(K)",
        domain="positive",
        details=(("K_minus", "K_minus"), ("K_plus", "K_plus")),
        noisy=True,
    ),
    SkcSpec(
        "skc-ocra",
        ocra.OCRA,
        "OCRA (scikit-criteria)",
        "Operational competitiveness: input (cost) and output (benefit) performance, min set to 0.",
        "Parkan, C. (1994). Operational competitiveness ratings of production units. Managerial "
        "and Decision Economics 15(3), 201-221.",
        "Native: raw values (> 0); cost criteria are inputs rated (max - x)/min, benefit criteria "
        "outputs rated (x - min)/min, as published.",
        "raw",
        "performance",
        True,
        "competitiveness rating (worst = 0)",
        domain="positive",
        details=(
            ("input_performance", "input_performance"),
            ("output_performance", "output_performance"),
        ),
    ),
    SkcSpec(
        "skc-probid",
        probid.PROBID,
        "PROBID (scikit-criteria)",
        "Distances to a ladder of ideal solutions and to the average solution.",
        _PROBID_2021,
        _PROBID_COST,
        "vector",
        "score",
        True,
        "performance score P",
        params={"metric": METRIC_PARAM},
        details=(("pos_ideal", "pos_ideal"), ("neg_ideal", "neg_ideal")),
    ),
    SkcSpec(
        "skc-simplified-probid",
        probid.SimplifiedPROBID,
        "Simplified PROBID (scikit-criteria)",
        "Ratio of distances to the bottom-quartile and top-quartile ideal solutions.",
        _PROBID_2021,
        _PROBID_COST,
        "vector",
        "score",
        True,
        "performance ratio",
        params={"metric": METRIC_PARAM},
        details=(("pos_ideal", "pos_ideal"), ("neg_ideal", "neg_ideal")),
    ),
    SkcSpec(
        "skc-ram",
        ram.RAM,
        "RAM (scikit-criteria)",
        "Root assessment: (2 + benefit sum) to the power 1/(2 + cost sum).",
        "Sotoudeh-Anvari, A. (2023). Root Assessment Method (RAM): a novel multi-criteria decision "
        "making method and its applications in sustainability challenges. Journal of Cleaner "
        "Production 423, 138695.",
        "Sum normalisation of every column (x/sum, skc SumScaler) with cost kept MIN: weighted "
        "cost sums form the root index, as published; values >= 0.",
        "sum",
        "score",
        True,
        "root index RI",
        domain="nonnegative",
        details=(("S_plus", "sum_benefit"), ("S_minus", "sum_cost")),
    ),
    SkcSpec(
        "skc-rim",
        rim.RIM,
        "RIM (scikit-criteria)",
        "Closeness to a reference ideal value (or interval) within each criterion's range.",
        "Cables, E., Lamata, M. T. & Verdegay, J. L. (2016). RIM-reference ideal method in "
        "multicriteria decision making. Information Sciences 337-338, 1-10.",
        "Native: range = data range widened to the scale anchors; reference ideal = its best end "
        "(max for benefit, min for cost), or from the best anchor to that end when anchored.",
        "raw",
        "score",
        True,
        "relative index in [0, 1]",
        kwargs=rim_kwargs,
        details=(("I_plus", "i_plus"), ("I_minus", "i_minus")),
        info=(("ranges", "ranges", "criteria"), ("ref_ideals", "ref_ideals", "criteria")),
    ),
    SkcSpec(
        "skc-spotis",
        spotis.SPOTIS,
        "SPOTIS (scikit-criteria)",
        "Weighted normalised distance to an ideal point fixed by the bounds; lower is better.",
        "Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free "
        "method for multi-criteria decision-making support. 2020 IEEE 23rd International "
        "Conference on Information Fusion (FUSION), 1-8.",
        "Native: bounds = data range widened to the scale anchors, ideal point = the best bound "
        "(max for benefit, min for cost); constant criteria without anchors are left out.",
        "raw",
        "score",
        False,
        "distance to the ideal point (lower is better)",
        keep=not_constant_unless_anchored,
        kwargs=spotis_kwargs,
        info=(("bounds", "bounds", "criteria"), ("isp", "isp", "criteria")),
    ),
    SkcSpec(
        "skc-waspas",
        waspas.WASPAS,
        "WASPAS (scikit-criteria)",
        "Blend of weighted sum and weighted product of linearly normalised values.",
        "Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012). Optimization "
        "of weighted aggregated sum product assessment. Elektronika ir Elektrotechnika 122(6), "
        "3-6.",
        f"{RATIO_TEXT}, as published; values must be > 0.",
        "ratio",
        "score",
        True,
        "joint criterion Q",
        domain="positive",
        params={"lambda_value": unit_param(0.0, 1.0, "share of the weighted sum (1) vs product (0)")},
        details=(("wsm_score", "wsm_scores"), ("log10_wpm_score", "log10_wpm_scores")),
    ),
)
