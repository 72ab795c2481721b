# ruff: noqa: E501 - the translation table pairs long English labels with their Korean text
"""Korean labels of the workbook's sheets (Summary to What-if): English label -> Korean.

Keys are the English labels exactly as written in the code (``L.t("...")``);
:data:`sitecompare.report.i18n.KO` joins this table with :mod:`.ko_analysis`.
"""

from __future__ import annotations

__all__ = ["KO_SHEETS"]

KO_SHEETS: dict[str, str] = {
    # names of things
    "higher is better": "클수록 좋음",
    "lower is better": "작을수록 좋음",
    "missing": "결측",
    "planned": "계획",
    "estimated": "추정",
    "range": "범위",
    "computed": "계산",
    "stale": "오래됨",
    "outside the fixed scale": "고정 척도 밖",
    "worst value": "최저값",
    "median value": "중앙값",
    "exclude the site": "사이트 제외",
    "error (must be present)": "오류(반드시 있어야 함)",
    "measured": "실측",
    "plan": "계획",
    "estimate": "추정",
    "n/a": "해당 없음",
    "none": "없음",
    "Page &P of &N": "&P / &N 쪽",
    "Weighted sum model": "가중합 모형",
    "Weighted product model": "가중곱 모형",
    # normalisations
    "Min-max normalisation: (x − min)/(max − min) for a higher-is-better criterion, (max − x)/(max"
    " − min) for a lower-is-better one, so 1 is the best site and 0 the worst on each criterion. A "
    "criterion with a fixed scale uses (x − worst)/(best − worst) clipped to 0..1 instead of the "
    "sites' own min and max.": "최소-최대 정규화: 클수록 좋은 기준은 (x − 최소)/(최대 − 최소), 작을수록 좋은 기준은 "
    "(최대 − x)/(최대 − 최소)이므로 각 기준에서 가장 좋은 사이트가 1, 가장 나쁜 사이트가 0입니다. "
    "고정 척도가 있는 기준은 사이트들의 최소·최대 대신 (x − 최악)/(최선 − 최악)을 0..1로 잘라 씁니다.",
    "Max normalisation: x/max for a higher-is-better criterion and min/x for a lower-is-better one; "
    "1 is the best site.": "최대 정규화: 클수록 좋은 기준은 x/최대, 작을수록 좋은 기준은 최소/x; 1이 가장 좋은 사이트입니다.",
    "Sum normalisation: x/Σx for a higher-is-better criterion and (1/x)/Σ(1/x) for a lower-is-better"
    " one.": "합계 정규화: 클수록 좋은 기준은 x/Σx, 작을수록 좋은 기준은 (1/x)/Σ(1/x).",
    "Vector normalisation: x/√(Σx²) for a higher-is-better criterion and 1 − x/√(Σx²) for a "
    "lower-is-better one.": "벡터 정규화: 클수록 좋은 기준은 x/√(Σx²), 작을수록 좋은 기준은 1 − x/√(Σx²).",
    "No normalisation: the raw value (its negative for a lower-is-better criterion).": "정규화 없음: 원래 값(작을수록 좋은 기준은 음수로 바꾼 값).",
    # decision matrix
    "Decision matrix": "의사결정 행렬",
    "Each site's value on each criterion, in the criterion's unit, exactly as ranked. Hover over a "
    "value for its source, date and status.": "순위 산정에 쓰인 그대로의 각 사이트·기준별 값(기준 단위). 값 위에 마우스를 올리면 출처, 날짜, "
    "상태가 보입니다.",
    "Legend": "범례",
    "A value with several flags shows the first of: missing, planned, estimated, range. The Data "
    "quality sheet lists every flag of every value.": "표시가 여러 개인 값은 결측, 계획, 추정, 범위 순으로 첫 번째 것만 보입니다. 모든 값의 모든 "
    "표시는 데이터 품질 시트에 있습니다.",
    "Missing: the site has no such fact; the criterion's missing-value policy filled it in (see the "
    "comment).": "결측: 사이트에 해당 자료가 없어 기준의 결측값 정책으로 채웠습니다(메모 참조).",
    "Planned: a plan or target, not yet built or measured.": "계획: 아직 건설·측정되지 않은 계획 또는 목표.",
    "Estimated: the source gives an estimate.": "추정: 출처가 추정치를 제시.",
    "Range: sources disagree; the point value is used and the range is kept for the sensitivity "
    "analysis.": "범위: 출처마다 값이 달라 대표값을 쓰고, 범위는 민감도 분석에 씁니다.",
    "Italic brown text: older than {years:g} years as of {date} (stale).": "갈색 기울임꼴: {date} 기준 {years:g}년보다 오래된 값(오래됨).",
    "Screened out (not in the matrix)": "선별 제외(행렬에 없음)",
    "No fact '{fact}' for this site.": "이 사이트에는 '{fact}' 자료가 없습니다.",
    "Missing-value policy '{policy}': set to {value}, {why}.": "결측값 정책 '{policy}': {value}(으)로 설정, {why}.",
    "Source: {title}{pub}, {date}": "출처: {title}{pub}, {date}",
    "Source: {key}": "출처: {key}",
    " (stale: older than {years:g} years)": " (오래됨: {years:g}년 초과)",
    "Status: {status}; as of {date}{age}": "상태: {status}; 기준일 {date}{age}",
    "Range: {low} to {high}; the point value {value} is used": "범위: {low} ~ {high}; 대표값 {value} 사용",
    "As written: {value} (converted to {unit})": "원자료: {value}({unit}(으)로 환산)",
    "Outside the fixed scale {worst} to {best}: counts as the nearest end": "고정 척도 {worst} ~ {best} 밖: 가까운 끝값으로 계산",
    "Computed: {method}": "계산 방법: {method}",
    "Note: {note}": "비고: {note}",
    "no unit": "단위 없음",
    "weight {w:.1%}": "가중치 {w:.1%}",
    "if missing: {policy}": "결측 시: {policy}",
    "the worst end of the criterion's fixed scale": "기준 고정 척도의 최악 끝값",
    "the lowest value among the compared sites": "비교 사이트 중 가장 낮은 값",
    "the highest value among the compared sites": "비교 사이트 중 가장 높은 값",
    "the median of the compared sites' values": "비교 사이트 값의 중앙값",
    "no compared site has this fact, so every site gets 0 and the criterion does not discriminate": "어느 비교 사이트에도 이 자료가 없어 모두 0이며, 이 기준은 변별력이 없습니다",
    "Reason": "사유",
    # normalised
    "Normalised values": "정규화 값",
    "The values on a common 0-1 scale (min-max, 1 = best). {method} does not normalise this way; "
    "min-max is shown to compare criteria.": "공통 0-1 척도의 값(최소-최대, 1 = 최선). {method}은(는) 이렇게 정규화하지 않으며, 기준 "
    "비교를 위해 최소-최대 값을 보여 줍니다.",
    "The values on a common scale as the weighted sum uses them ({norm}); higher is better on every "
    "criterion.": "가중합이 쓰는 공통 척도의 값({norm}); 모든 기준에서 클수록 좋습니다.",
    "The values as TOPSIS uses them ({norm} normalisation, not turned round for lower-is-better "
    "criteria: TOPSIS takes the ideal as the minimum of those).": "TOPSIS가 쓰는 값({norm} 정규화; 작을수록 좋은 기준도 뒤집지 않으며, TOPSIS는 그 최소값을 "
    "이상점으로 씁니다).",
    "Shading follows each criterion's direction: the darker the better.": "음영은 기준 방향을 따릅니다: 진할수록 좋습니다.",
    "VIKOR's linear normalisation turned round so that 1 is the best value (f*) and 0 the worst "
    "(f−) on each criterion.": "VIKOR 선형 정규화를 뒤집어 각 기준의 최선값(f*)이 1, 최악값(f−)이 0이 되게 했습니다.",
    "Shown: 1 − (f* − f)/(f* − f−), so higher is better on every criterion.": "표시값: 1 − (f* − f)/(f* − f−), 모든 기준에서 클수록 좋습니다.",
    "PROMETHEE II single-criterion net flows: how much a site outranks the others on that "
    "criterion alone, from −1 to 1.": "PROMETHEE II 단일 기준 순흐름: 그 기준만 볼 때 사이트가 다른 사이트보다 얼마나 우월한지(−1 ~ 1).",
    "The values as {method} normalises them.": "{method}이(가) 정규화한 값.",
    "The site's net flow is the weighted sum of these values.": "사이트의 순흐름은 이 값들의 가중합입니다.",
    # contributions
    "Contributions to the score": "점수 기여도",
    "Contributions to each site's score": "사이트별 점수 기여도",
    "points": "점",
    "How many of each site's 0-100 points come from each criterion (weight × normalised value × "
    "100).": "각 사이트의 0-100점 중 기준별로 얻은 점수(가중치 × 정규화 값 × 100).",
    "Each criterion's share of each site's PROMETHEE II net flow (weight × single-criterion net "
    "flow); the shares add up to the net flow.": "각 사이트 PROMETHEE II 순흐름에서 기준별 몫(가중치 × 단일 기준 순흐름); 몫을 더하면 "
    "순흐름입니다.",
    "Net flow": "순흐름",
    "{method} scores are not a sum over criteria, so this sheet breaks down the weighted-sum (WSM, "
    "min-max) score for the same weights instead: it shows which criteria drive each site, not the "
    "{method} score.": "{method} 점수는 기준별 합이 아니므로, 이 시트는 같은 가중치의 가중합(WSM, 최소-최대) 점수를 "
    "분해합니다. {method} 점수가 아니라 어떤 기준이 각 사이트를 이끄는지를 보여 줍니다.",
    "WSM score (0-100)": "WSM 점수(0-100)",
    "The ranking in this workbook is by {method}; see the Ranking sheet.": "이 통합 문서의 순위는 {method} 기준입니다. 순위 시트를 보십시오.",
    "(first {k} sites)": "(상위 {k}개 사이트)",
    "A criterion with a large weight but a small bar here is one on which the site scores poorly; "
    "a missing value filled in with the worst value contributes nothing under min-max.": "가중치는 큰데 막대가 짧은 기준은 그 사이트가 약한 기준입니다. 최저값으로 채운 결측값은 "
    "최소-최대 정규화에서 점수를 전혀 얻지 못합니다.",
    "Score (0-100)": "점수(0-100)",
    "Rank": "순위",
    "Site": "사이트",
    "Score": "점수",
    "Closeness": "근접도",
    "Q": "Q",
    # summary
    "Site comparison: {name}": "입지 비교: {name}",
    "{label} ({method})": "{label}({method})",
    "(base weights)": "(기본 가중치)",
    "scenario '{name}' of the criteria file": "기준 파일의 시나리오 '{name}'",
    "the criteria file's weights": "기준 파일의 가중치",
    "derived by: {method}": "도출 방법: {method}",
    "consistency ratio {cr}": "일관성 비율 {cr}",
    "{n} participants": "참가자 {n}명",
    "{n} participant": "참가자 {n}명",
    "{sites} compared on {crits} with {method}; prepared {date} with sitecompare {version}": "{sites}을(를) {crits}(으)로 {method}에 따라 비교; {date} sitecompare {version}(으)로 작성",
    "{n} site": "사이트 {n}곳",
    "{n} sites": "사이트 {n}곳",
    "{n} criterion": "기준 {n}개",
    "{n} criteria": "기준 {n}개",
    "What was compared": "비교 대상",
    "How they were ranked": "순위 산정 방법",
    "The result at a glance": "결과 한눈에 보기",
    "Caveats that matter": "유의할 점",
    "How to read this workbook": "이 통합 문서 읽는 법",
    "Sites compared": "비교한 사이트",
    "Screened out": "선별 제외",
    "Criteria set": "기준 세트",
    "Criteria": "기준",
    "Facts as of": "자료 기준일",
    "{date}; facts older than {years:g} years count as stale": "{date}; {years:g}년보다 오래된 자료는 '오래됨'으로 봅니다",
    "Method": "방법",
    "Cost criteria": "비용형 기준",
    "Reference": "참고 문헌",
    "Weights from": "가중치 출처",
    "Weights": "가중치",
    "Missing values": "결측값",
    "{a} and {b} tie for first place ({s:.1f} of 100).": "{a}와(과) {b}이(가) 공동 1위입니다(100점 중 {s:.1f}점).",
    "{a} ranks first with {s:.1f} of 100 points, {g:.1f} points ahead of {b}.": "{a}이(가) 100점 중 {s:.1f}점으로 1위이며, 2위 {b}보다 {g:.1f}점 앞섭니다.",
    "{a} is the only site left in the comparison.": "비교에 남은 사이트는 {a}뿐입니다.",
    "English name": "영문 이름",
    "Local name": "현지 이름",
    "Gap to next": "다음 순위와 차이",
    "Rank range across scenarios and methods": "시나리오·방법별 순위 범위",
    "The first {k} of {n} sites; the Ranking sheet lists all.": "사이트 {n}곳 중 상위 {k}곳; 전체 목록은 순위 시트에 있습니다.",
    "First place under each weight scenario ({method}): ": "가중치 시나리오별 1위({method}): ",
    "First place under each method (same weights): ": "방법별 1위(같은 가중치): ",
    "could not run": "실행 불가",
    "Score (0-100) = 100 × the weighted sum of normalised values: 100 would mean best on every "
    "criterion, 0 worst on every criterion.": "점수(0-100) = 100 × 정규화 값의 가중합: 100은 모든 기준에서 최선, 0은 모든 기준에서 최악을 "
    "뜻합니다.",
    "Score (0-100) = 100 × TOPSIS closeness to the ideal site.": "점수(0-100) = 100 × 이상 사이트에 대한 TOPSIS 근접도.",
    "Score (0-100) = 100 × (1 − Q): VIKOR's Q is lower-is-better, so it is turned round to read "
    "like the other methods.": "점수(0-100) = 100 × (1 − Q): VIKOR의 Q는 작을수록 좋으므로 다른 방법처럼 읽히도록 뒤집었습니다.",
    "Score (0-100) = 50 × (net flow + 1): a net flow of −1..1 mapped to 0..100.": "점수(0-100) = 50 × (순흐름 + 1): −1..1의 순흐름을 0..100으로 옮긴 값.",
    "Score (0-100) = 100 × the weighted product relative to the best site.": "점수(0-100) = 100 × 최고 사이트 대비 가중곱.",
    "Score (0-100): the method's scores rescaled so that the best site has 100 and the worst 0.": "점수(0-100): 최고 사이트가 100, 최저 사이트가 0이 되도록 방법의 점수를 환산한 값.",
    "Missing values ({k} of {total}): filled in by each criterion's missing-value policy, which "
    "usually costs the site points:": "결측값({total}개 중 {k}개): 기준별 결측값 정책으로 채웠으며, 대개 해당 사이트의 점수를 "
    "깎습니다:",
    "{crit}: {sites}; set to the {policy}, {value}": "{crit}: {sites}; {policy}인 {value}(으)로 설정",
    "Planned values ({k}): plans or targets, not yet built or measured; used as given:": "계획값({k}개): 아직 건설·측정되지 않은 계획 또는 목표이며, 그대로 사용:",
    "Estimates ({k}): used as given:": "추정값({k}개): 그대로 사용:",
    "Ranges ({k}): sources disagree; the point value (the midpoint unless a source gives one) is "
    "used and the range is kept for the sensitivity analysis:": "범위값({k}개): 출처마다 값이 달라 대표값(출처가 주지 않으면 중간값)을 쓰고, 범위는 민감도 "
    "분석에 씁니다:",
    "Computed values ({k}): e.g. straight-line distances from coordinates; the method is in each "
    "value's comment:": "계산값({k}개): 예를 들어 좌표로 계산한 직선거리이며, 계산 방법은 각 값의 메모에 있습니다:",
    "Stale values ({k}): older than {years:g} years as of {date}; used as given:": "오래된 값({k}개): {date} 기준 {years:g}년 초과, 그대로 사용:",
    "Outside the fixed scale ({k}): counted as the nearest end of the scale:": "고정 척도 밖의 값({k}개): 척도의 가까운 끝값으로 계산:",
    "{site} was screened out: {why}.": "{site}은(는) 선별에서 제외되었습니다: {why}.",
    "No missing, planned, estimated, ranged, computed or stale values.": "결측, 계획, 추정, 범위, 계산, 오래된 값이 없습니다.",
    "Every sheet stands on its own: its title says what it shows and its notes say how to read it."
    " Sites appear in rank order on every sheet.": "각 시트는 따로 읽어도 됩니다: 제목이 내용을, 주석이 읽는 법을 알려 줍니다. 모든 시트에서 "
    "사이트는 순위 순서로 나옵니다.",
    "Hover over a value on the Decision matrix for its source, date and status. Shaded values are "
    "missing (imputed), planned, estimated or ranges; the legend is under the matrix.": "의사결정 행렬의 값 위에 마우스를 올리면 출처, 날짜, 상태가 보입니다. 음영은 결측(대체), "
    "계획, 추정, 범위 값이며 범례는 행렬 아래에 있습니다.",
    "On the What-if sheet the yellow cells are inputs: change a weight or a value and the scores "
    "and ranks recalculate (weighted sum).": "What-if 시트의 노란 셀은 입력 칸입니다: 가중치나 값을 바꾸면 점수와 순위가 다시 "
    "계산됩니다(가중합).",
    # ranking
    "Ranking": "순위",
    "All sites in rank order under {method}, with their rank under each weight scenario and under "
    "each built-in method.": "{method}에 따른 전체 사이트 순위와, 가중치 시나리오별·내장 방법별 순위.",
    "Rank under each weight scenario": "가중치 시나리오별 순위",
    "Rank under each method (same weights)": "방법별 순위(같은 가중치)",
    "Gap to next: the difference in 0-100 points to the site ranked just below. Ties share the "
    "better rank (1, 1, 3).": "다음 순위와 차이: 바로 아래 순위 사이트와의 0-100점 차이. 동점은 높은 순위를 함께 받습니다"
    "(1, 1, 3).",
    "Rank under each weight scenario: the same method ({method}) with each named weight profile of "
    "the criteria file; '(base weights)' are the criteria file's own weights. The Weights sheet "
    "shows each profile.": "가중치 시나리오별 순위: 같은 방법({method})에 기준 파일의 이름 붙은 가중치 프로필을 각각 "
    "적용; '(기본 가중치)'는 기준 파일 자체의 가중치입니다. 각 프로필은 가중치 시트에 있습니다.",
    "Rank under each method: the same weights and data ranked by each built-in method with its "
    "published default settings (* = the method of this workbook). Shaded ranks differ from the "
    "rank in the first column.": "방법별 순위: 같은 가중치와 자료를 각 내장 방법의 공개된 기본 설정으로 순위 매김(* = 이 "
    "통합 문서의 방법). 음영 칸은 첫 열의 순위와 다릅니다.",
    "{method} could not rank these data: {why}": "{method}은(는) 이 자료로 순위를 낼 수 없습니다: {why}",
    # data quality
    "filled in by the '{policy}' policy: {value}, {why}": "'{policy}' 정책으로 채움: {value}, {why}",
    "used as given (a plan, not yet built or measured)": "그대로 사용(아직 건설·측정되지 않은 계획)",
    "used as given (an estimate)": "그대로 사용(추정값)",
    "point value {value} used (range {low} to {high}); the range is kept for the sensitivity "
    "analysis": "대표값 {value} 사용(범위 {low} ~ {high}); 범위는 민감도 분석에 사용",
    "used as given; computed: {method}": "그대로 사용; 계산 방법: {method}",
    "used as given; dated {date}, {age:.1f} years before {as_of} (stale after {years:g} years)": "그대로 사용; {date} 자료로 {as_of}보다 {age:.1f}년 앞섬({years:g}년 초과 시 오래됨)",
    "outside the fixed scale {worst} to {best}; counts as {anchor}": "고정 척도 {worst} ~ {best} 밖; {anchor}(으)로 계산",
    "no method given": "방법 미기재",
    "Data quality": "데이터 품질",
    "For each site and criterion: which values are missing, planned, estimated, ranges, computed or"
    " stale, and how each was treated in the ranking.": "사이트·기준별로 결측, 계획, 추정, 범위, 계산, 오래된 값이 무엇이며 순위 산정에서 각각 "
    "어떻게 처리했는지.",
    "Overview": "개요",
    "Criteria with a sourced value": "출처 있는 값이 있는 기준",
    "✓ = a sourced, current value. Fills as on the Decision matrix: rose = missing, lilac = "
    "planned, green = estimated, blue = range; italic brown = stale.": "✓ = 출처 있는 최신 값. 채우기 색은 의사결정 행렬과 같습니다: 분홍 = 결측, 연보라 = 계획, "
    "연두 = 추정, 하늘 = 범위; 갈색 기울임꼴 = 오래됨.",
    "Every flag and how it was treated": "모든 표시와 처리 방법",
    "Criterion": "기준",
    "Flag": "표시",
    "Value used": "사용한 값",
    "How it was treated": "처리 방법",
    "Source": "출처",
    "As of": "기준일",
    "No flags: every value is a sourced, current, measured point value.": "표시 없음: 모든 값이 출처 있는 최신 실측 점값입니다.",
    "Screened-out sites": "선별 제외 사이트",
    # sources
    "Sources": "출처",
    "Every source named by a site profile: title, publisher, date, link, and which facts come from "
    "it.": "사이트 프로필이 밝힌 모든 출처: 제목, 발행처, 날짜, 링크, 그리고 그 출처의 자료.",
    "Source key": "출처 키",
    "Title": "제목",
    "Publisher": "발행처",
    "Date": "날짜",
    "Link": "링크",
    "Facts used in the comparison": "비교에 쓴 자료",
    "Other facts": "기타 자료",
    "Links show the web site and the start of the address; click to open the full address. Only "
    "web (http, https) and mail links are made clickable; anything else is shown as text.": "링크는 웹사이트와 주소 앞부분만 보이며, 누르면 전체 주소가 열립니다. 웹(http, https)과 메일 "
    "링크만 누를 수 있고, 그 밖의 것은 글자로만 보입니다.",
    # run info
    "Run info": "실행 정보",
    "How this workbook was made: tool and library versions, the exact command, the input files "
    "with their SHA-256 fingerprints.": "이 통합 문서를 만든 방법: 도구와 라이브러리 버전, 정확한 명령, 입력 파일과 그 SHA-256 지문.",
    "Run": "실행",
    "Software": "소프트웨어",
    "Input files": "입력 파일",
    "To check that a file is the one ranked here, compare its SHA-256 (e.g. sha256sum FILE) with "
    "the value above.": "파일이 여기서 순위를 매긴 그 파일인지 확인하려면 SHA-256(예: sha256sum FILE)을 위 값과 "
    "비교하십시오.",
    "Tool": "도구",
    "Generated (UTC)": "생성 시각(UTC)",
    "Command line": "명령줄",
    "Seed": "난수 시드",
    "none: the ranking is deterministic": "없음: 순위 산정은 결정적입니다",
    "Sites folder": "사이트 폴더",
    "Scenario": "시나리오",
    "Language": "언어",
    "Platform": "플랫폼",
    "Component": "구성 요소",
    "Version": "버전",
    "File": "파일",
    "Bytes": "바이트",
    "(library call: sitecompare.write_workbook)": "(라이브러리 호출: sitecompare.write_workbook)",
    "(not readable)": "(읽을 수 없음)",
    # weights
    "Weights and scenarios": "가중치와 시나리오",
    "The weights in force and where they came from, every named weight scenario side by side, and "
    "each site's rank under each scenario.": "적용된 가중치와 그 출처, 이름 붙은 가중치 시나리오 비교, 시나리오별 사이트 순위.",
    "Weights by scenario (shares of 100%)": "시나리오별 가중치(100% 중 비중)",
    "Criterion id": "기준 ID",
    "In force in this workbook": "이 통합 문서에 적용",
    "Points in the criteria file": "기준 파일의 점수",
    "Total": "합계",
    "Weights are any non-negative points, normalised to shares that add up to 100% before any "
    "method sees them. A scenario that does not name a criterion keeps the criteria file's points "
    "for it.": "가중치는 0 이상의 어떤 점수든 되며, 방법에 넘기기 전에 합이 100%인 비중으로 정규화합니다. "
    "시나리오가 언급하지 않은 기준은 기준 파일의 점수를 그대로 씁니다.",
    "Where the weights came from": "가중치의 출처",
    "Derived by": "도출 방법",
    "Details": "세부 사항",
    "direct": "직접 입력",
    "weights written directly in the criteria file": "기준 파일에 직접 쓴 가중치",
    "weights written directly in the criteria file ({path})": "기준 파일({path})에 직접 쓴 가중치",
    "Criteria: what each one reads and how": "기준: 각 기준이 읽는 자료와 방식",
    "Fact read": "읽는 자료",
    "Unit": "단위",
    "Better when": "좋은 방향",
    "If missing": "결측 시",
    "Hard limit": "필수 한계",
    "Fixed scale": "고정 척도",
    "{worst} (worst) to {best} (best)": "{worst}(최악) ~ {best}(최선)",
    "Rank of each site under each scenario": "시나리오별 사이트 순위",
    "This workbook": "이 통합 문서",
    "Rank of each site by weight scenario (1 = best)": "가중치 시나리오별 사이트 순위(1 = 최고)",
    "Lines that stay flat show ranks that do not depend on the weights; crossing lines show where "
    "a different weighting changes the order.": "평평한 선은 가중치에 좌우되지 않는 순위를, 교차하는 선은 가중치가 달라지면 순서가 바뀌는 "
    "곳을 보여 줍니다.",
    "{scenario}: pairwise comparison matrix": "{scenario}: 쌍대 비교 행렬",
    "{scenario}: pairwise judgments (A over B)": "{scenario}: 쌍대 판단(A 대 B)",
    "A": "A",
    "B": "B",
    "A over B": "A 대 B",
    "{scenario}: AHP groups": "{scenario}: AHP 그룹",
    "Group": "그룹",
    "Local weights": "국소 가중치",
    # what-if
    "What-if: change the weights or the values and watch the ranking": "What-if: 가중치나 값을 바꾸고 순위 변화를 보십시오",
    "A live weighted-sum model: edit the yellow cells and the scores and ranks recalculate in the "
    "spreadsheet.": "살아 있는 가중합 모형: 노란 셀을 고치면 스프레드시트에서 점수와 순위가 다시 계산됩니다.",
    "1. Weights: type any non-negative numbers in the yellow row 'Weight (points)'. They become "
    "shares of 100% by formula, so only their ratios matter.": "1. 가중치: 노란 '가중치 (점수)' 행에 0 이상의 숫자를 입력하십시오. 수식이 100% 중 비중으로 "
    "바꾸므로 비율만 중요합니다.",
    "2. Values: type another value in a site's yellow cell (in the unit shown) to test a different "
    "fact. Rose cells are missing facts, filled in by a formula that applies the criterion's "
    "missing-value policy; type a number over one to test a value.": "2. 값: 다른 자료를 시험하려면 사이트의 노란 셀에 다른 값(표시된 단위)을 입력하십시오. 분홍 "
    "셀은 결측 자료로, 기준의 결측값 정책을 적용하는 수식으로 채워져 있으며 숫자를 덮어써 시험할 "
    "수 있습니다.",
    "3. The live score (0-100) is 100 × Σ weight share × normalised value, rounded to 9 decimals; "
    "the live rank uses RANK(), so ties share the better rank. 'Change' compares with the rank "
    "when this workbook was made.": "3. 실시간 점수(0-100) = 100 × Σ 가중치 비중 × 정규화 값(소수 9자리 반올림); 실시간 순위는 "
    "RANK()를 써서 동점은 높은 순위를 함께 받습니다. '변화'는 이 통합 문서를 만들 때의 순위와 "
    "비교합니다.",
    "4. Hard limits (screening) are not re-applied here. To re-rank with edited weights in "
    "sitecompare, run: sitecompare rank --weights-from <this file>.xlsx": "4. 필수 한계(선별)는 여기서 다시 적용하지 않습니다. 고친 가중치로 sitecompare에서 다시 "
    "순위를 내려면: sitecompare rank --weights-from <이 파일>.xlsx",
    "Method: weighted sum (WSM) with {norm} normalisation, as in the rest of this workbook. ": "방법: 이 통합 문서의 다른 시트와 같은 {norm} 정규화의 가중합(WSM). ",
    "Note: this workbook ranks by {method}, but this sheet always computes the weighted sum (WSM) "
    "with min-max normalisation, so its scores and ranks can differ from the Ranking sheet. ": "주의: 이 통합 문서는 {method}(으)로 순위를 매기지만, 이 시트는 항상 최소-최대 정규화의 "
    "가중합(WSM)을 계산하므로 점수와 순위가 순위 시트와 다를 수 있습니다. ",
    "Weight share (formula)": "가중치 비중(수식)",
    "Worst (normalised to 0)": "최악(정규화 0)",
    "Best (normalised to 1)": "최선(정규화 1)",
    "Reference: max (higher is better) or min (lower)": "기준값: 최대(클수록 좋음) 또는 최소(작을수록)",
    "Reference: Σx (higher is better) or Σ(1/x) (lower)": "기준값: Σx(클수록 좋음) 또는 Σ(1/x)(작을수록)",
    "Length √(Σx²)": "길이 √(Σx²)",
    "Fixed scale from the criteria file: {worst} (worst) to {best} (best); values beyond it are "
    "clipped.": "기준 파일의 고정 척도: {worst}(최악) ~ {best}(최선); 벗어난 값은 끝값으로 잘립니다.",
    "Weight": "가중치",
    "A weight is a number of 0 or more.": "가중치는 0 이상의 숫자입니다.",
    "Weight (points)": "가중치 (점수)",
    "Any number of 0 or more; only the ratios matter.": "0 이상의 아무 숫자; 비율만 중요합니다.",
    "Live score (0-100)": "실시간 점수(0-100)",
    "Live score (WSM × 100)": "실시간 점수(WSM × 100)",
    "Live rank": "실시간 순위",
    "Change": "변화",
    "Rank when made": "작성 시 순위",
    "Site id": "사이트 ID",
    "a fixed number": "고정된 숫자",
    "a formula over the other sites' values, so it follows your edits": "다른 사이트 값에 대한 수식이므로 수정에 따라 바뀝니다",
    "Missing: no '{fact}' for this site. Policy '{policy}': {value}, {why}. The cell holds {how}; "
    "type a number to test a value.": "결측: 이 사이트에는 '{fact}' 자료가 없습니다. 정책 '{policy}': {value}, {why}. 셀 내용은 "
    "{how}이며, 숫자를 입력해 값을 시험할 수 있습니다.",
    "Value": "값",
    "{norm} normalisation needs values {op} 0 on this criterion.": "{norm} 정규화에는 이 기준의 값이 {op} 0이어야 합니다.",
    "Normalised values (formulas; 1 = best, 0 = worst)": "정규화 값(수식; 1 = 최선, 0 = 최악)",
    "Normalised values (formulas)": "정규화 값(수식)",
    "Screened out by a hard limit (not in this model)": "필수 한계로 선별 제외(이 모형에 없음)",
}
