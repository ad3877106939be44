"""TMX reader for memories written by other tools: streaming, and safe on hostile XML.

A TMX file comes from outside (a client, a colleague's CAT tool), so it is
parsed as untrusted: entities are never resolved, the network is never used,
no DTD is loaded, a document type that declares entities (XXE, "billion
laughs") is refused outright, and libxml2's size limits stay on. Every problem
becomes one :class:`TmError` naming the file and line.

Units are yielded one at a time and their elements freed, so reading a memory
of millions of units needs no more memory than reading one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tm.errors import TmError
from tm.formats.tmx import KIND_OF_TYPE, OCCURRENCE_PROPS, SEGTYPES, TmxHeader
from tm.langtag import normalize_tag, same_language
from tm.memory import Occurrence, TranslationUnit, Variant, unit_id
from tm.model import Markup

REQUIRED_HEADER_ATTRIBUTES = (
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
)
SUPPORTED_VERSIONS = ("1.4",)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(slots=True)
class TmxReadReport:
    """Counts filled in while reading: units yielded and units skipped (and why)."""

    header: TmxHeader | None = None
    units: int = 0
    missing_language: int = 0


def read_tmx(
    path: Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    report: TmxReadReport | None = None,
) -> Iterator[TranslationUnit]:
    """Yield the units of a TMX 1.4 file as :class:`TranslationUnit` values.

    The source side is the ``<tuv>`` in ``source_lang`` (default: the header's
    ``srclang``; the first ``<tuv>`` when that is ``*all*``), the target side the
    one in ``target_lang`` (default: the first other language). Tags match by
    primary language when no exact match exists (``en`` finds ``en-GB``). Units
    without both sides are skipped and counted in ``report``. Inline
    ``<bpt>``/``<ept>`` pairs become markup spans; other inline codes are dropped
    and their surrounding text kept.
    """
    from lxml import etree

    path = Path(path)
    report = report if report is not None else TmxReadReport()
    wanted_source = normalize_tag(source_lang) if source_lang else None
    wanted_target = normalize_tag(target_lang) if target_lang else None
    etree.clear_error_log()  # so the error entries of a failure are this parse's own
    context = etree.iterparse(
        str(path),
        events=("end",),
        tag=("header", "tu"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    seen_root = False
    try:
        for _, element in context:
            if not seen_root:  # nothing is expanded before this check: no entity is resolved
                _check_root(path, element)
                seen_root = True
            if element.tag == "header":
                report.header = _header(path, element)
                if wanted_source is None and report.header.srclang != "*all*":
                    wanted_source = report.header.srclang
            elif element.tag == "tu":
                if report.header is None:
                    raise TmError(f"{path}:{element.sourceline}: <tu> before the TMX <header>")
                unit = _unit(path, element, wanted_source, wanted_target)
                _release(element)
                if unit is None:
                    report.missing_language += 1
                    continue
                report.units += 1
                yield unit
    except etree.XMLSyntaxError as error:
        line, message = _syntax_error(path, error)
        raise TmError(f"{path}:{line}: malformed TMX: {message}") from None
    if not seen_root:
        raise TmError(f"{path}:1: not a TMX file (no <header> or <tu> element)")
    if report.header is None:
        raise TmError(f"{path}:1: TMX file has no <header>")


def _syntax_error(path: Path, error) -> tuple[int, str]:
    """Line and message of libxml2's first error in this file (lxml's summary can be vaguer).

    The log may also hold errors of earlier parses in this thread, hence the filter.
    """
    entries = [
        entry
        for entry in error.error_log
        if entry.level_name in ("FATAL", "ERROR") and entry.filename == str(path)
    ]
    if entries:
        return entries[0].line or 1, entries[0].message
    return error.lineno or (error.position[0] if error.position else 1), error.msg


def read_tmx_header(path: Path) -> TmxHeader:
    """The validated header of a TMX file, without reading its units."""
    report = TmxReadReport()
    for _ in read_tmx(path, report=report):
        break
    assert report.header is not None  # read_tmx raises otherwise
    return report.header


def _check_root(path: Path, element) -> None:
    """Refuse entity declarations, and anything but a TMX 1.4 root."""
    tree = element.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TmError(
            f"{path}:{_entity_line(path, element.sourceline)}: the document type declares "
            "entities; refused "
            "(entities can read local files or expand without bound)"
        )
    root = tree.getroot()
    if root.tag != "tmx":
        raise TmError(f"{path}:{root.sourceline}: not a TMX file (root element <{root.tag}>)")
    version = root.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise TmError(
            f"{path}:{root.sourceline}: unsupported TMX version {version!r} "
            f"(this reader reads TMX {', '.join(SUPPORTED_VERSIONS)})"
        )


def _entity_line(path: Path, root_line: int | None) -> int:
    """The line of the first ``<!ENTITY`` (it precedes the root element), for the error."""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if b"<!ENTITY" in line or (root_line and number >= root_line):
                return number
    return 1


def _header(path: Path, element) -> TmxHeader:
    missing = [name for name in REQUIRED_HEADER_ATTRIBUTES if not element.get(name)]
    if missing:
        raise TmError(
            f"{path}:{element.sourceline}: TMX header lacks required attribute(s): "
            + ", ".join(missing)
        )
    segtype = element.get("segtype")
    if segtype not in SEGTYPES:
        raise TmError(
            f"{path}:{element.sourceline}: TMX header segtype {segtype!r} is not one of "
            + ", ".join(SEGTYPES)
        )
    srclang = element.get("srclang")
    return TmxHeader(
        srclang=srclang if srclang == "*all*" else _tag(path, element, srclang),
        creationtool=element.get("creationtool"),
        creationtoolversion=element.get("creationtoolversion"),
        segtype=segtype,
        o_tmf=element.get("o-tmf"),
        adminlang=element.get("adminlang"),
        datatype=element.get("datatype"),
        creationdate=element.get("creationdate"),
        props=tuple((p.get("type", ""), p.text or "") for p in element.iterchildren("prop")),
        notes=tuple(n.text or "" for n in element.iterchildren("note")),
    )


def _tag(path: Path, element, tag: str) -> str:
    try:
        return normalize_tag(tag)
    except TmError as error:
        raise TmError(f"{path}:{element.sourceline}: {error}") from None


def _release(element) -> None:
    """Free a processed ``<tu>`` and the ones before it (keeps memory flat)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _unit(path: Path, element, source_lang: str | None, target_lang: str | None):
    variants: list[Variant] = []
    notes: list[str] = []
    props: list[tuple[str, str]] = []
    for child in element:
        if child.tag == "tuv":
            lang = child.get(_XML_LANG) or child.get("lang")
            if not lang:
                raise TmError(f"{path}:{child.sourceline}: <tuv> without xml:lang")
            seg = None
            for grandchild in child:
                if grandchild.tag == "seg":
                    seg = grandchild
            if seg is None:
                raise TmError(f"{path}:{child.sourceline}: <tuv> without <seg>")
            text, markup = seg_text(seg)
            variants.append(Variant(_tag(path, child, lang), text, markup))
        elif child.tag == "note":
            notes.append(child.text or "")
        elif child.tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
    source = _pick(variants, source_lang) or (variants[0] if variants and not source_lang else None)
    if source is None:
        return None
    others = [v for v in variants if v is not source and not same_language(v.lang, source.lang)]
    target = _pick(others, target_lang) if target_lang else (others[0] if others else None)
    if target is None:
        return None
    occurrences, other_props = _occurrences(path, element, props)
    return TranslationUnit(
        tuid=element.get("tuid") or unit_id(source, target),
        source=source,
        target=target,
        occurrences=occurrences,
        note="\n".join(notes) or None,
        props=other_props,
    )


def _pick(variants: list[Variant], lang: str | None) -> Variant | None:
    if lang is None:
        return None
    exact = next((v for v in variants if v.lang == lang), None)
    return exact or next((v for v in variants if same_language(v.lang, lang)), None)


def _occurrences(
    path: Path, element, props: list[tuple[str, str]]
) -> tuple[tuple[Occurrence, ...], tuple[tuple[str, str], ...]]:
    """Split props into our provenance runs (one per ``x-document``) and foreign props."""
    runs: list[dict[str, str]] = []
    other: list[tuple[str, str]] = []
    for kind, value in props:
        if kind == "x-document":
            runs.append({kind: value})
        elif kind in OCCURRENCE_PROPS and runs and kind not in runs[-1]:
            runs[-1][kind] = value
        else:
            other.append((kind, value))
    try:
        occurrences = tuple(_occurrence(run) for run in runs)
    except (KeyError, ValueError) as error:
        raise TmError(
            f"{path}:{element.sourceline}: unit {element.get('tuid')!r} has an incomplete "
            f"or malformed x-document prop run ({error})"
        ) from None
    return occurrences, tuple(other)


def _occurrence(run: dict[str, str]) -> Occurrence:
    def indices(value: str) -> tuple[int, ...]:
        return tuple(int(i) for i in value.split(",") if i)

    def location(value: str) -> tuple[str, int]:
        file, _, line = value.rpartition(":")
        return file, int(line)

    source_file, source_line = location(run["x-source-location"])
    target_file, target_line = location(run["x-target-location"])
    return Occurrence(
        document=run["x-document"],
        symbol=run.get("x-symbol"),
        source_segments=indices(run["x-source-segments"]),
        target_segments=indices(run["x-target-segments"]),
        source_file=source_file,
        source_line=source_line,
        target_file=target_file,
        target_line=target_line,
        bead=run["x-bead"],
        confidence=float(run["x-confidence"]),
    )


def seg_text(seg) -> tuple[str, tuple[Markup, ...]]:
    """Plain text and markup spans of a ``<seg>``: bpt/ept pairs become spans.

    ``<hi>`` content is text (it is translatable); the content of ``<bpt>``,
    ``<ept>``, ``<ph>``, ``<it>`` and ``<ut>`` is native code and is dropped.
    An unpaired ``<bpt>`` or ``<ept>`` is ignored.
    """
    pieces: list[str] = []
    length = 0
    opened: dict[str, tuple[int, str]] = {}
    spans: list[Markup] = []

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(element) -> None:
        add(element.text)
        for child in element:
            tag = child.tag
            if tag == "bpt":
                kind = child.get("type") or "code"
                opened[child.get("i", "")] = (length, KIND_OF_TYPE.get(kind, kind))
            elif tag == "ept":
                start = opened.pop(child.get("i", ""), None)
                if start is not None:
                    spans.append(Markup(start[0], length, start[1]))
            elif tag not in ("ph", "it", "ut"):
                walk(child)  # <hi>, or an element TMX does not define: keep its text
            add(child.tail)

    walk(seg)
    spans.sort(key=lambda span: (span.start, -span.end, span.kind))
    return "".join(pieces), tuple(spans)
