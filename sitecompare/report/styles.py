"""Until merge: the old name of :mod:`sitecompare.report.layout` (delete once no module imports it)."""

from .layout import *  # noqa: F403
