# ruff: noqa: E501 - the translation table pairs long English labels with their Korean text
"""Labels of the workbook in English and Korean.

Every label is written in English in the code, ``L.t("Decision matrix")``, and this module
holds its Korean translation (gettext style: the English text is the key). ``--lang ko`` also
shows sites by their local names (``name_local``) and criteria by ``label_local``.
A test checks that every ``.t("...")`` literal in ``sitecompare/report`` has a translation.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model import CriteriaSet, Criterion, Site

if TYPE_CHECKING:
    from ..sensitivity.robustness import Skip

__all__ = ["LANGS", "Lang", "SHEET_KEYS", "KO", "N_", "attach_particles"]

LANGS = ("en", "ko")


def N_(text: str) -> str:  # noqa: N802 - the gettext name for "translated later"
    """Mark a label that is translated later (by ``Lang.t``), for the translation check."""
    return text


# Korean particles that depend on the final sound of the word before them. The translations
# write both forms, "{site}이(가)", and :func:`attach_particles` keeps the one that fits once
# the word is filled in: after a final consonant 이, 은, 을, 과, 으로; after a vowel 가, 는,
# 를, 와, 로 (and 로 after a final ㄹ too).
_PARTICLES = {
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "을(를)": ("을", "를"),
    "과(와)": ("과", "와"),
    "와(과)": ("과", "와"),
    "(으)로": ("으로", "로"),
}
_PARTICLE_RE = re.compile("|".join(re.escape(k) for k in _PARTICLES))
# the final sound of characters that are not Hangul, read the Korean way: digits by their
# Sino-Korean names (영 일 이 삼 사 오 육 칠 팔 구), Latin letters by their names (엘, 엠, 엔,
# 알 end in a consonant; 에이, 비, 씨, ... in a vowel), ² and ³ as 제곱 and 세제곱, % as 퍼센트
_RIEUL = 8  # the index of the final ㄹ
_FINALS = {
    **{d: f for d, f in zip("0123456789", (21, _RIEUL, 0, 16, 0, 0, 1, _RIEUL, _RIEUL, 0), strict=True)},
    **{ch: 0 for ch in "abcdefghijkopqstuvwxyz%"},
    "l": _RIEUL, "r": _RIEUL, "m": 16, "n": 4, "²": 17, "³": 17,
}
_SKIPPED = set(")]}\"'’”»」』 .,")
# units are read as words, not letter by letter: 18 km = 18 킬로미터(로), 30 min = 30 분(으로)
_UNIT_FINALS = {
    **dict.fromkeys(("m", "km", "m²", "km²", "㎡", "ha", "MW", "GW", "kW", "MWh", "MVA"), 0),
    **dict.fromkeys(("PFLOPS", "EFLOPS", "TFLOPS", "PF", "EF", "TF", "PB", "TB"), 0),
    **dict.fromkeys(("count", "percent", "%", "USD", "EUR", "JPY"), 0),
    **dict.fromkeys(("min", "h", "KRW", "person", "people", "person/year", "year", "day"), 4),
}


def _final(text: str) -> int | None:
    """The final consonant's index (0 = none, 8 = ㄹ) of the last word of ``text``, skipping
    closing brackets, quotes and spaces; None when it cannot be told (a Han character, a
    symbol): the particle then keeps both forms. A unit at the end is read as its word
    (``_UNIT_FINALS``)."""
    words = text.rstrip("".join(_SKIPPED)).split()
    if words and words[-1] in _UNIT_FINALS:
        return _UNIT_FINALS[words[-1]]
    for ch in reversed(text):
        if ch in _SKIPPED:
            continue
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28
        return _FINALS.get(ch.lower())
    return None


def attach_particles(text: str) -> str:
    """Pick each paired particle by the final sound of the text before it:
    ``"광주이(가) 1위"`` -> ``"광주가 1위"``, ``"대덕연구개발특구은(는)"`` -> ``"대덕연구개발특구는"``,
    ``"120 MW(으)로"`` -> ``"120 MW로"`` (M: 엠... W: 더블유)."""

    def pick(m: re.Match[str]) -> str:
        final = _final(text[: m.start()])
        if final is None:
            return m.group()
        with_consonant, with_vowel = _PARTICLES[m.group()]
        if m.group() == "(으)로":
            return with_vowel if final in (0, _RIEUL) else with_consonant
        return with_consonant if final else with_vowel

    return _PARTICLE_RE.sub(pick, text)


# the sheets this module writes, by key: (English name, Korean name). What-if keeps its name.
SHEET_KEYS = {
    "summary": ("Summary", "요약"),
    "ranking": ("Ranking", "순위"),
    "matrix": ("Decision matrix", "의사결정 행렬"),
    "normalised": ("Normalised", "정규화 값"),
    "contributions": ("Contributions", "기여도"),
    "weights": ("Weights", "가중치"),
    "whatif": ("What-if", "What-if"),
    "quality": ("Data quality", "데이터 품질"),
    "sources": ("Sources", "출처"),
    "runinfo": ("Run info", "실행 정보"),
}


class Lang:
    """The workbook's language: ``t()`` translates a label, the other methods name things."""

    def __init__(self, code: str = "en") -> None:
        if code not in LANGS:
            raise ValueError(f"unknown language {code!r} (choose from: {', '.join(LANGS)})")
        self.code = code

    @property
    def ko(self) -> bool:
        return self.code == "ko"

    def t(self, text: str, **kw: Any) -> str:
        out = KO.get(text, text) if self.ko else text
        out = out.format(**kw) if kw else out
        return attach_particles(out) if self.ko else out

    def nt(self, one: str, many: str, n: int, **kw: Any) -> str:
        """``one`` (n == 1) or ``many``, translated and filled in with ``n`` (ngettext style:
        the English sentence agrees in number; Korean has one form, the entry of each)."""
        return self.t(one if n == 1 else many, n=n, **kw)

    def skip_reason(self, skip: Skip, *, site: Callable[[str], str], crit: Callable[[str], str]) -> str:
        """Why a method could not rank the data (see ``sensitivity.robustness.Skip``), in this
        language; ``site``/``crit`` name a site/criterion id."""
        from ..sensitivity.robustness import skip_text

        return skip_text(skip, t=self.t, site=site, crit=crit, value=self.num)

    def sheet(self, key: str) -> str:
        en, ko = SHEET_KEYS[key]
        return ko if self.ko else en

    # ------------------------------------------------------------------ names of things
    def site_name(self, site: Site) -> str:
        return (site.name_local or site.name) if self.ko else site.name

    def site_alt_name(self, site: Site) -> str:
        """The other name: the local name in English, the English name in Korean."""
        if self.ko:
            return site.name if site.name_local else ""
        return site.name_local or ""

    def crit(self, c: Criterion) -> str:
        return (c.label_local or c.label) if self.ko else c.label

    def criteria_set(self, cs: CriteriaSet) -> str:
        """The criteria set's name: its ``name_local`` in Korean, when it has one."""
        return (cs.name_local or cs.name) if self.ko else cs.name

    def scenario(self, cs: CriteriaSet, name: str) -> str:
        """A scenario's name: its ``label_local`` in Korean, when it has one."""
        return cs.scenario_labels_local.get(name, name) if self.ko else name

    def better(self, c: Criterion) -> str:
        return self.t("higher is better") if c.direction == "max" else self.t("lower is better")

    def policy(self, policy: str) -> str:
        return self.t(
            {
                "worst": N_("worst value (pessimistic)"),
                "median": N_("median value"),
                "exclude-site": N_("exclude the site"),
                "error": N_("error (must be present)"),
                "interval": N_("unknown within the plausible range"),
            }.get(policy, policy)
        )

    def status(self, status: str) -> str:
        return self.t(
            {
                "measured": N_("measured"),
                "plan": N_("plan"),
                "estimate": N_("estimate"),
                "computed": N_("computed"),
                "claim": N_("claim"),
                "missing": N_("missing"),
            }.get(status, status)
        )

    def flag(self, kind: str) -> str:
        return self.t(
            {
                "missing": N_("missing"),
                "plan": N_("planned"),
                "estimate": N_("estimated"),
                "claim": N_("claim"),
                "range": N_("range"),
                "unknown": N_("unknown"),
                "computed": N_("computed"),
                "stale": N_("stale"),
                "clipped": N_("outside the fixed scale"),
            }[kind]
        )

    def num(self, x: float | None, unit: str = "") -> str:
        if x is None or (isinstance(x, float) and not math.isfinite(x)):
            return "n/a"
        s = f"{x:,.6g}" if abs(x) < 1e15 else f"{x:.6g}"
        if "e" not in s and "." not in s and abs(x) >= 1e6:
            s = f"{x:,.0f}"
        u = unit.replace("^2", "²").replace("^3", "³")
        return f"{s} {u}".rstrip()

    def date(self, d: dt.date | None) -> str:
        return d.isoformat() if d else ""

    def join(self, items: list[str]) -> str:
        return ", ".join(items)


# Korean translations. Keys are the English labels exactly as written in the code.
KO: dict[str, str] = {}

KO.update(
    {
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
)

# the sensitivity sheets (sheets_sensitivity.py) and the Summary's sensitivity headline
KO.update(
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
KO.update(
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
KO.update(
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
