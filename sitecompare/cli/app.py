"""``sitecompare app``: serve the weights page (Streamlit) on this machine.

The command resolves the study's paths as every other command does (``./sites`` and
``./criteria/default.yaml`` when present, else the shipped study), passes them to the page
through the environment (``SITECOMPARE_APP_*``, :class:`~.logic.AppConfig`), and runs
``python -m streamlit run page.py`` headless, bound to ``--host`` (127.0.0.1 by default), with
Streamlit's usage statistics off and no file watcher. Ctrl-C stops it.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import click

from ..errors import Issue, ValidationError, display_path
from .common import CONTEXT, handle_errors
from .options import SITES_HELP_DEFAULT, criteria_option, shown_option, sites_option

__all__ = ["app", "streamlit_command"]

PAGE = Path(__file__).parent.parent / "app" / "page.py"


def streamlit_command(host: str, port: int) -> list[str]:
    """The ``streamlit run`` command line for the page."""
    debug = bool(os.environ.get("SITECOMPARE_DEBUG"))
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(PAGE),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
        "--global.developmentMode",
        "false",
        "--client.toolbarMode",
        "minimal",
        # the page shows bad input and its own errors as one-line messages; anything Streamlit
        # itself catches shows no traceback either (unless SITECOMPARE_DEBUG is set)
        "--client.showErrorDetails",
        "full" if debug else "none",
        "--theme.base",
        "light",
    ]


@click.command(context_settings=CONTEXT)
@sites_option(SITES_HELP_DEFAULT)
@criteria_option()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to serve on. 0.0.0.0 lets every machine that can reach this one use the page.",
)
@shown_option("--port", click.IntRange(1, 65535), 8501, "Port to serve on.")
@click.option(
    "--allow-save",
    is_flag=True,
    help="Offer a form that saves the weights on screen as a named scenario into the criteria "
    "file (comments kept). Without it the page never writes a file.",
)
@handle_errors
def app(sites: Path | None, criteria: Path | None, host: str, port: int, allow_save: bool) -> None:
    """Serve the weights page: a slider per weight, the live ranking with rank intervals,
    contributions, walking weights, SMAA, coverage, AHP and the workbook download.

    \b
    Examples:
      sitecompare app                               the study here (or the shipped one)
      sitecompare app --sites my/sites --criteria my/criteria/default.yaml --allow-save
    """
    from ..app.logic import AppConfig
    from ..study import default_paths, shipped_criteria_file

    if importlib.util.find_spec("streamlit") is None:
        raise ValidationError(
            [Issue("sitecompare app", "", "needs Streamlit: pip install 'sitecompare[app]'")]
        )
    sdir, cpath = default_paths(sites, criteria)
    if allow_save and cpath.resolve() == shipped_criteria_file().resolve():
        raise click.BadParameter(
            f"would write into the criteria file shipped inside the package "
            f"({display_path(cpath)}); copy the study first "
            "(mkdir my-study && cp -rL sites criteria my-study/) and run from there",
            param_hint="--allow-save",
        )
    config = AppConfig(sites=sdir.absolute(), criteria=cpath.absolute(), allow_save=allow_save)
    env = dict(os.environ)
    env.update(config.to_env())
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"note: serving on {host}: anyone who can reach this machine can use the page"
            + (" and save scenarios" if allow_save else ""),
            err=True,
        )
    click.echo(
        f"sitecompare app: {display_path(sdir)} and {display_path(cpath)} at http://{host}:{port} "
        f"({'saving allowed' if allow_save else 'read-only'}; Ctrl-C stops it)",
        err=True,
    )
    proc = subprocess.Popen(streamlit_command(host, port), env=env)
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        from ..atomic import interrupted_message

        click.echo(interrupted_message(), err=True)
        sys.exit(130)
    sys.exit(code)
