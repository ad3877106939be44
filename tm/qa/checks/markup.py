"""Inline markup: tags and placeholders must survive translation, as many of each as in the source.

Recognised: XML/HTML tags (``<b>``, ``</b>``, ``<x id="1"/>``, TMX ``<bpt i="1">``),
numbered or named placeholders (``{0}``, ``{name}``, ``{{var}}``), printf placeholders
(``%s``, ``%d``, ``%(name)s``, ``%1$s``) and Markdown strong markers (``**``). The
comparison is a multiset one (order may change in translation); attribute spacing is
normalised so ``<x  id="1"/>`` equals ``<x id="1"/>``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

_MARKUP = regex.compile(
    r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>"  # XML/HTML tags
    r"|\{\{\s*\w+\s*\}\}|\{\w+\}"  # {{var}}, {0}, {name}
    r"|%(?:\d+\$|\(\w+\))?[sdif]"  # printf
    r"|\*\*"  # Markdown strong
)


def markup_in(text: str) -> Counter[str]:
    """The tags and placeholders of ``text``, whitespace inside tags normalised."""
    if not any(char in text for char in "<{%*"):
        return Counter()
    return Counter(" ".join(token.split()) for token in _MARKUP.findall(text))


def markup(pair: Pair, context: Context) -> Iterator[str]:
    """Tags or placeholders missing from the target, or added to it."""
    if not pair.target.strip():
        return
    source, target = markup_in(pair.source), markup_in(pair.target)
    if source == target:
        return
    missing, extra = source - target, target - source
    parts = []
    if missing:
        parts.append("missing from the target: " + " ".join(sorted(missing.elements())))
    if extra:
        parts.append("not in the source: " + " ".join(sorted(extra.elements())))
    yield "tags/placeholders differ; " + "; ".join(parts)


CHECKS = (Check("markup", "error", "inline tags or placeholders differ", markup),)
