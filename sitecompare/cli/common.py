"""Plumbing shared by every command: error handling, the console, CSV output, the ranking and
scenario tables. See :mod:`sitecompare.cli` for the exit codes."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from ..errors import Issue, SiteCompareError
from . import plain

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ..headline import Headline
    from ..ranking import Ranking
    from ..scenarios import ScenarioTable

__all__ = [
    "CONTEXT",
    "handle_errors",
    "console",
    "csv_text",
    "guarded_csv",
    "ranking_headline",
    "print_ranking_table",
    "print_scenario_table",
]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
PIPED_WIDTH = 200  # the console's width when stdout is not a terminal (console())


def console(stderr: bool = False) -> Console:
    """A rich console on stdout (stderr with ``stderr``), laid out for a terminal or a log."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # piped or redirected: tables are laid out 200 columns wide; plain lines (notes, weights)
    # are never wrapped (soft_wrap), so a log can be grepped line by line. No markup: text
    # from input files (names, notes) is printed as written, brackets included.
    width = None if stream.isatty() else PIPED_WIDTH
    return Console(file=stream, width=width, highlight=False, soft_wrap=True, markup=False)


def _fail(issues: list[Issue]) -> None:
    for issue in issues:
        click.echo(str(issue), err=True)
    n = len(issues)
    click.echo(
        f"sitecompare: {n} problem{'s' if n != 1 else ''} found; nothing was written", err=True
    )


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` with the exit codes of :mod:`sitecompare.cli`: a SiteCompareError is one line per
    problem and exit 1, an interruption 130, any other exception an internal error (3)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SiteCompareError as exc:
            _fail(exc.issues)
            sys.exit(1)
        except KeyboardInterrupt:
            from ..atomic import interrupted_message

            click.echo(interrupted_message(), err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug, not bad input: say so, without a traceback by default
            if os.environ.get("SITECOMPARE_DEBUG"):
                raise
            click.echo(
                f"sitecompare: internal error: {type(exc).__name__}: {exc} "
                "(set SITECOMPARE_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(3)

    return wrapper


# ---------------------------------------------------------------------------------- CSV
def csv_text(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
    apostrophe, the usual CSV-injection guard; numbers and other values pass unchanged."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def guarded_csv(frame: Any, *, index: bool) -> str:
    """``frame`` (a DataFrame) as CSV text, every text cell guarded by :func:`csv_text`: the
    header, the index (and its name) and the values. Every CSV the tool writes goes through
    here."""
    import csv

    import pandas as pd

    df = frame.copy()
    df.columns = [csv_text(c) for c in df.columns]
    if index:
        df.index = pd.Index([csv_text(x) for x in df.index], name=csv_text(df.index.name))
    for col in df.columns:
        if not pd.api.types.is_numeric_dtype(df[col]):  # text (object or pandas str)
            df[col] = df[col].map(csv_text)
    buf = io.StringIO()
    df.to_csv(buf, index=index, quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue()


# ------------------------------------------------------------------------------- tables
def _fmt_score(x: float) -> str:
    return f"{x:.4f}"


def ranking_headline(ranking: Ranking) -> Headline:
    """The ranking's headline (the built-only ranking computed beside it when plans are used)."""
    from ..headline import built_alongside, headline

    built, why = built_alongside(ranking)
    return headline(ranking, built, why)


EXCLUDED_LISTED = 50  # screened-out sites listed under a table of the best K (--top)


def _ranking_columns(
    ranking: Ranking, top: int | None
) -> tuple[list[tuple[str, bool]], list[list[str]]]:
    """The ranking table's columns (header, right-justified) and rows of cells (the best
    ``top`` only, when given)."""
    res = ranking.output
    iv = ranking.intervals
    columns = [("rank", True)]
    if iv is not None:
        columns.append(("could rank" if iv.exact else "could rank (sampled)", True))
    columns += [("site", False), ("name", False)]
    columns.append(
        (f"{ranking.info.score_label}{'' if res.higher_is_better else ' (lower is better)'}", True)
    )
    keys = list(res.details)
    columns += [(k, True) for k in keys]
    rows = []
    for d in ranking.rows(top):
        extra = []
        if iv is not None:
            lo, hi = int(d["rank_best"]), int(d["rank_worst"])
            extra = [f"{lo}" if lo == hi else f"{lo}-{hi}"]
        rows.append(
            [
                str(d["rank"]),
                *extra,
                d["site"],
                d["name"],
                _fmt_score(d["score"]),
                *[_fmt_score(d[k]) for k in keys],
            ]
        )
    return columns, rows


def _rich_table(
    columns: list[tuple[str, bool]], rows: list[list[str]], title: str | None
) -> Table:
    """The rich table of :func:`_ranking_columns`."""
    from rich.table import Table

    t = Table(title=title, title_justify="left")
    for header, right in columns:
        t.add_column(header, justify="right" if right else "left")
    for row in rows:
        t.add_row(*row)
    return t


def _ranking_lines(ranking: Ranking, head: Headline | None, top: int | None) -> Iterator[str]:
    """The lines under the ranking table: the headline, the method and weights, what could
    rank means, the sites left out and the notes (each worked out when it is printed)."""
    if head is not None:
        from ..headline import headline_sentences

        yield from headline_sentences(head)
    w = ", ".join(f"{k} {v:.3f}" for k, v in ranking.matrix.weight_of.items())
    m = ranking.method.as_dict()
    yield f"method: {m.pop('name')} {m if m else ''}".rstrip()
    yield f"weights ({ranking.study.weight_source}): {w}"
    iv = ranking.intervals
    if iv is not None and iv.uncertain:
        yield (
            f"could rank: best..worst rank with these weights while {iv.uncertain} uncertain "
            f"fact{'s' if iv.uncertain != 1 else ''} (ranges, unknowns) move within their ranges; "
            + ("exact" if iv.exact else iv.how)
        )
    n = ranking.ranked_count
    if top is not None and n > top:
        yield f"ranked: {n:,} sites; the best {top} are shown (--top)"
    excluded = ranking.matrix.excluded
    listed = excluded if top is None else excluded[:EXCLUDED_LISTED]
    for sid, reason in listed:
        yield f"excluded: {sid}: {reason}"
    if len(listed) < len(excluded):
        yield (
            f"excluded: {len(excluded) - len(listed):,} more sites are screened out "
            "(rank --format json lists them all)"
        )
    for warning in (*ranking.study.notes, *ranking.matrix.warnings):
        yield f"note: {warning}"


def print_ranking_table(
    ranking: Ranking,
    out: Console | None = None,
    title: str | None = None,
    head: Headline | None = None,
    top: int | None = None,
) -> None:
    """The ranking as a table (its best ``top`` sites only, when given), the headline, the
    weights and the notes.

    Printed by rich, or, on the console :func:`console` would make for stdout when that is not
    a terminal, as the same bytes without importing rich when :mod:`.plain` is sure of them."""
    columns, rows = _ranking_columns(ranking, top)
    stream = sys.stdout
    text = None
    if out is None and title is None and plain.plain_stream(stream):
        text = plain.table_text(columns, rows, PIPED_WIDTH)
    if text is None:
        out_console = out or console()
        out_console.print(_rich_table(columns, rows, title))
        for line in _ranking_lines(ranking, head, top):
            out_console.print(line)
        return
    plain.write(stream, text)
    rich_console: Console | None = None
    for line in _ranking_lines(ranking, head, top):
        if plain.plain_line(line):
            plain.write(stream, line + "\n")
            continue
        if rich_console is None:  # a line rich would change: rich prints it
            rich_console = console()
        rich_console.print(line)


def print_scenario_table(table: ScenarioTable, out: Console) -> None:
    """A :class:`~sitecompare.scenarios.ScenarioTable`: the rank of each site under each
    scenario (or method), sites in rank order under the first column."""
    from rich.table import Table

    t = Table(
        title=f"Rank of each site by {table.kind} (method {table.method.name})",
        title_justify="left",
    )
    t.add_column("site")
    for c in table.columns:
        t.add_column(c, justify="right")
    for i in table.order():
        t.add_row(table.site_ids[i], *[str(int(r)) for r in table.ranks[i]])
    out.print(t)
