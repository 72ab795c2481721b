# ruff: noqa: E501 - the translation table pairs long English labels with their Korean text
"""The weights page's labels in Korean, beside the workbook's.

The page speaks through :class:`AppLang`, the workbook's :class:`~sitecompare.report.i18n.Lang`
(site ``name_local``, criterion ``label_local``, numbers, statuses) whose ``t()`` looks a label
up in :data:`APP_KO` (the page's own labels) and then in the workbook's ``KO`` table, so the
page and the workbook say the same things in the same words (the headline, why a criterion
sits out, why a fact is not comparable). A test checks that every ``.t("...")`` literal in
``sitecompare/app`` has a Korean entry.
"""

from __future__ import annotations

from typing import Any

from ..report.i18n import KO, Lang

__all__ = ["APP_KO", "AppLang"]


class AppLang(Lang):
    """The page's language: the workbook's, with the page's own labels."""

    def t(self, text: str, **kw: Any) -> str:
        """``text`` in the page's language: its own table first, then the workbook's."""
        out = (APP_KO.get(text) or KO.get(text, text)) if self.ko else text
        return out.format(**kw) if kw else out


APP_KO: dict[str, str] = {
    # sidebar
    "(criteria file weights)": "(기준 파일의 가중치)",
    "The sliders have moved away from this scenario.": "슬라이더가 이 시나리오에서 바뀌었습니다.",
    "Sets the sliders to a named weight profile of the criteria file.": "슬라이더를 기준 파일에 이름 붙여 둔 가중치 묶음으로 맞춥니다.",
    "planned (plans count as if built)": "계획 포함 (계획을 갖춘 것처럼 셈)",
    "built only (plans set aside)": "구축분만 (계획 제외)",
    "built": "구축분만",
    "Weights (points)": "가중치 (점수)",
    "{share} of the weight taking part": "참여 가중치의 {share}",
    "sits out: {why}": "순위에서 빠짐: {why}",
    "Sites": "사이트",
    "PROMETHEE II is left out above {k} sites: it compares every pair of sites, and a slider move would take too long (use sitecompare rank).": "사이트가 {k}곳을 넘으면 PROMETHEE II는 뺍니다: 모든 사이트 쌍을 비교하므로 슬라이더를 움직일 때마다 너무 오래 걸립니다 (sitecompare rank를 쓰십시오).",
    # ranking
    "Could rank": "가능 순위",
    "Found by sampling: the true range may be wider.": "표본 추출로 구함: 실제 범위는 더 넓을 수 있습니다.",
    "Download the comparison workbook (these weights)": "비교 통합 문서 내려받기 (이 가중치)",
    "Every sheet of `sitecompare compare`; its What-if sheet holds the weights on screen.": "`sitecompare compare`의 모든 시트. What-if 시트에 화면의 가중치가 들어 있습니다.",
    "The sites cannot be ranked with these settings:": "이 설정으로는 순위를 매길 수 없습니다:",
    "{n} problem in the study's files; fix it and reload the page:": "입력 파일에 문제 {n}건이 있습니다. 고친 뒤 페이지를 새로 고치십시오:",
    "{n} problems in the study's files; fix them and reload the page:": "입력 파일에 문제 {n}건이 있습니다. 고친 뒤 페이지를 새로 고치십시오:",
    # panels
    "Panel": "화면",
    "Walking weights": "가중치 이동",
    "SMAA": "SMAA",
    "Coverage and data quality": "자료 포괄도와 데이터 품질",
    "AHP for a workshop": "워크숍용 AHP",
    "Save as a scenario": "시나리오로 저장",
    # sweep
    "Criterion to sweep": "움직일 기준",
    "Walking weights: the weight of {crit} moves from 0 to 100% of the total while the other weights keep their ratios; each line is a site's score.": "가중치 이동: {crit}의 가중치를 전체의 0%에서 100%까지 움직이고 나머지 가중치는 서로의 비율을 유지합니다. 선 하나가 한 사이트의 점수입니다.",
    "The {k} best-placed of {n} sites are shown.": "사이트 {n}곳 가운데 상위 {k}곳을 표시합니다.",
    "now {share}": "현재 {share}",
    "Weight of {crit} (share of the total)": "{crit}의 가중치 (전체 대비 비중)",
    "The whole ranking stays as it is while this weight is between {lo} and {hi}; first place stays while it is between {tlo} and {thi}.": "이 가중치가 {lo}에서 {hi} 사이에 있는 동안 전체 순위가 그대로이고, {tlo}에서 {thi} 사이에 있는 동안 1위가 그대로입니다.",
    "Weight at the swap": "순위가 바뀌는 가중치",
    "Position": "순위 위치",
    "Moves ahead above this weight": "이 가중치보다 크면 앞서는 사이트",
    "Ahead below this weight": "이 가중치보다 작으면 앞서는 사이트",
    "Changes first place": "1위 변경",
    "No two sites swap places anywhere along this sweep.": "이 구간 어디에서도 두 사이트의 순위가 바뀌지 않습니다.",
    # SMAA
    "SMAA-2: the sites are ranked under many sampled weight vectors (and uncertain facts drawn within their ranges); each cell is the share of samples in which the site takes that rank.": "SMAA-2: 표본으로 뽑은 많은 가중치 벡터(와 범위 안에서 뽑은 불확실한 자료)로 사이트의 순위를 매깁니다. 각 칸은 그 사이트가 해당 순위를 차지한 표본의 비율입니다.",
    "Samples": "표본 수",
    "uniform on the simplex (no preference information)": "심플렉스 위 균등 (선호 정보 없음)",
    "centred on the weights on screen": "화면의 가중치를 중심으로",
    "keeping the order of the weights on screen": "화면 가중치의 크기 순서 유지",
    "Run SMAA": "SMAA 실행",
    "Sampling…": "표본 추출 중…",
    "{done} of {total} samples": "표본 {total}개 중 {done}개",
    "SMAA could not run:": "SMAA를 실행할 수 없습니다:",
    "The weights or settings changed since the last run: run SMAA again.": "마지막 실행 뒤 가중치나 설정이 바뀌었습니다. SMAA를 다시 실행하십시오.",
    "{samples} samples, seed {seed}: rank acceptability (share of samples with each rank).": "표본 {samples}개, 난수 시드 {seed}: 순위 수용도 (각 순위를 차지한 표본의 비율).",
    # data quality
    "None: every criterion takes part.": "없음: 모든 기준이 참여합니다.",
    "None.": "없음.",
    "Facts used, by kind": "사용한 자료의 종류별 개수",
    "Kind": "종류",
    "Cells": "칸 수",
    "Sites screened out": "제외된 사이트",
    "Notes": "참고",
    # AHP
    "Compare each pair: how much more important is the first criterion than the second (9 = extremely, 1 = equally, 1/9 = the second is extremely more important). Leave a pair blank to skip it (completed by Harker's method).": "두 기준씩 비교하십시오: 앞의 기준이 뒤의 기준보다 얼마나 더 중요한가 (9 = 극히 더 중요, 1 = 같음, 1/9 = 뒤의 기준이 극히 더 중요). 빈칸으로 두면 그 쌍은 건너뛰며 Harker 방법으로 채웁니다.",
    "These judgments do not give weights:": "이 판단으로는 가중치를 구할 수 없습니다:",
    "consistent": "일관성 있음",
    "inconsistent (CR > 0.1): revisit the judgments below": "일관성 부족 (CR > 0.1): 아래 판단을 다시 검토하십시오",
    "AHP weight": "AHP 가중치",
    "Points": "점수",
    "Pairs left blank, completed by Harker's method: {pairs}": "빈칸으로 둔 쌍 (Harker 방법으로 채움): {pairs}",
    "Judgments to revisit": "다시 검토할 판단",
    "Pair": "쌍",
    "Given": "입력값",
    "Consistent value": "일관된 값",
    "Suggested": "제안값",
    "CR then": "바꾼 뒤 CR",
    "Apply the AHP weights to the sliders": "AHP 가중치를 슬라이더에 적용",
    # save
    "Saves the weights on screen as a named scenario into {file}; its comments and key order are kept (the writer of `sitecompare weights ... --into`).": "화면의 가중치를 {file}에 이름 붙인 시나리오로 저장합니다. 파일의 주석과 키 순서는 그대로 유지됩니다 (`sitecompare weights ... --into`와 같은 기록기).",
    "Weights to save (points):": "저장할 가중치 (점수):",
    "Scenario name": "시나리오 이름",
    "Description": "설명",
    "Save the scenario": "시나리오 저장",
    "Nothing was written:": "아무것도 저장하지 않았습니다:",
    "Added scenario {name} to {file}.": "{file}에 시나리오 {name}을(를) 추가했습니다.",
    "Replaced scenario {name} in {file}.": "{file}의 시나리오 {name}을(를) 바꿨습니다.",
}
