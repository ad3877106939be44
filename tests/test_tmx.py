"""TMX 1.4b writer: DTD-valid, read back exactly (our reader, translate-toolkit), reproducible."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tm.errors import TmError
from tm.formats.po import markdown
from tm.formats.tmx import TmxHeader, creation_date, write_tmx
from tm.formats.tmx_reader import read_tmx, read_tmx_header
from tm.formats.xmltext import ILLEGAL_XML_CHARS
from tm.memory import Occurrence, TranslationUnit, Variant, unit_id
from tm.model import Markup

DTD = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "tmx14.dtd"


def occurrence(document: str = "letter.fr", confidence: float = 0.93) -> Occurrence:
    return Occurrence(
        document=document,
        symbol="A/60/99",
        source_segments=(3,),
        target_segments=(4, 5),
        source_file="corpus/letters.en.txt",
        source_line=7,
        target_file="corpus/letters.fr.txt",
        target_line=9,
        bead="1-2",
        confidence=confidence,
        date="2005-07-11",
    )


def unit(
    source: str, target: str, *, source_markup=(), target_markup=(), **extra
) -> TranslationUnit:
    en = Variant("en-GB", source, tuple(source_markup))
    fr = Variant("fr-FR", target, tuple(target_markup))
    return TranslationUnit(unit_id(en, fr), en, fr, **extra)


SAMPLE = [
    unit(
        "(Signed) Kofi A. Annan",
        "(Signé) Kofi A. Annan",
        source_markup=[Markup(17, 22, "strong")],
        target_markup=[Markup(16, 21, "strong")],
        occurrences=(occurrence("utsumi.fr"), occurrence("karklins.fr")),
    ),
    unit(
        'A "quoted" <tag> & an ampersand',
        "Des « guillemets » <balise> & une esperluette",
        occurrences=(occurrence(confidence=0.31),),
        note="Low alignment confidence (0.31 < 0.50): check this pair before use.",
    ),
    unit("Tab\there, newline\nthere, CR\rhere", "Tab\tici, saut\nlà, CR\rici"),
]
HEADER = TmxHeader(
    srclang="en-GB", creationdate="20050711T000000Z", props=(("x-signature", "srx:fr|align:1"),)
)


def xmllint_valid(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["xmllint", "--noout", "--dtdvalid", str(DTD), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


needs_xmllint = pytest.mark.skipif(
    shutil.which("xmllint") is None or not DTD.exists(),
    reason="needs xmllint (libxml2-utils) and ../shared/schemas/tmx14.dtd",
)


@needs_xmllint
def test_written_tmx_is_valid_against_the_tmx14_dtd(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, SAMPLE, header=HEADER)
    result = xmllint_valid(path)
    assert result.returncode == 0, result.stderr


@needs_xmllint
def test_overlapping_nested_and_adjacent_markup_stays_valid(tmp_path: Path) -> None:
    markup = [
        Markup(0, 5, "strong"),
        Markup(0, 2, "emphasis"),
        Markup(3, 8, "emphasis"),
        Markup(8, 9, "strong"),
    ]
    path = tmp_path / "inline.tmx"
    write_tmx(path, [unit("abcdefghij", "abcdefghij", source_markup=markup)], header=HEADER)
    assert xmllint_valid(path).returncode == 0
    (read,) = read_tmx(path)
    assert sorted(read.source.markup, key=lambda m: (m.start, -m.end)) == sorted(
        markup, key=lambda m: (m.start, -m.end)
    )


def test_header_has_every_required_attribute_and_the_signature(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, SAMPLE, header=HEADER)
    header = read_tmx_header(path)
    assert (header.creationtool, header.segtype, header.srclang) == ("tm", "sentence", "en-GB")
    assert header.props == (("x-signature", "srx:fr|align:1"),)
    text = path.read_text(encoding="utf-8")
    for attribute in (
        "creationtoolversion=",
        'o-tmf="tm"',
        'adminlang="en"',
        'datatype="plaintext"',
    ):
        assert attribute in text
    assert '<tu tuid="' in text and 'creationdate="20050711T000000Z"' in text


def test_round_trip_through_our_reader(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    report = write_tmx(path, SAMPLE, header=HEADER)
    assert report.units == 3 and report.removed == []
    read = list(read_tmx(path))
    assert len(read) == 3
    for written, got in zip(SAMPLE, read, strict=True):
        assert (got.tuid, got.source, got.target, got.note) == (
            written.tuid,
            written.source,
            written.target,
            written.note,
        )
        # the document date becomes the unit's creationdate, not an occurrence prop
        assert got.occurrences == tuple(
            Occurrence(**{**_fields(o), "date": None}) for o in written.occurrences
        )


def _fields(value) -> dict:
    return {name: getattr(value, name) for name in value.__slots__}


def test_translate_toolkit_reads_every_unit_with_the_right_text(tmp_path: Path) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    path = tmp_path / "memory.tmx"
    write_tmx(path, SAMPLE, header=HEADER)
    with open(path, "rb") as handle:
        store = tmx.tmxfile.parsefile(handle)
    assert len(store.units) == len(SAMPLE)
    for written, got in zip(SAMPLE, store.units, strict=True):
        # translate-toolkit flattens inline tags to their native code: the Markdown.
        assert got.source == markdown(written.source.text, written.source.markup)
        assert got.target == markdown(written.target.text, written.target.markup)
        assert got.getid() == written.tuid


def test_illegal_xml_characters_are_removed_reported_and_markup_follows(tmp_path: Path) -> None:
    dirty = unit("A\x0cB\x00 **bold**\ufffe", "Fr\x1b", source_markup=[Markup(5, 13, "strong")])
    path = tmp_path / "memory.tmx"
    report = write_tmx(path, [dirty], header=HEADER)
    assert [(r.lang, r.characters) for r in report.removed] == [
        ("en-GB", "\x0c\x00\ufffe"),
        ("fr-FR", "\x1b"),
    ]
    assert "U+000C" in report.removed[0].describe()
    assert ILLEGAL_XML_CHARS.search(path.read_text(encoding="utf-8")) is None
    (got,) = read_tmx(path)
    assert got.source.text == "AB **bold**"
    assert got.source.text[got.source.markup[0].start : got.source.markup[0].end] == "**bold**"


def test_same_input_gives_byte_identical_files_and_source_date_epoch_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert creation_date(["2005-07-11", None, "2005-07-01"]) == "20050711T000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1120089600")
    header = TmxHeader(srclang="en-GB", creationdate=creation_date(["2005-07-11"]))
    assert header.creationdate == "20050630T000000Z"
    first, second = tmp_path / "a.tmx", tmp_path / "b.tmx"
    write_tmx(first, SAMPLE, header=header)
    write_tmx(second, iter(SAMPLE), header=header)
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(TmError, match="SOURCE_DATE_EPOCH"):
        creation_date([])


def test_language_tags_are_normalised_and_garbage_rejected(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    en, fr = Variant("en_gb", "Geneva"), Variant("fr_FR", "Genève")
    write_tmx(path, [TranslationUnit("t1", en, fr)], header=TmxHeader(srclang="en_GB"))
    text = path.read_text(encoding="utf-8")
    assert 'xml:lang="fr-FR"' in text and 'srclang="en-GB"' in text and "fr_FR" not in text
    with pytest.raises(TmError, match="language"):
        write_tmx(path, [TranslationUnit("t1", Variant("english", "x"), fr)], header=HEADER)


def test_a_failed_write_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, SAMPLE, header=HEADER)
    before = path.read_bytes()

    def broken():
        yield SAMPLE[0]
        raise RuntimeError("aligner crashed")

    with pytest.raises(RuntimeError):
        write_tmx(path, broken(), header=HEADER)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx"]


# Random Unicode text, with C0 controls, CR and XML specials made likely.
_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            ["\x00", "\x0c", "\x1f", "\r", "\n", "\t", "<", "&", ">", '"', "]", "\ufffe"]
        ),
    ),
    max_size=40,
)


@st.composite
def _variant(draw, lang: str) -> Variant:
    text = draw(_text)
    spans = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        if end > start:
            spans.append(Markup(start, end, draw(st.sampled_from(["strong", "emphasis"]))))
    return Variant(lang, text, tuple(sorted(set(spans), key=lambda m: (m.start, -m.end))))


def _cleaned(variant: Variant) -> tuple[str, list[Markup]]:
    from tm.formats.xmltext import strip_illegal_with_markup

    text, markup, _ = strip_illegal_with_markup(variant.text, variant.markup)
    return text, sorted((m for m in markup if m.end > m.start), key=_order)


def _order(span: Markup) -> tuple[int, int, str]:
    return span.start, -span.end, span.kind


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=st.lists(st.tuples(_variant("en-GB"), _variant("fr-FR")), min_size=1, max_size=5))
def test_round_trip_on_random_unicode(tmp_path: Path, pairs) -> None:
    units = [TranslationUnit(f"u{i}", en, fr) for i, (en, fr) in enumerate(pairs)]
    path = tmp_path / "random.tmx"
    report = write_tmx(path, units, header=HEADER)
    assert all(ILLEGAL_XML_CHARS.search(r.characters) for r in report.removed)
    read = list(read_tmx(path))
    assert len(read) == len(units)
    for written, got in zip(units, read, strict=True):
        for side_written, side_got in ((written.source, got.source), (written.target, got.target)):
            text, markup = _cleaned(side_written)
            assert side_got.text == text
            # spans that became empty when illegal characters went are not written back
            assert sorted((m for m in side_got.markup if m.end > m.start), key=_order) == markup


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=st.lists(st.tuples(_variant("en-GB"), _variant("fr-FR")), min_size=1, max_size=5))
def test_translate_toolkit_reads_random_unicode(tmp_path: Path, pairs) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    units = [TranslationUnit(f"u{i}", en, fr) for i, (en, fr) in enumerate(pairs)]
    path = tmp_path / "random.tmx"
    write_tmx(path, units, header=HEADER)
    with open(path, "rb") as handle:
        store = tmx.tmxfile.parsefile(handle)
    assert len(store.units) == len(units)
    for written, got in zip(units, store.units, strict=True):
        assert (got.source or "") == markdown(*_cleaned(written.source))  # tt: None if empty
        assert (got.target or "") == markdown(*_cleaned(written.target))


@needs_xmllint
def test_the_memory_of_the_bundled_corpus_is_valid_and_reads_back(tmp_path: Path) -> None:
    from tm.memory import build_memory
    from tm.pipeline import aligned_corpus

    repo = Path(__file__).resolve().parents[1]
    aligned = aligned_corpus(repo)
    if not aligned:
        pytest.skip("the bundled corpus has no aligned document pair")
    memory = build_memory(aligned, source_lang="en-GB", target_lang="fr-FR", root=repo)
    assert memory.duplicates > 0  # the two letters share sentences
    path = tmp_path / "corpus.tmx"
    header = TmxHeader(srclang="en-GB", creationdate=creation_date(p.source.date for p in aligned))
    write_tmx(path, memory.units, header=header)
    result = xmllint_valid(path)
    assert result.returncode == 0, result.stderr
    read = list(read_tmx(path))
    assert [(u.tuid, u.source, u.target) for u in read] == [
        (u.tuid, u.source, u.target) for u in memory.units
    ]
    assert sum(len(u.occurrences) for u in read) == sum(len(u.occurrences) for u in memory.units)
