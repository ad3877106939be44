"""Read what ``tm qa`` reviews: PO files, TMX files, or two plain-text files; and references.

Every reader returns a :class:`Bitext` (parallel lists plus where each pair came
from and the languages the file declares), so checks and metrics never care about
the format. Every problem is one :class:`~tm.qa.model.QaInputError` line naming
the file (and line when there is one); the CLI maps it to exit code 2.

Plain text follows sacrebleu's conventions so that scores agree with its command
line: UTF-8, one segment per line, "\\n" ends a line and a final newline does not
start a new segment; a trailing "\\r" (Windows line end) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tm.errors import TmError
from tm.qa.model import QaInputError


@dataclass(slots=True)
class Bitext:
    """Parallel source and target segments, with a location for each pair."""

    sources: list[str]
    targets: list[str]
    locations: list[str]
    source_lang: str | None = None
    target_lang: str | None = None
    origin: str = ""
    notes: list[str] = field(default_factory=list)


def read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 text file, as sacrebleu's command line reads them (see module doc)."""
    from tm.textfile import read_text

    try:
        text = read_text(Path(path), allow_empty=True, nfc=False)
    except TmError as error:
        raise QaInputError(str(error)) from None
    if not text:
        raise QaInputError(f"{path}: the file is empty")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def read_plain(source: Path, target: Path) -> Bitext:
    """Two plain-text files, one segment a line; their line counts must agree."""
    sources, targets = read_lines(source), read_lines(target)
    if len(sources) != len(targets):
        raise QaInputError(
            f"{source} has {len(sources)} lines but {target} has {len(targets)}: "
            "the files must be aligned line by line"
        )
    locations = [f"{target.name}:{number}" for number in range(1, len(targets) + 1)]
    return Bitext(sources, targets, locations, origin=f"{source} + {target}")


def read_po(path: Path) -> Bitext:
    """A gettext PO file: msgid is the source, msgstr the translation (obsolete entries skipped).

    The target language comes from the ``Language`` header, the source language
    from ``X-Source-Language`` when a tool wrote one. Fuzzy entries are reviewed
    like the others (their text is what a reviser sees); a file in which no entry
    has a translation is refused, as there is nothing to review.
    """
    import polib

    path = Path(path)
    if not path.is_file():
        raise QaInputError(f"{path}: no such file")
    try:
        po = polib.pofile(str(path), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise QaInputError(f"{path}: not a readable PO file ({_one_line(error)})") from None
    sources, targets, locations = [], [], []
    fuzzy = 0
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            translation = entry.msgstr_plural.get(0, "") if entry.msgstr_plural else ""
        else:
            translation = entry.msgstr
        sources.append(entry.msgid)
        targets.append(translation)
        locations.append(f"{path.name}:{entry.linenum}")
        fuzzy += "fuzzy" in entry.flags
    if not sources:
        raise QaInputError(f"{path}: the PO file has no entries")
    if not any(target.strip() for target in targets):
        raise QaInputError(f"{path}: the PO file has no translations (every msgstr is empty)")
    metadata = po.metadata or {}
    bitext = Bitext(
        sources, targets, locations,
        source_lang=metadata.get("X-Source-Language") or None,
        target_lang=metadata.get("Language") or None,
        origin=str(path),
    )
    if fuzzy:
        bitext.notes.append(f"{fuzzy} fuzzy entries reviewed as translated")
    return bitext


def read_tmx(path: Path, *, source_lang: str | None, target_lang: str | None) -> Bitext:
    """A TMX file, through the project's safe streaming reader; the options pick the pair.

    Without ``source_lang`` the header's ``srclang`` is the source; without
    ``target_lang`` the first other language of each unit is the target. Units
    lacking either side are skipped and counted in the notes.
    """
    from tm.formats.tmx_reader import TmxReadReport
    from tm.formats.tmx_reader import read_tmx as read_units

    path = Path(path)
    if not path.is_file():
        raise QaInputError(f"{path}: no such file")
    report = TmxReadReport()
    sources, targets, locations = [], [], []
    langs: set[tuple[str, str]] = set()
    try:
        for number, unit in enumerate(
            read_units(path, source_lang=source_lang, target_lang=target_lang, report=report),
            start=1,
        ):
            sources.append(unit.source.text)
            targets.append(unit.target.text)
            locations.append(f"{path.name}#{unit.tuid or number}")
            langs.add((unit.source.lang, unit.target.lang))
    except TmError as error:
        raise QaInputError(str(error)) from None
    if not sources:
        languages = [lang for lang in (source_lang, target_lang) if lang]
        wanted = " and ".join(languages) or "two languages"
        raise QaInputError(f"{path}: no translation unit has {wanted}")
    bitext = Bitext(sources, targets, locations, origin=str(path))
    if len(langs) == 1:
        bitext.source_lang, bitext.target_lang = next(iter(langs))
    else:
        bitext.source_lang = source_lang or (report.header.srclang if report.header else None)
        bitext.target_lang = target_lang
    if report.missing_language:
        bitext.notes.append(f"{report.missing_language} TMX units without both languages skipped")
    return bitext


def read_bitext(path: Path, *, source_lang: str | None, target_lang: str | None) -> Bitext:
    """A PO or TMX file, by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".po", ".pot"):
        return read_po(path)
    if suffix == ".tmx":
        return read_tmx(path, source_lang=source_lang, target_lang=target_lang)
    raise QaInputError(
        f"{path}: unknown input kind (expected .po or .tmx; for plain text give "
        "--source FILE --target FILE)"
    )


def _key(text: str) -> str:
    return " ".join(text.split())


def references_by_source(
    path: Path, *, source_lang: str | None, target_lang: str | None
) -> dict[str, str]:
    """Source segment (whitespace-normalised) -> reference translation, from a TMX or PO file.

    When a memory holds one source with several translations, the first one in
    the file is the reference (the order of the file is the memory's own ranking).
    """
    bitext = read_bitext(path, source_lang=source_lang, target_lang=target_lang)
    references: dict[str, str] = {}
    for source, target in zip(bitext.sources, bitext.targets, strict=True):
        if target.strip():
            references.setdefault(_key(source), target)
    return references


def match_references(sources: list[str], references: dict[str, str]) -> list[str | None]:
    """The reference of each source segment, or None where the memory has none."""
    return [references.get(_key(source)) for source in sources]


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__
