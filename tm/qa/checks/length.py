"""Length ratio: a target far longer or shorter than the file's usual ratio suggests a fault.

The usual ratio is the median target/source length ratio of the file (French runs
about 15% longer than English, and a file knows its own pair better than a
constant does); with fewer than 20 measurable pairs it is 1. A pair is flagged when
its ratio is more than twice, or less than half, the usual one. Sources under
20 characters are skipped: "Appelant" / "Appellant, respondent" is not a fault.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence

from tm.qa.model import Check, Context, Pair

MIN_SOURCE_CHARS = 20
MIN_PAIRS_FOR_MEDIAN = 20
FACTOR = 2.0


def length_ratio(pairs: Sequence[Pair], context: Context) -> Iterator[tuple[int, str]]:
    """Pairs whose length ratio is off the file's median by more than a factor of two."""
    measured = []
    for pair in pairs:
        source, target = len(pair.source.strip()), len(pair.target.strip())
        if source >= MIN_SOURCE_CHARS and target:
            measured.append((pair.number, target / source))
    if not measured:
        return
    usual = (
        statistics.median(ratio for _, ratio in measured)
        if len(measured) >= MIN_PAIRS_FOR_MEDIAN
        else 1.0
    )
    for number, ratio in measured:
        if ratio > usual * FACTOR or ratio < usual / FACTOR:
            yield number, (
                f"length ratio {ratio:.2f} (target/source) is far from this file's usual "
                f"{usual:.2f}"
            )


CHECKS = (
    Check("length-ratio", "warning", "target much longer or shorter than usual for this file",
          length_ratio, scope="corpus"),
)
