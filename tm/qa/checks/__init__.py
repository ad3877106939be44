"""The QA checks, one module per family, gathered into one registry.

Each module exports ``CHECKS``, a tuple of :class:`tm.qa.model.Check`; the registry
is built from the modules (never listed twice by hand), in a fixed order that is
also the order of the report.
"""

from __future__ import annotations

from tm.qa.checks import (
    completeness,
    consistency,
    length,
    links,
    markup,
    numbers,
    punctuation,
    terminology,
    typography,
    whitespace,
    words,
)
from tm.qa.model import Check

MODULES = (
    completeness,
    consistency,
    numbers,
    terminology,
    markup,
    whitespace,
    punctuation,
    typography,
    length,
    links,
    words,
)


def _registry() -> dict[str, Check]:
    registry: dict[str, Check] = {}
    for module in MODULES:
        for check in module.CHECKS:
            if check.id in registry:
                raise RuntimeError(f"check id {check.id!r} registered twice")
            registry[check.id] = check
    return registry


#: check id -> Check, in report order.
CHECKS: dict[str, Check] = _registry()
