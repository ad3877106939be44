"""gettext PO files (via polib) for localisation engineers: memories and work to translate.

Two kinds of file:
- :func:`write_po` — an aligned memory as PO: the unit's source (the English UN
  original by default) in ``msgid``, its translation in ``msgstr``, one entry per
  occurrence. ``msgctxt`` names the document and segments, so a sentence the two
  letters share stays two valid entries (``msgfmt`` rejects a repeated
  msgid/msgctxt), ``#:`` points at both corpus files and lines, ``#.`` gives the
  alignment confidence and bead, and low-confidence pairs are ``#, fuzzy``.
- :func:`write_translation_po` — a document with no counterpart, to translate:
  its segments in ``msgid``, ``msgstr`` pre-filled from the memory's best match
  (fuzzy unless exact, the match percentage in a comment) or left empty.

Emphasis is written as its Markdown delimiters (``**Annan**``), the corpus's own
notation, so nothing is lost. Every file passes ``msgfmt --check``: where only
one side of a pair begins or ends with a newline (a check msgfmt enforces), the
translation's edge is aligned on the source's. Output is deterministic: entries
sorted, dates only from documents or ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tm import __version__
from tm.atomic import atomic_file
from tm.errors import TmError
from tm.formats.dates import build_date, po_date
from tm.langtag import normalize_tag, posix_locale, primary_language, same_language
from tm.memory import (
    DEFAULT_LOW_CONFIDENCE,
    Memory,
    Occurrence,
    TranslationUnit,
    Variant,
    best_match,
    relative_path,
)
from tm.model import Document, Markup, Segment

#: gettext Plural-Forms of the six official UN languages (from the gettext manual / CLDR).
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5);",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "zh": "nplurals=1; plural=0;",
}
_MARKDOWN = {"strong": "**", "emphasis": "*"}


@dataclass(frozen=True, slots=True)
class PoHeader:
    """What the PO header says beyond the languages (all fields msgfmt --check expects)."""

    project: str = "tm"
    translator: str = ""
    team: str = ""
    date: str | None = None  # YYYY-MM-DD; default: SOURCE_DATE_EPOCH or the documents' dates


def markdown(text: str, markup: Sequence[Markup]) -> str:
    """``text`` with each markup span wrapped in its Markdown delimiters."""
    if not markup:
        return text
    inserts: list[tuple[tuple[int, int, int], str]] = []
    for span in markup:
        delimiter = _MARKDOWN.get(span.kind, "")
        # At one offset: closes before opens, inner spans close first, outer open first.
        inserts.append(((span.start, 1, -span.end), delimiter))
        inserts.append(((span.end, 0, -span.start), delimiter))
    inserts.sort(key=lambda item: item[0])
    pieces, position = [], 0
    for (offset, _, _), delimiter in inserts:
        pieces.append(text[position:offset])
        pieces.append(delimiter)
        position = offset
    pieces.append(text[position:])
    return "".join(pieces)


def _po_text(variant: Variant | Segment) -> str:
    # NUL cannot appear in a PO string (msgfmt reads C strings).
    return markdown(variant.text, variant.markup).replace("\x00", "")


def _match_edges(msgid: str, msgstr: str) -> str:
    """Make ``msgstr`` begin/end with a newline exactly when ``msgid`` does (msgfmt --check)."""
    if not msgstr:
        return msgstr
    if msgid.startswith("\n") != msgstr.startswith("\n"):
        msgstr = "\n" + msgstr if msgid.startswith("\n") else msgstr.lstrip("\n")
    if msgid.endswith("\n") != msgstr.endswith("\n"):
        msgstr = msgstr + "\n" if msgid.endswith("\n") else msgstr.rstrip("\n")
    return msgstr or msgid  # never empty a translation by trimming: keep the source


def _pofile(
    *, source_lang: str, target_lang: str, header: PoHeader, dates: Iterable[str | None], title: str
):
    import polib

    moment = build_date([header.date] if header.date else dates)
    po = polib.POFile(wrapwidth=78)
    po.header = title
    stamp = po_date(moment) if moment else None
    metadata = {"Project-Id-Version": header.project, "Report-Msgid-Bugs-To": ""}
    if stamp:
        metadata["POT-Creation-Date"] = stamp
        metadata["PO-Revision-Date"] = stamp
    metadata |= {
        "Last-Translator": header.translator,
        "Language-Team": header.team,
        "Language": posix_locale(target_lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(primary_language(target_lang), PLURAL_FORMS["en"]),
        "X-Generator": f"tm {__version__}",
        "X-Source-Language": normalize_tag(source_lang),
    }
    po.metadata = metadata
    return po


def _save(po, path: Path) -> None:
    text = str(po)
    with atomic_file(Path(path)) as handle:
        handle.write(text if text.endswith("\n") else text + "\n")


def _context(document: str, segments: Sequence[int]) -> str:
    return f"{document}:{'+'.join(str(i) for i in segments)}"


def document_ids(units: Iterable[TranslationUnit]) -> list[str]:
    """The ids of the documents the units occur in, in order of first occurrence."""
    seen: dict[str, None] = {}
    for unit in units:
        for occurrence in unit.occurrences:
            seen.setdefault(occurrence.document)
    return list(seen)


def write_po(
    path: Path,
    units: Iterable[TranslationUnit],
    *,
    document: str | None = None,
    source_lang: str = "en",
    target_lang: str = "fr",
    low_confidence: float = DEFAULT_LOW_CONFIDENCE,
    header: PoHeader = PoHeader(),
) -> int:
    """Write a memory as PO (one entry per occurrence) atomically; return the entry count.

    With ``document``, only that document's occurrences are written (the
    per-document PO); without, the whole corpus. Entries are sorted by document
    and segment.
    """
    import polib

    picked: list[tuple[TranslationUnit, Occurrence]] = [
        (unit, occurrence)
        for unit in units
        for occurrence in unit.occurrences
        if document is None or occurrence.document == document
    ]
    picked.sort(key=lambda item: (item[1].document, item[1].source_segments))
    title = f"Translation memory of {document}" if document else "Translation memory of the corpus"
    po = _pofile(
        source_lang=source_lang,
        target_lang=target_lang,
        header=header,
        dates=(o.date for _, o in picked),
        title=f"{title}, {normalize_tag(source_lang)} -> {normalize_tag(target_lang)}, "
        "aligned by tm.",
    )
    for unit, occurrence in picked:
        msgid = _po_text(unit.source)
        if not msgid:
            continue
        low = occurrence.confidence < low_confidence
        po.append(
            polib.POEntry(
                msgctxt=_context(occurrence.document, occurrence.source_segments),
                msgid=msgid,
                msgstr=_match_edges(msgid, _po_text(unit.target)),
                occurrences=[
                    (occurrence.source_file, str(occurrence.source_line)),
                    (occurrence.target_file, str(occurrence.target_line)),
                ],
                comment=(
                    f"alignment confidence {occurrence.confidence:.2f}, bead {occurrence.bead}, "
                    f"unit {unit.tuid}"
                    + (f"; symbol {occurrence.symbol}" if occurrence.symbol else "")
                ),
                flags=["fuzzy"] if low else [],
            )
        )
    _save(po, path)
    return len(po)


def write_translation_po(
    path: Path,
    document: Document,
    segments: Sequence[Segment],
    memory: Memory | None,
    *,
    target_lang: str = "en",
    min_score: float = 70.0,
    root: Path | None = None,
    header: PoHeader = PoHeader(),
) -> int:
    """Write a PO to translate ``document`` (which has no counterpart); return the entry count.

    ``msgid`` is each segment in the document's language; ``msgstr`` is the
    memory's translation of the best match scoring at least ``min_score``
    (``#, fuzzy`` unless exact, the score and unit in a ``#.`` comment), or empty.
    """
    import polib

    source_lang = normalize_tag(document.lang)
    match_side = _match_side(memory, source_lang) if memory is not None else None
    po = _pofile(
        source_lang=source_lang,
        target_lang=target_lang,
        header=header,
        dates=[document.date],
        title=f"{document.id}: to translate, {source_lang} -> {normalize_tag(target_lang)}, "
        "pre-filled from the memory by tm.",
    )
    location = relative_path(document.path, root)
    for index, segment in enumerate(segments):
        msgid = _po_text(segment)
        if not msgid.strip():
            continue
        entry = polib.POEntry(
            msgctxt=_context(document.id, [index]),
            msgid=msgid,
            msgstr="",
            occurrences=[(location, str(segment.line))],
        )
        found = (
            best_match(memory, segment.text, lang=source_lang, min_score=min_score)
            if match_side
            else None
        )
        if found is not None:
            unit, score = found
            translation = unit.target if match_side == "source" else unit.source
            entry.msgstr = _match_edges(msgid, _po_text(translation))
            matched = unit.source if match_side == "source" else unit.target
            exact = score >= 100.0 and matched.markup == segment.markup
            entry.comment = f"{score:.0f}% match with memory unit {unit.tuid}"
            if not exact:
                entry.flags.append("fuzzy")
        po.append(entry)
    _save(po, path)
    return len(po)


def _match_side(memory: Memory, lang: str) -> str:
    """Which side of the memory's units is in ``lang`` ("source" or "target")."""
    if same_language(lang, memory.source_lang):
        return "source"
    if same_language(lang, memory.target_lang):
        return "target"
    raise TmError(
        f"the memory is {memory.source_lang} -> {memory.target_lang}; "
        f"it cannot pre-fill a {lang} document"
    )
