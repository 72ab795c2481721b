"""Until merge: the old name of :mod:`sitecompare.report.plain_tables` (delete once no module imports it)."""

from .plain_tables import *  # noqa: F403
