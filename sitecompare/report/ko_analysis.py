# ruff: noqa: E501 - the translation table pairs long English labels with their Korean text
"""Korean labels of the analysis: the sensitivity sheets, the methods' descriptions, the
headline and the defensible-comparison texts (scope, horizon, coverage, rank intervals).

Keys are the English labels exactly as written in the code; :data:`sitecompare.report.i18n.KO`
joins this table with :mod:`.ko_sheets`.
"""

from __future__ import annotations

__all__ = ["KO_ANALYSIS"]

KO_ANALYSIS: dict[str, str] = {}

# the sensitivity sheets (sheets_sensitivity.py) and the Summary's sensitivity headline
KO_ANALYSIS.update(
    {
        # headline, settings, run info
        "uniformly sampled weightings": "균등하게 추출한 가중치 조합",
        "weightings sampled around the weights in force (Dirichlet, concentration {k:g})": "적용 가중치를 중심으로 추출한 가중치 조합(디리클레, 집중도 {k:g})",
        "sampled weightings that keep the order of the weights in force": "적용 가중치의 순서를 지키며 추출한 가중치 조합",
        "{site} is first in {share} of {n} {how} (seed {seed})": "{site}은(는) {how} {n}개 중 {share}에서 1위입니다(시드 {seed})",
        "; {other} is first more often ({share})": "; {other}이(가) 더 자주 1위입니다({share})",
        "Sensitivity run: method {method}; SMAA-2 with {samples} samples of {how}; seed {seed}": "민감도 분석: 방법 {method}; SMAA-2, {how} {samples}개; 시드 {seed}",
        "; missing facts drawn within the other sites' range": "; 결측 자료는 다른 사이트 값의 범위 안에서 추출",
        "SMAA samples": "SMAA 표본 수",
        "Weight sampling": "가중치 추출 방식",
        "Dirichlet concentration": "디리클레 집중도",
        "Missing facts in SMAA": "SMAA의 결측 자료",
        "unknown: drawn within the other sites' observed range": "미상: 다른 사이트 관측값 범위 안에서 추출",
        "their imputed values": "대체값 사용",
        "Sensitivity sheets": "민감도 시트",
        "yes": "예",
        "Axis label": "축 레이블",
        # weight sweeps
        "One-at-a-time weight sweeps": "가중치 하나씩 바꾸기(OAT)",
        "How far each weight can move, the others rescaled proportionally, before the ranking or "
        "first place changes; one chart per criterion with the crossovers listed.": "다른 가중치를 비례해 조정하면서 각 가중치를 얼마나 움직여야 순위나 1위가 바뀌는지; 기준마다 "
        "차트 하나와 교차점 목록.",
        "How far each weight can move": "각 가중치가 움직일 수 있는 범위",
        "Criterion": "기준",
        "Weight now": "현재 가중치",
        "Ranking unchanged: from": "순위 유지: 부터",
        "Ranking unchanged: to": "순위 유지: 까지",
        "First place unchanged: from": "1위 유지: 부터",
        "First place unchanged: to": "1위 유지: 까지",
        "Crossovers": "교차점 수",
        "Who takes first place beyond that range": "그 범위를 벗어나면 1위가 되는 사이트",
        "below {w}: {site}": "{w} 미만: {site}",
        "above {w}: {site}": "{w} 초과: {site}",
        "nobody: {site} stays first": "없음: {site}이(가) 계속 1위",
        "one weight moves over [0, 1]; the other weights are rescaled proportionally (their ratios kept)": "가중치 하나를 [0, 1] 범위에서 움직이고, 나머지 가중치는 비례해 조정합니다(서로의 비율 유지)",
        "Convention: {conv}, so the weights always add up to 100%.": "규칙: {conv}. 따라서 가중치의 합은 항상 100%입니다.",
        "Ranking unchanged: the range of the weight over which the whole order stays as it is; first "
        "place unchanged: the range over which {site} stays first. Shaded: first place changes within "
        "10 points of the weight now.": "순위 유지: 전체 순서가 그대로인 가중치 범위; 1위 유지: {site}이(가) 1위를 지키는 범위. "
        "음영: 현재 가중치에서 10%포인트 안에서 1위가 바뀝니다.",
        "Crossovers are exact: the method's scores are straight lines along a sweep.": "교차점은 정확한 값입니다: 이 방법의 점수는 가중치를 따라 직선으로 변합니다.",
        "Crossovers are located numerically, to 1e-9 of the weight.": "교차점은 수치 계산으로 가중치 1e-9 정밀도까지 구했습니다.",
        "{crit}: weight now {w}": "{crit}: 현재 가중치 {w}",
        "Weight": "가중치",
        "As the weight rises past it": "가중치가 이 값을 넘어 오르면",
        "For position": "해당 순위",
        "First place": "1위",
        "▶ the weight now": "▶ 현재 가중치",
        "{b} moves ahead of {a}": "{b}이(가) {a}을(를) 앞지름",
        "(tied from {lo} to {hi})": "({lo} ~ {hi}에서 동점)",
        "… and {k} more further away (see the list below the charts).": "… 더 먼 교차점 {k}개(차트 아래 목록 참조).",
        "No crossovers: the order never changes along this sweep.": "교차점 없음: 이 가중치를 움직여도 순서가 바뀌지 않습니다.",
        "Every crossover": "모든 교차점",
        "For each criterion the {k} crossovers nearest the weight now; {n} further away are left out "
        "(sitecompare sensitivity --format json lists them all).": "기준마다 현재 가중치에 가장 가까운 교차점 {k}개; 더 먼 {n}개는 뺐습니다(sitecompare sensitivity "
        "--format json에 모두 있습니다).",
        "For each criterion the {k} crossovers nearest the weight now; {n} further away is left out "
        "(sitecompare sensitivity --format json lists them all).": "기준마다 현재 가중치에 가장 가까운 교차점 {k}개; 더 먼 {n}개는 뺐습니다(sitecompare sensitivity "
        "--format json에 모두 있습니다).",
        "No crossovers: no single weight changes the order.": "교차점 없음: 가중치 하나로는 순서가 바뀌지 않습니다.",
        "Chart data (not printed): each site's score along each sweep": "차트 자료(인쇄 안 함): 가중치 변화에 따른 사이트별 점수",
        "Weight of this criterion (dashed line: the weight now)": "이 기준의 가중치(점선: 현재 가중치)",
        "Score (method's own scale)": "점수(방법 고유 척도)",
        # critical changes
        "Critical changes": "임계 변화",
        "The smallest change of one weight, or of one fact, that changes the ranking (Triantaphyllou "
        "& Sánchez 1997): which weight most needs agreement, which data point would overturn the "
        "result if wrong.": "순위를 바꾸는 가장 작은 가중치 하나 또는 자료 하나의 변화(Triantaphyllou & Sánchez 1997): "
        "어느 가중치에 가장 합의가 필요한지, 어느 자료가 틀리면 결과가 뒤집히는지.",
        "Most critical criteria": "가장 결정적인 기준",
        "First place, smallest relative change": "1위, 가장 작은 상대 변화",
        "First place, smallest absolute change": "1위, 가장 작은 절대 변화",
        "Any position, smallest relative change": "모든 순위, 가장 작은 상대 변화",
        "Any position, smallest absolute change": "모든 순위, 가장 작은 절대 변화",
        "none: no single weight change does it": "없음: 가중치 하나의 변화로는 불가능",
        "{a} and {b}": "{a}와(과) {b}",
        "Most critical for": "결정적 대상",
        "Sites that swap": "순위가 바뀌는 사이트",
        "Change δ": "변화량 δ",
        "Relative change": "상대 변화",
        "Change δ: how much the weight must change, the other weights unchanged before all are "
        "rescaled to 100%; relative change = δ / weight now. A criterion needing a small relative "
        "change is the one whose weight most needs the stakeholders' agreement.": "변화량 δ: 모든 가중치를 100%로 다시 맞추기 전에 다른 가중치는 그대로 두고 이 가중치를 바꿔야 "
        "하는 양; 상대 변화 = δ / 현재 가중치. 작은 상대 변화로 순위가 바뀌는 기준일수록 이해관계자의 "
        "합의가 가장 필요합니다.",
        "Criticality of each criterion": "기준별 임계도",
        "First place would go to": "1위가 넘어갈 사이트",
        "Criticality degree": "임계도",
        "Sensitivity coefficient": "민감도 계수",
        "Relative change for first place": "1위를 바꾸는 상대 변화",
        "Criticality degree: the smallest change of this weight, relative to it, that swaps any two "
        "sites; sensitivity coefficient = 1 / criticality degree: the higher (darker), the more the "
        "ranking depends on this weight. 'None': no change of this weight alone does it.": "임계도: 두 사이트의 순위를 바꾸는 이 가중치의 가장 작은 상대 변화; 민감도 계수 = 1 / 임계도: "
        "높을수록(진할수록) 순위가 이 가중치에 더 좌우됩니다. '없음': 이 가중치만 바꿔서는 불가능.",
        "Smallest weight change that swaps two sites": "두 사이트의 순위를 바꾸는 가장 작은 가중치 변화",
        "Site ahead now": "현재 앞선 사이트",
        "Site behind now": "현재 뒤진 사이트",
        "Rank of the site ahead": "앞선 사이트 순위",
        "Rank of the site behind": "뒤진 사이트 순위",
        "Weight at the swap (rescaled)": "순위가 바뀌는 가중치(재조정 후)",
        "Sorted by the size of the relative change. Shaded: first place is at stake. 'Weight at the "
        "swap' is the weight after all weights are rescaled to 100%: the crossover on the Weight "
        "sweeps sheet.": "상대 변화 크기순. 음영: 1위가 걸린 경우. '순위가 바뀌는 가중치'는 모든 가중치를 100%로 다시 "
        "맞춘 뒤의 값으로, 가중치 변화(OAT) 시트의 교차점입니다.",
        "The {k} smallest of {n} changes.": "변화 {n}개 중 가장 작은 {k}개.",
        "{n} sites: crossovers and critical changes are listed for {p} of the {total} pairs: "
        "every pair among the best {k}, the leader with every site and each site with the two "
        "just below it in the ranking. The intervals and the most critical criterion cover "
        "every site.": "사이트 {n}곳: 교차점과 임계 변화는 전체 {total}쌍 중 {p}쌍만 보입니다. 상위 {k}곳의 "
        "모든 쌍, 1위와 다른 모든 사이트, 각 사이트와 순위상 바로 아래 두 사이트입니다. 구간과 가장 민감한 "
        "기준은 모든 사이트를 반영합니다.",
        "Searched only for the sites ranked {k} or better.": "{k}위 이내의 사이트만 찾았습니다.",
        "No single weight change swaps any two sites.": "가중치 하나의 변화로는 어느 두 사이트의 순위도 바뀌지 않습니다.",
        "Smallest change in one fact that lifts a site": "사이트의 순위를 올리는 자료 하나의 가장 작은 변화",
        "one place up": "한 단계 위",
        "first place": "1위",
        "missing; imputed value": "결측; 대체값",
        "Value now is": "현재 값의 상태",
        "Rank now": "현재 순위",
        "Goal": "목표",
        "Value now": "현재 값",
        "Value needed": "필요한 값",
        "Change (% of now)": "변화(현재 값 대비 %)",
        "Each row changes one value of one site, with the weights and every other value fixed. Where "
        "the value now is a missing fact filled in by the criterion's policy (shaded), the change is "
        "measured from the imputed value.": "각 행은 가중치와 다른 모든 값을 고정하고 한 사이트의 값 하나만 바꿉니다. 현재 값이 기준의 "
        "정책으로 채운 결측 자료인 경우(음영), 변화는 대체값에서 잽니다.",
        "No single fact change lifts {sites} to first place (searched up to 10× the observed range).": "자료 하나를 바꿔서는 {sites}이(가) 1위가 되지 않습니다(관측 범위의 10배까지 탐색).",
        "The first {k} of {n} changes.": "변화 {n}개 중 처음 {k}개.",
        # rank acceptability
        "Rank acceptability (SMAA-2)": "순위 수용도(SMAA-2)",
        "How often each site takes each rank when the weights are drawn at random (and uncertain facts "
        "within their ranges): who wins across plausible weightings, and on what priorities.": "가중치를 무작위로(불확실한 자료는 그 범위 안에서) 뽑을 때 각 사이트가 각 순위를 얼마나 자주 "
        "차지하는지: 그럴듯한 가중치 조합 전반에서 누가, 어떤 우선순위로 이기는지.",
        "Share of sampled weightings that give each site each rank": "각 사이트가 각 순위를 차지한 가중치 표본의 비율",
        "Expected rank": "기대 순위",
        "Holistic acceptability": "종합 수용도",
        "Confidence factor": "신뢰 계수",
        "never first": "1위 없음",
        "Each row adds up to 100%: the share of the {n} samples in which the site had each rank (#1 = "
        "first). Ties share the better rank. Expected rank = the average rank; holistic acceptability "
        "weighs the ranks linearly (first 100%, last 0%).": "각 행의 합은 100%입니다: 표본 {n}개 중 사이트가 각 순위(#1 = 1위)를 차지한 비율. 동점은 높은 "
        "순위를 함께 받습니다. 기대 순위 = 평균 순위; 종합 수용도는 순위에 선형 가중(1위 100%, 꼴찌 0%).",
        "Confidence factor: how often the site is first under its own central weights (below) when the "
        "uncertain facts are drawn within their ranges; low means the data are too imprecise to decide, "
        "whatever the weights.": "신뢰 계수: 불확실한 자료를 그 범위 안에서 뽑을 때 사이트가 자신의 중심 가중치(아래)로 1위가 "
        "되는 빈도; 낮으면 가중치와 상관없이 자료가 너무 부정확해 결정할 수 없다는 뜻입니다.",
        "Rank acceptability: share of samples at each rank": "순위 수용도: 순위별 표본 비율",
        "Central weights: the priorities under which each site wins": "중심 가중치: 각 사이트가 이기는 우선순위",
        "Weights in force": "적용 가중치",
        "Central weights: the average of the sampled weightings in which the site ranks first, the "
        "profile of a stakeholder who would prefer it. Compare them with the weights in force (first "
        "row). 'Never first': no sample put the site first.": "중심 가중치: 사이트가 1위인 가중치 표본의 평균으로, 그 사이트를 선호할 이해관계자의 모습입니다. "
        "적용 가중치(첫 행)와 비교하십시오. '1위 없음': 어느 표본에서도 1위가 아닙니다.",
        "Pairwise winning: share of samples in which the row site ranks above the column site": "쌍별 우위: 행 사이트가 열 사이트보다 높은 순위인 표본의 비율",
        "Site (rank now)": "사이트(현재 순위)",
        "Columns are the same sites, numbered by their rank now as the rows. From the first {k} "
        "samples.": "열은 행과 같은 사이트이며 현재 순위로 번호를 붙였습니다. 처음 {k}개 표본 기준.",
        "Value of information: which uncertain fact matters most for first place": "정보의 가치: 1위에 가장 중요한 불확실한 자료",
        "Uncertain because": "불확실한 이유",
        "Low": "하한",
        "High": "상한",
        "Expected change in first-place shares": "1위 비율의 기대 변화",
        "Leader first: lowest": "선두 1위 비율: 최저",
        "Leader first: highest": "선두 1위 비율: 최고",
        "If the fact were known exactly, the first-place shares would move by this much on average "
        "(half the sum of the changes over the sites), after removing the sampling noise floor "
        "{noise}. Leader first: the lowest and highest share of samples in which {site} is first, "
        "across the fact's range. Collect the facts at the top first.": "자료를 정확히 알게 되면 1위 비율이 평균적으로 이만큼 움직입니다(사이트별 변화 합의 절반, "
        "표본 잡음 하한 {noise} 제외). 선두 1위 비율: 자료의 범위 전체에서 {site}이(가) 1위인 표본 "
        "비율의 최저와 최고. 위쪽의 자료부터 먼저 확보하십시오.",
        "No uncertain facts: no ranged facts, and missing facts keep their imputed values (use "
        "--unknown-missing to treat them as unknown).": "불확실한 자료 없음: 범위 자료가 없고 결측 자료는 대체값을 씁니다(미상으로 다루려면 "
        "--unknown-missing 사용).",
        # method agreement
        "Method agreement": "방법 간 일치도",
        "The same data and weights ranked by every built-in method and normalisation: how far they "
        "agree, and their consensus (Borda) ranking.": "같은 자료와 가중치를 모든 내장 방법과 정규화로 순위 매긴 결과: 얼마나 일치하는지와 합의(보르다) "
        "순위.",
        "Rank of each site under each method": "방법별 사이트 순위",
        "Consensus rank": "합의 순위",
        "Mean rank": "평균 순위",
        "Sites in consensus order: the consensus rank orders the sites by their mean rank over the {k} "
        "methods (Borda). Shaded: a method ranks the site differently from the consensus. * = the "
        "method of this workbook.": "사이트는 합의 순서입니다: 합의 순위는 방법 {k}개에 걸친 평균 순위로 정합니다(보르다). 음영: 합의와 "
        "다른 순위를 준 방법. * = 이 통합 문서의 방법.",
        "Kendall's tau between methods (1 = the same order, −1 = reversed)": "방법 간 켄달 타우(1 = 같은 순서, −1 = 반대)",
        "Spearman's rho between methods (1 = the same order, −1 = reversed)": "방법 간 스피어먼 로(1 = 같은 순서, −1 = 반대)",
        "Methods left out": "제외된 방법",
        "Why": "이유",
        "None: every built-in method ranked these data.": "없음: 모든 내장 방법이 이 자료의 순위를 냈습니다.",
        "wsm and topsis without normalisation are left out on purpose: they add raw values in "
        "different units.": "정규화 없는 wsm과 topsis는 의도적으로 뺐습니다: 단위가 다른 원값을 더하기 때문입니다.",
    }
)

# the five native methods as the Summary describes them (keys: their MethodInfo texts in
# sitecompare/methods; a test checks they match); formulas, units and citations as written
KO_ANALYSIS.update(
    {
        "Weighted sum of normalised values (default min-max, 0-1; report shows 0-100).": "정규화 값의 가중합(기본은 최소-최대 정규화로 0-1; 보고서에는 0-100으로 표시).",
        "min-max: (max - x)/(max - min); max: min/x; sum: (1/x)/sum(1/x); vector: 1 - x/||x||; none: -x "
        "(Jahan & Edwards 2015, Table 1)": "최소-최대: (max - x)/(max - min); 최대: min/x; 합계: (1/x)/sum(1/x); 벡터: 1 - x/||x||; "
        "정규화 없음: -x (Jahan & Edwards 2015, 표 1)",
        "Product of values raised to their weights, prod x^w (cost criteria x^-w).": "값을 각 가중치만큼 거듭제곱해 곱한 값, prod x^w(비용형 기준은 x^-w).",
        "negative exponent x^-w (Bridgman 1922; Miller & Starr 1969); with a normalisation, the "
        "benefit-oriented normalised value with exponent +w": "음의 지수 x^-w (Bridgman 1922; Miller & Starr 1969); 정규화를 쓰면 클수록 좋게 바꾼 "
        "정규화 값에 지수 +w",
        "Relative closeness to the ideal site: S-/(S+ + S-), vector normalisation, Euclidean distance.": "이상 사이트에 대한 상대 근접도: S-/(S+ + S-), 벡터 정규화, 유클리드 거리.",
        "ideal takes the minimum and anti-ideal the maximum of a cost criterion (no inversion)": "비용형 기준은 최소값을 이상점으로, 최대값을 반이상점으로 삼습니다(값을 뒤집지 않음)",
        "Compromise ranking by Q from group utility S and individual regret R (lower Q is better).": "집단 효용 S와 개별 후회 R로 구한 Q에 따른 타협 순위(Q가 작을수록 좋음).",
        "f* = min and f- = max of a cost criterion in the linear normalisation (f* - f)/(f* - f-)": "선형 정규화 (f* - f)/(f* - f-)에서 비용형 기준은 f* = 최소, f- = 최대",
        "Net outranking flow phi = phi+ - phi- from per-criterion preference functions (usual, "
        "u-shape, v-shape, level, linear, gaussian).": "기준별 선호 함수(usual, u-shape, v-shape, level, linear, gaussian)로 구한 순흐름 "
        "phi = phi+ - phi-.",
        "the difference is reversed for a cost criterion: d = x_b - x_a": "비용형 기준은 차이를 반대로 잽니다: d = x_b - x_a",
        # why a method could not rank the data (sitecompare/sensitivity/robustness.py)
        "{method} needs values {op} 0 under every normalisation; {where}": "{method}은(는) 어느 정규화에서든 값이 {op} 0이어야 합니다; {where}",
        "{method} with '{norm}' normalisation needs values {op} 0; {where}": "'{norm}' 정규화의 {method}은(는) 값이 {op} 0이어야 합니다; {where}",
        "{method} needs values {op} 0; {where}": "{method}은(는) 값이 {op} 0이어야 합니다; {where}",
        "criterion '{crit}' has {values}": "기준 '{crit}'의 값: {values}",
        "{value} for {site}": "{site} {value}",
        "{value} for {site}, a missing value filled in by the '{policy}' policy": "{site} {value}(결측값을 '{policy}' 정책으로 채운 값)",
        # the Summary's sensitivity headline
        "The smallest single-weight change that takes first place from {site} is to cut the {crit} "
        "weight by {rel} (from {now} to {new}), which hands it to {other}": "{site}의 1위를 바꾸는 가장 작은 가중치 하나의 변화는 {crit} 가중치를 {rel} 줄이는 "
        "것({now}에서 {new}(으)로)이며, 그러면 1위는 {other}에 넘어갑니다",
        "The smallest single-weight change that takes first place from {site} is to raise the "
        "{crit} weight by {rel} (from {now} to {new}), which hands it to {other}": "{site}의 1위를 바꾸는 가장 작은 가중치 하나의 변화는 {crit} 가중치를 {rel} 늘리는 "
        "것({now}에서 {new}(으)로)이며, 그러면 1위는 {other}에 넘어갑니다",
        ": first place is robust to any one weight.": ". 1위는 어느 가중치 하나가 바뀌어도 견고합니다.",
        ": first place is moderately robust: it survives a moderate disagreement about any one "
        "weight, not a large one.": ". 1위는 어느 정도 견고합니다: 가중치 하나에 대한 보통 수준의 이견에는 유지되지만 큰 "
        "이견에는 바뀔 수 있습니다.",
        ": first place is fragile: stakeholders often disagree about a weight by that much.": ". 1위는 취약합니다: 이해관계자의 가중치는 흔히 그만큼 차이가 납니다.",
        "First place changes only when the {crit} weight, now 0%, rises by {delta}, which hands it "
        "to {other}.": "1위는 현재 0%인 {crit} 가중치가 {delta} 오를 때에만 바뀌며, 그러면 1위는 {other}에 넘어갑니다.",
        "No change of a single weight takes first place from {site}: first place is robust to any "
        "one weight.": "가중치 하나만 바꿔서는 {site}의 1위가 바뀌지 않습니다: 1위는 어느 가중치 하나가 바뀌어도 견고합니다.",
        # critical changes of one fact
        "Reach": "실현 가능성",
        "out of reach": "도달 불가",
        "Out of reach: the value needed lies outside the criterion's observed range widened "
        "by its own width on each side (or outside its fixed scale). Far outside anything "
        "observed, it is no plan to act on: this fact alone cannot decide the ranking.": "도달 불가: 필요한 값이 "
        "기준의 관측 범위를 양쪽으로 그 폭만큼 넓힌 범위(또는 고정 척도) 밖에 있습니다. 관측된 어떤 값과도 "
        "동떨어져 실행할 계획이 될 수 없으며, 이 자료 하나로는 순위가 정해지지 않습니다.",
        # rank acceptability
        "High confidence with low first-rank acceptability (#1) means: the site wins only under "
        "unusual weights, but with those weights the data are precise enough to be sure of it.": "신뢰 계수는 높은데 1위 수용도(#1)가 낮으면: 그 사이트는 흔치 않은 가중치에서만 1위가 되지만, "
        "그런 가중치에서는 자료가 충분히 정확해 1위가 확실하다는 뜻입니다.",
    }
)

# defensible comparisons: scope, horizon, coverage, rank intervals, the headline
KO_ANALYSIS.update(
    {
        "worst value (pessimistic)": "최악값 (비관적)",
        "unknown within the plausible range": "타당 범위 안의 미상값",
        "claim": "주장",
        "unknown: it may lie anywhere from {low} to {high} (the plausible range); the point ranking takes the worst end (no credit without evidence) and the rank intervals let it move": "미상: 타당 범위 {low}~{high} 어디에나 있을 수 있음. 점 순위는 가장 불리한 끝값을 쓰고(근거 없이는 점수 없음), 순위 구간은 이 값을 범위 안에서 움직여 계산",
        "A value with several flags shows the first of: missing, planned, claim, estimated, range. The Data quality sheet lists every flag of every value.": "표시가 여러 개인 값은 결측, 계획, 주장, 추정, 범위 순으로 첫째 것만 보입니다. 데이터 품질 시트에 모든 값의 모든 표시가 있습니다.",
        "the worst end of the criterion's fixed scale (pessimistic)": "기준 고정 척도의 최악 끝값 (비관적)",
        "the lowest value among the compared sites (pessimistic: another site's value)": "비교 사이트 중 최저값 (비관적: 다른 사이트의 값)",
        "the highest value among the compared sites (pessimistic: another site's value)": "비교 사이트 중 최고값 (비관적: 다른 사이트의 값)",
        "Scope: {scope}": "범위(scope): {scope}",
        "Quote: “{quote}”": "인용: “{quote}”",
        "Claim: asserted by an interested party (a promoter, a press release), not measured.": "주장: 이해관계자(사업 주체, 보도자료)가 내세운 수치로, 측정값이 아님.",
        "Could rank: the best and the worst rank each site can take with these weights while every uncertain fact (a range where sources disagree, or an unknown value within the criterion's plausible range) moves within its range; ties share the better rank.": "가능 순위: 가중치는 그대로 두고 불확실한 자료(출처가 엇갈리는 범위, 또는 기준의 타당 범위 안에 있는 미상값)를 각자의 범위 안에서 움직일 때 각 사이트가 얻을 수 있는 최고·최저 순위. 동점은 높은 순위를 함께 가집니다.",
        "planned: plans count as if built (the Ranking sheet shows the built-only rank beside it)": "계획 포함: 계획 수치를 이미 갖춘 것처럼 셈 (순위 시트에 구축분만의 순위를 나란히 표시)",
        "a criterion takes part when at least {share} of the sites have a comparable fact": "사이트의 {share} 이상이 비교 가능한 자료를 가질 때만 기준이 순위에 참여",
        "built: facts with status plan are set aside and count as missing": "구축분만: 계획(plan) 자료는 제외하고 결측으로 처리",
        "Could rank (uncertain facts)": "가능 순위 (불확실 자료)",
        "sitting out: {names} (see Data quality)": "제외된 기준: {names} (데이터 품질 참조)",
        "Points: {a} and {b} tie ({s:.1f} of 100).": "점수: {a}, {b} 동점 (100점 중 {s:.1f}점).",
        "Points: {a} has {s:.1f} of 100, {g:.1f} ahead of {b}.": "점수: {a} 100점 중 {s:.1f}점, {b}보다 {g:.1f}점 앞섬.",
        "Weights set by": "가중치 설정 주체",
        "Horizon": "시점 기준",
        "Coverage": "자료 포괄도",
        "Rank, built only (plans set aside)": "순위, 구축분만 (계획 제외)",
        "Exact (closed form).": "정확한 값 (닫힌 형식).",
        "Found by sampling {k} configurations (seed {seed}): the true range may be wider.": "{k}개 구성을 표본 추출해 찾음 (시드 {seed}): 실제 범위는 더 넓을 수 있음.",
        "not recorded (weights_by in the criteria file)": "기록 없음 (기준 파일의 weights_by)",
        "Rank, built only: the same weights and method with every planned figure set aside (horizon built): what the sites offer today.": "순위, 구축분만: 같은 가중치와 방법으로 계획 수치를 모두 빼고(시점 기준 built) 매긴 순위, 곧 각 사이트가 지금 갖춘 것.",
        "used as given (a claim by an interested party, not measured)": "그대로 사용 (이해관계자의 주장, 측정값 아님)",
        "Facts not used: another scope, or a plan under horizon built": "쓰이지 않은 자료: 범위(scope)가 다르거나, 시점 기준 built에서의 계획",
        "Criteria that sit out (too few sites can use them)": "순위에서 빠진 기준 (쓸 수 있는 사이트가 너무 적음)",
        "Minimum coverage": "최소 포괄도",
        "Rank intervals": "순위 구간",
        "Sites with a comparable fact": "비교 가능한 자료가 있는 사이트",
        "Weight it had": "원래 가중치",
        "A criterion that fewer than its minimum coverage of the sites can use (after scope and horizon) takes no part in the ranking; its weight is shared among the criteria that do, in proportion to their weights.": "범위(scope)와 시점 기준을 적용한 뒤 최소 포괄도에 못 미치는 사이트만 쓸 수 있는 기준은 순위에 참여하지 않으며, 그 가중치는 참여하는 기준들에 가중치 비율대로 나뉩니다.",
        "Fact as written": "기재된 자료",
        "Its scope": "자료의 범위",
        "Scopes compared": "비교하는 범위",
        "Status": "상태",
        "Why it is not used": "쓰이지 않은 이유",
        "{seed} (the rank intervals are sampled)": "{seed} (순위 구간을 표본 추출로 구함)",
        "{usable} of {n} sites have a comparable fact ({share}); it needs {need}": "사이트 {n}곳 중 {usable}곳만 비교 가능한 자료 보유 ({share}); 필요 수준 {need}",
        "a plan: horizon built compares only what exists": "계획 수치: 시점 기준 built는 이미 있는 것만 비교",
        "no scope recorded; the criterion compares only: {scopes}": "범위(scope) 기록 없음; 이 기준이 비교하는 범위: {scopes}",
        "another scope; the criterion compares only: {scopes}": "다른 범위(scope); 이 기준이 비교하는 범위: {scopes}",
        "Criteria that sit out (too few sites have a comparable fact: {names}) are listed after the others: their weights are kept, and read back, but take no share.": "순위에서 빠진 기준(비교 가능한 자료가 있는 사이트가 너무 적음: {names})은 맨 뒤에 둡니다. 가중치는 남아 있고 다시 읽히지만 비중은 0입니다.",
        "sits out": "제외됨",
        "Sits out of the ranking: {why}.": "순위에서 제외: {why}.",
        "The criterion's plausible range (missing: interval): {worst} (worst) to {best} (best) is its fixed scale; values beyond it are clipped.": "기준의 타당 범위(missing: interval) {worst}(최악)~{best}(최선)가 고정 척도이며, 이를 벗어난 값은 끝값으로 잘립니다.",
        "Rank intervals (could rank, uncertain facts)": "순위 구간 (가능 순위, 불확실 자료)",
        "No fact is uncertain: each site's rank interval is its rank.": "불확실한 자료가 없음: 각 사이트의 순위 구간은 그 순위 자체입니다.",
        "Best rank": "최고 순위",
        "Worst rank": "최저 순위",
        "Lowest live score": "최저 실시간 점수",
        "Highest live score": "최고 실시간 점수",
        "Live: the lowest and highest scores take every uncertain fact at its worst and at its best end (the two blocks below); a site's best rank counts the sites whose lowest score is above its highest, its worst rank those whose highest score is above its lowest. Edit a weight and they follow.": "실시간: 최저·최고 점수는 불확실한 자료를 모두 가장 불리한 끝값과 가장 유리한 끝값에 둔 값입니다(아래 두 블록). 최고 순위는 최저 점수가 이 사이트의 최고 점수보다 높은 사이트 수로, 최저 순위는 최고 점수가 이 사이트의 최저 점수보다 높은 사이트 수로 셉니다. 가중치를 바꾸면 함께 바뀝니다.",
        "Fixed: computed when the workbook was made, for its weights ({how}); here the uncertain facts can move the normalisation itself, so the intervals are not formulas. Re-run sitecompare with --weights-from to update them.": "고정값: 통합 문서를 만들 때 그 가중치로 계산했습니다({how}). 여기서는 불확실한 자료가 정규화 자체를 움직일 수 있어 구간을 수식으로 두지 않았습니다. 갱신하려면 sitecompare를 --weights-from과 함께 다시 실행하세요.",
        "Normalised, every uncertain fact at its worst end": "정규화 값, 불확실한 자료를 모두 가장 불리한 끝값에 둠",
        "Normalised, every uncertain fact at its best end": "정규화 값, 불확실한 자료를 모두 가장 유리한 끝값에 둠",
        "{value} for {site}, an unknown value at the worst end of its plausible range": "{site} {value}(미상값: 타당 범위의 가장 불리한 끝값)",
        "unknown": "미상",
        "; unknown facts drawn within their plausible range": "; 미상 자료는 타당 범위 안에서 추출",
        "unknown (missing: interval): drawn within the criterion's plausible range": "미상(missing: interval): 기준의 타당 범위 안에서 추출",
        "unknown (missing: interval): anywhere from {low} to {high}; the point ranking takes {value}, the worst end (no credit without evidence), and the rank intervals let it move": "미상(missing: interval): {low}~{high} 어디에나 있을 수 있음. 점 순위에는 가장 불리한 끝값 사용: {value} (근거 없이는 점수 없음). 순위 구간은 이 값을 범위 안에서 움직여 계산",
        # the headline (sitecompare.headline.HEADLINE_TEMPLATES)
        "{site} ranks first. With these weights it could rank {interval} as the uncertain facts vary within their ranges.": "1위: {site}. 이 가중치에서 불확실한 자료가 범위 안에서 움직이면 가능한 순위는 {interval}위입니다.",
        "{site} ranks first. With these weights it could rank {interval} as the uncertain facts vary within their ranges (found by sampling: the true range may be wider).": "1위: {site}. 이 가중치에서 불확실한 자료가 범위 안에서 움직이면 가능한 순위는 {interval}위입니다 (표본 추출로 구함: 실제 범위는 더 넓을 수 있음).",
        "{site} ranks first, and no uncertain fact can change that with these weights.": "1위: {site}. 이 가중치에서는 어떤 불확실한 자료도 이 결과를 바꾸지 못합니다.",
        "{sites} share first place.": "공동 1위: {sites}.",
        "The data cannot separate {sites} from it: their rank intervals overlap.": "자료로는 1위와 다음 사이트를 가를 수 없습니다(순위 구간이 겹침): {sites}.",
        "The facts whose collection would separate them, largest effect first: {facts}.": "이들을 가르려면 다음 자료를 확보해야 합니다(영향이 큰 순): {facts}.",
        "{crit} of {site} (unknown, {low} to {high})": "{site}의 {crit} (미상, {low}~{high})",
        "{crit} of {site} (sources disagree, {low} to {high})": "{site}의 {crit} (출처 불일치, {low}~{high})",
        "Horizon: planned (plans count as if built). Comparing only what is built, {site} ranks first.": "시점 기준: 계획 포함(계획을 갖춘 것처럼 셈). 구축분만 비교하면 1위는 {site}.",
        "Horizon: planned (plans count as if built). Comparing only what is built, {sites} share first place.": "시점 기준: 계획 포함(계획을 갖춘 것처럼 셈). 구축분만 비교하면 공동 1위: {sites}.",
        "Horizon: planned (plans count as if built). Comparing only what is built, the leader is the same.": "시점 기준: 계획 포함(계획을 갖춘 것처럼 셈). 구축분만 비교해도 1위는 같습니다.",
        "Horizon: planned (plans count as if built). A built-only ranking is not possible: {why}.": "시점 기준: 계획 포함(계획을 갖춘 것처럼 셈). 구축분만의 순위는 매길 수 없습니다: {why}.",
        "Horizon: planned; no fact used is a plan.": "시점 기준: 계획 포함. 사용한 자료 중 계획 수치는 없습니다.",
        "Horizon: built (planned figures are set aside and count as missing).": "시점 기준: 구축분만 (계획 수치는 제외하고 결측으로 처리).",
        "Coverage: all {n} criteria take part.": "자료 포괄도: 기준 {n}개 모두 참여.",
        "Coverage: {used} of {n} criteria take part; {out} sit out (too few sites have a comparable figure) and their weight is shared among the others in proportion.": "자료 포괄도: 기준 {n}개 중 {used}개 참여. 제외: {out} (비교 가능한 수치가 있는 사이트가 너무 적음). 그 가중치는 나머지 기준에 비율대로 나뉩니다.",
        "{k} facts of another scope or horizon are not used (listed on Data quality).": "범위(scope)나 시점 기준이 달라 쓰이지 않은 자료: {k}건 (데이터 품질 시트에 목록).",
        "Weights set by: {who}.": "가중치 설정 주체: {who}.",
        "Who set the weights is not recorded (weights_by in the criteria file).": "가중치를 누가 정했는지 기록이 없습니다 (기준 파일의 weights_by).",
        "Sorted by the size of the relative change. Shaded: first place is at stake. 'Weight at the swap' is the weight after all weights are rescaled to 100%: the crossover on the Weight sweeps sheet. T&S δ: Triantaphyllou & Sánchez's change of the weight with the other weights unchanged before all are rescaled (the same swap, another unit).": "상대 변화의 크기 순. 음영: 1위가 걸린 경우. '교차 시 가중치'는 모든 가중치를 100%로 재조정한 뒤의 가중치로, 가중치 스윕 시트의 교차점입니다. T&S δ: 다른 가중치를 그대로 두고 재조정하기 전에 이 가중치를 바꾸는 양(Triantaphyllou & Sánchez, 같은 교차를 다른 단위로 표시).",
        "T&S δ (others unchanged)": "T&S δ (나머지 고정)",
        "One measure throughout this workbook: a weight's share of the total, the other weights rescaled in proportion (as on the Weight sweeps sheet, whose crossovers are the 'weight at the swap'); relative change = (weight at the swap − weight now) / weight now. A criterion needing a small relative change is the one whose weight most needs the stakeholders' agreement. The pairs are Triantaphyllou & Sánchez's (1997); their δ, the change with the other weights unchanged before rescaling, is in the last table.": "이 통합 문서 전체에서 하나의 척도를 씁니다: 전체에서 가중치가 차지하는 비중이며, 나머지 가중치는 비율대로 재조정합니다(가중치 스윕 시트와 같으며, 그 교차점이 '교차 시 가중치'). 상대 변화 = (교차 시 가중치 − 현재 가중치) / 현재 가중치. 작은 상대 변화로 순위가 바뀌는 기준일수록 이해관계자의 합의가 필요합니다. 사이트 쌍은 Triantaphyllou & Sánchez(1997)의 것이며, 그들의 δ(재조정 전 나머지 가중치를 고정한 변화)는 마지막 표에 있습니다.",
        # the sensitivity headline on the share convention (one definition of "critical")
        "The smallest single-weight change that takes first place from {site} is to cut the {crit} weight by {rel} of itself, from {now} to {new} of the total (the others rescaled in proportion), which hands it to {other}": "1위({site})를 바꾸는 가장 작은 가중치 하나의 변화: {crit} 가중치를 자기 값의 {rel}만큼 줄여 전체의 {now}에서 {new}로(나머지는 비율대로 재조정). 그러면 1위가 넘어가는 곳: {other}",
        "The smallest single-weight change that takes first place from {site} is to raise the {crit} weight by {rel} of itself, from {now} to {new} of the total (the others rescaled in proportion), which hands it to {other}": "1위({site})를 바꾸는 가장 작은 가중치 하나의 변화: {crit} 가중치를 자기 값의 {rel}만큼 늘려 전체의 {now}에서 {new}로(나머지는 비율대로 재조정). 그러면 1위가 넘어가는 곳: {other}",
        ": first place is robust to smaller changes of one weight, though not to any change (the Weight sweeps sheet shows where each weight hands it over).": ". 1위는 가중치 하나가 이보다 작게 바뀌는 데에는 견고하지만, 어떤 변화에도 견고한 것은 아닙니다(가중치별로 1위가 넘어가는 지점은 가중치 스윕 시트에 있음).",
        "First place changes only when the {crit} weight, now 0%, rises to {new} of the total, which hands it to {other}.": "1위는 현재 0%인 {crit} 가중치가 전체의 {new}까지 오를 때에만 바뀌며, 그러면 1위가 넘어가는 곳: {other}.",
    }
)
