"""The package's own files (``sitecompare/data``) where :func:`importlib.resources.files` finds
them, without importing :mod:`importlib.resources` for an ordinary install: that import brings
in tempfile, shutil, zipfile and the compression modules, which a ``rank`` run never uses. A
package read from anywhere but a folder (a zip, a custom loader) is answered by
importlib.resources itself."""

from __future__ import annotations

import importlib
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["files"]


def files(package: str) -> Traversable:
    """What ``importlib.resources.files(package)`` returns: for a package read from a folder (a
    wheel or an editable install), that folder as a :class:`pathlib.Path`, as importlib's own
    reader of such packages gives it."""
    spec = importlib.import_module(package).__spec__
    loader = spec.loader if spec is not None else None
    if (
        spec is not None
        and spec.submodule_search_locations is not None
        and isinstance(loader, (SourceFileLoader, SourcelessFileLoader))
    ):
        return Path(loader.path).parent
    from importlib import resources

    return resources.files(package)
