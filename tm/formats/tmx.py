"""TMX 1.4b writer: streaming, valid against the LISA DTD, byte-reproducible.

Each ``<tu>`` is formatted as it is produced and written in batches of a few
hundred (no tree is built), so memory stays flat whatever the number of units. The output is
checked by the tests with ``xmllint --dtdvalid tmx14.dtd`` and read back by
translate-toolkit and OmegaT.

Choices a reader of the file should know:
- no DOCTYPE line: a ``SYSTEM "tmx14.dtd"`` reference makes some readers look for
  a file that is not there; validation passes the DTD explicitly.
- provenance is a run of ``x-`` props per occurrence, each run starting with
  ``x-document`` (TMX allows repeated prop types; order is kept by XML).
- emphasis becomes paired ``<bpt>``/``<ept>`` tags whose content is the native
  Markdown delimiter (``**`` or ``*``) and whose ``type`` is ``bold``/``italic``.
- dates are ``YYYYMMDDThhmmssZ`` from the documents or ``SOURCE_DATE_EPOCH``,
  never from the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tm import __version__
from tm.atomic import atomic_file
from tm.errors import TmError
from tm.formats.dates import build_date, tmx_date
from tm.formats.xmltext import (
    ILLEGAL_XML_CHARS,
    escape_attribute,
    escape_text,
    strip_illegal,
    strip_illegal_with_markup,
)
from tm.langtag import normalize_tag
from tm.memory import Occurrence, TranslationUnit, Variant
from tm.model import Markup

#: Markup kind -> (TMX bpt ``type``, native code written inside bpt/ept).
INLINE_TAGS: dict[str, tuple[str, str]] = {"strong": ("bold", "**"), "emphasis": ("italic", "*")}
#: TMX bpt ``type`` -> markup kind, for reading (TMX 1.4b's recommended type values).
KIND_OF_TYPE: dict[str, str] = {"bold": "strong", "italic": "emphasis"}

#: Prop types of one occurrence, in the order written; ``x-document`` opens a run.
OCCURRENCE_PROPS = (
    "x-document",
    "x-symbol",
    "x-source-segments",
    "x-target-segments",
    "x-source-location",
    "x-target-location",
    "x-bead",
    "x-confidence",
)

SEGTYPES = ("block", "paragraph", "sentence", "phrase")
#: Units formatted before one write call (fewer, larger writes; memory stays bounded).
_BATCH = 256


@dataclass(frozen=True, slots=True)
class TmxHeader:
    """The ``<header>`` attributes (all those TMX 1.4b requires) and free-form props.

    ``props`` is where a build records its signature (segmenter rules, aligner
    settings and versions), e.g. ``(("x-signature", "srx:tm-fr-1|align:..."),)``.
    """

    srclang: str
    creationtool: str = "tm"
    creationtoolversion: str = __version__
    segtype: str = "sentence"
    o_tmf: str = "tm"
    adminlang: str = "en"
    datatype: str = "plaintext"
    creationdate: str | None = None
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovedCharacters:
    """Characters removed from one side of one unit because XML 1.0 forbids them."""

    tuid: str
    lang: str
    characters: str

    def describe(self) -> str:
        codes = ", ".join(f"U+{ord(c):04X}" for c in self.characters)
        return f"unit {self.tuid} ({self.lang}): removed {codes}"


@dataclass(slots=True)
class TmxReport:
    """What :func:`write_tmx` wrote, and which illegal characters it removed (never wrote)."""

    path: Path
    units: int = 0
    removed: list[RemovedCharacters] = field(default_factory=list)


def creation_date(document_dates: Iterable[str | None]) -> str | None:
    """The header date: ``SOURCE_DATE_EPOCH`` if set, else the latest document date.

    Never the clock, so that rebuilding the same corpus gives a byte-identical file.
    """
    moment = build_date(document_dates)
    return tmx_date(moment) if moment else None


def write_tmx(path: Path, units: Iterable[TranslationUnit], *, header: TmxHeader) -> TmxReport:
    """Write ``units`` to ``path`` as TMX 1.4b, atomically, one ``<tu>`` at a time.

    Language tags are normalised to BCP 47 (``fr_FR`` -> ``fr-FR``). Characters
    illegal in XML 1.0 are removed and listed in the returned report.
    """
    if header.segtype not in SEGTYPES:
        raise TmError(f"TMX segtype must be one of {', '.join(SEGTYPES)}, not {header.segtype!r}")
    report = TmxReport(path=Path(path))
    tags: dict[str, str] = {}
    with atomic_file(Path(path)) as handle:
        write = handle.write
        write(_header_xml(header))
        batch: list[str] = []
        for unit in units:
            batch.append(_unit_xml(unit, tags, report))
            if len(batch) == _BATCH:
                write("".join(batch))
                report.units += len(batch)
                batch.clear()
        write("".join(batch))
        report.units += len(batch)
        write("  </body>\n</tmx>\n")
    return report


def _header_xml(header: TmxHeader) -> str:
    attributes = [
        ("creationtool", header.creationtool),
        ("creationtoolversion", header.creationtoolversion),
        ("segtype", header.segtype),
        ("o-tmf", header.o_tmf),
        ("adminlang", normalize_tag(header.adminlang)),
        ("srclang", header.srclang if header.srclang == "*all*" else normalize_tag(header.srclang)),
        ("datatype", header.datatype),
    ]
    if header.creationdate:
        attributes.append(("creationdate", header.creationdate))
    text = " ".join(f'{name}="{escape_attribute(_clean(value))}"' for name, value in attributes)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">', f"  <header {text}"]
    children = [f"    <note>{escape_text(_clean(note))}</note>" for note in header.notes]
    children += [_prop(kind, value, "    ") for kind, value in header.props]
    if children:
        lines[-1] += ">"
        lines += children + ["  </header>"]
    else:
        lines[-1] += "/>"
    lines.append("  <body>")
    return "\n".join(lines) + "\n"


def _clean(value: str) -> str:
    """Header/prop values: drop illegal characters silently (they come from our own settings)."""
    return strip_illegal(value)[0]


def _prop(kind: str, value: str, indent: str) -> str:
    return (
        f'{indent}<prop type="{escape_attribute(_clean(kind))}">{escape_text(_clean(value))}</prop>'
    )


@lru_cache(maxsize=4096)
def _name(value: str) -> str:
    """A cleaned, escaped document id, symbol, path or bead kind (few values, many units)."""
    return escape_text(_clean(value))


@lru_cache(maxsize=4096)
def _provenance(document: str, symbol: str | None, source_file: str, target_file: str):
    """The escaped per-document strings of an occurrence: one cache lookup per unit."""
    symbol_prop = f'      <prop type="x-symbol">{_name(symbol)}</prop>\n' if symbol else ""
    return (
        f'      <prop type="x-document">{_name(document)}</prop>\n{symbol_prop}',
        _name(source_file),
        _name(target_file),
    )


def _occurrence_props(occurrence: Occurrence) -> str:
    """The ``x-`` prop run of one occurrence (one formatted string: this is the hot path)."""
    opening, source_file, target_file = _provenance(
        occurrence.document, occurrence.symbol, occurrence.source_file, occurrence.target_file
    )
    source, target = occurrence.source_segments, occurrence.target_segments
    return (
        f"{opening}"
        '      <prop type="x-source-segments">'
        f"{source[0] if len(source) == 1 else _indices(source)}</prop>\n"
        '      <prop type="x-target-segments">'
        f"{target[0] if len(target) == 1 else _indices(target)}</prop>\n"
        f'      <prop type="x-source-location">{source_file}:{occurrence.source_line:d}</prop>\n'
        f'      <prop type="x-target-location">{target_file}:{occurrence.target_line:d}</prop>\n'
        f'      <prop type="x-bead">{_name(occurrence.bead)}</prop>\n'
        f'      <prop type="x-confidence">{float(occurrence.confidence)!r}</prop>\n'
    )


def _indices(indices: tuple[int, ...]) -> str:
    return ",".join([f"{i:d}" for i in indices])


@lru_cache(maxsize=1024)
def _tu_date(date: str) -> str:
    return f' creationdate="{tmx_date(date)}"'


def _unit_xml(unit: TranslationUnit, tags: dict[str, str], report: TmxReport) -> str:
    """One ``<tu>``: note, provenance props, foreign props, then the two ``<tuv>``."""
    tuid = unit.tuid
    if not tuid.isalnum():  # content hashes are; anything else is cleaned and escaped
        tuid = escape_attribute(_clean(tuid))
    occurrences = unit.occurrences
    if len(occurrences) == 1:  # the common case, kept free of temporary lists
        only = occurrences[0]
        date = _tu_date(only.date) if only.date else ""
        props = _occurrence_props(only)
    else:
        dates = [o.date for o in occurrences if o.date]
        date = _tu_date(min(dates)) if dates else ""
        props = "".join([_occurrence_props(o) for o in occurrences])
    head = f'    <tu tuid="{tuid}"{date}>\n'
    if unit.note:
        head += f"      <note>{escape_text(_clean(unit.note))}</note>\n"
    if unit.props:
        props += "".join([_prop(kind, value, "      ") + "\n" for kind, value in unit.props])
    return (
        f"{head}{props}{_variant_xml(unit.tuid, unit.source, tags, report)}"
        f"{_variant_xml(unit.tuid, unit.target, tags, report)}    </tu>\n"
    )


def _variant_xml(tuid: str, variant: Variant, tags: dict[str, str], report: TmxReport) -> str:
    lang = tags.get(variant.lang)
    if lang is None:
        lang = tags[variant.lang] = normalize_tag(variant.lang)
    text, markup = variant.text, variant.markup
    # isprintable() is a fast C pre-check: every XML-illegal character is unprintable.
    if not text.isprintable() and ILLEGAL_XML_CHARS.search(text) is not None:
        text, markup, removed = strip_illegal_with_markup(text, markup)
        report.removed.append(RemovedCharacters(tuid, lang, removed))
    if markup:
        markup = tuple(span for span in markup if span.end > span.start)  # empty says nothing
        if markup:
            seg = _seg_content(text, markup)
            return f'      <tuv xml:lang="{lang}">\n        <seg>{seg}</seg>\n      </tuv>\n'
    seg = escape_text(text)
    return f'      <tuv xml:lang="{lang}">\n        <seg>{seg}</seg>\n      </tuv>\n'


def _seg_content(text: str, markup: tuple[Markup, ...]) -> str:
    """Text with each markup span turned into a ``<bpt i=N>``/``<ept i=N>`` pair.

    Spans may nest or overlap: bpt/ept are paired by ``i``, not by nesting. At one
    offset, closing tags come before opening ones (so adjacent spans do not
    overlap), inner spans close before outer ones, and outer spans open first.
    """
    events: list[tuple[tuple[int, int, int], str]] = []
    for number, span in enumerate(markup, start=1):
        if not 0 <= span.start <= span.end <= len(text):
            raise ValueError(f"markup {span} outside a text of {len(text)} characters")
        kind, code = INLINE_TAGS.get(span.kind, (span.kind, ""))
        events.append(
            (
                (span.start, 1, -span.end),
                f'<bpt i="{number}" type="{escape_attribute(kind)}">{escape_text(code)}</bpt>',
            )
        )
        events.append(((span.end, 0, -span.start), f'<ept i="{number}">{escape_text(code)}</ept>'))
    events.sort(key=lambda event: event[0])
    pieces = []
    position = 0
    for (offset, _, _), tag in events:
        pieces.append(escape_text(text[position:offset]))
        pieces.append(tag)
        position = offset
    pieces.append(escape_text(text[position:]))
    return "".join(pieces)
