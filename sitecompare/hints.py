"""'Did you mean ...?' hints for a misspelt key or name, written once for every checker."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to ``word`` (difflib's similarity ratio at least 0.6), or None."""
    import difflib  # only a misspelt name needs it

    hint = difflib.get_close_matches(word, list(choices), n=1)
    return hint[0] if hint else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the choice nearest to ``word``; ``""`` when none is near."""
    hint = closest(word, choices)
    return f"; did you mean {hint!r}?" if hint else ""
