"""Korean particles that follow the final sound of the word before them (이/가, 은/는, ...)."""

from __future__ import annotations

import re

__all__ = ["attach_particles"]

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

