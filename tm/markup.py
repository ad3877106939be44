"""Inline Markdown emphasis -> plain text plus markup spans.

Documents may carry ``**bold**`` and ``*italic*`` emphasis (the signature of the
letters does). Segment text must never contain the asterisks, and the emphasis
must not be lost: it travels beside the text as :class:`tm.model.Markup` spans so
TMX can write paired inline tags. Parsing uses markdown-it-py (CommonMark rules
for emphasis delimiters, e.g. intraword ``_`` is literal) with every other rule
switched off, so no other character of the text is touched.
"""

from __future__ import annotations

from functools import lru_cache

from tm.model import Markup

_KINDS = {"strong_open": "strong", "em_open": "emphasis"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "escape"])


def parse_inline(line: str) -> tuple[str, tuple[Markup, ...]]:
    """Return ``line`` without emphasis delimiters, and the emphasis spans over the result."""
    if "*" not in line and "_" not in line:
        return line, ()
    tokens = _parser().parseInline(line)
    children = tokens[0].children or [] if tokens else []
    pieces: list[str] = []
    open_spans: list[tuple[str, int]] = []
    spans: list[Markup] = []
    length = 0
    for token in children:
        if token.type in _KINDS:
            open_spans.append((_KINDS[token.type], length))
        elif token.type in ("strong_close", "em_close"):
            kind, start = open_spans.pop()
            if length > start:
                spans.append(Markup(start, length, kind))
        elif token.type == "softbreak":
            pieces.append("\n")
            length += 1
        else:
            pieces.append(token.content)
            length += len(token.content)
    text = "".join(pieces)
    if text != line and not spans:
        return line, ()  # nothing but escapes changed: keep the author's characters
    return text, tuple(sorted(spans, key=lambda span: (span.start, -span.end)))


def slice_markup(markup: tuple[Markup, ...], start: int, end: int) -> tuple[Markup, ...]:
    """Markup spans clipped to text[start:end], re-based to offset 0."""
    sliced = []
    for span in markup:
        lo, hi = max(span.start, start), min(span.end, end)
        if lo < hi:
            sliced.append(Markup(lo - start, hi - start, span.kind))
    return tuple(sliced)


_MARKDOWN_DELIMITERS = {"strong": "**", "emphasis": "*"}


def render_markdown(text: str, markup: tuple[Markup, ...]) -> str:
    """Write markup spans back as Markdown delimiters (the inverse of :func:`parse_inline`)."""
    if not markup:
        return text
    # (position, 0 for a closing delimiter / 1 for an opening one, delimiter): at one
    # position, spans close before others open.
    inserts: list[tuple[int, int, str]] = []
    for span in markup:
        delimiter = _MARKDOWN_DELIMITERS.get(span.kind, "")
        inserts.append((span.start, 1, delimiter))
        inserts.append((span.end, 0, delimiter))
    pieces = []
    last = 0
    for position, _, delimiter in sorted(inserts, key=lambda item: (item[0], item[1])):
        pieces.append(text[last:position])
        pieces.append(delimiter)
        last = position
    pieces.append(text[last:])
    return "".join(pieces)
