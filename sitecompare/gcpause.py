"""The cyclic garbage collector paused while a large study is loaded and its matrix built.

Loading 10,000 profiles makes some 400,000 objects that the collector tracks (sites, facts,
cells) and that live on, none of them in a reference cycle. With the collector on, each
automatic collection while they are made walks those made so far again, for nothing, and
once they are made, they are walked again as they age through the collector's generations:
about a second of such a run. :func:`gc_paused` turns the collector off for such a step and,
when the step made many objects, walks them once at its end (one full collection, after which
they count as old and are not walked again until many more objects have been made).

Objects are still freed by reference counting as before, and a cycle made meanwhile is
collected by the collection at the end (or the next automatic one).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused", "MANY_OBJECTS"]

# the objects a paused step must have made for one full collection at its end: below this,
# the collector's own next collections cost less than a full one
MANY_OBJECTS = 100_000

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off within the block (nested blocks and threads: off until the last one
    ends, then as it was before the first), with one full collection after it when the
    blocks made more than :data:`MANY_OBJECTS` tracked objects. Also a decorator."""
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            resume = _state["depth"] == 0 and bool(_state["was_enabled"])
            if resume:
                gc.enable()
        if resume and gc.get_count()[0] > MANY_OBJECTS:
            gc.collect()
