"""PO writers: msgfmt --check passes, polib reads back, contexts keep repeated sentences valid."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from tm.formats.po import document_ids, markdown, write_po, write_translation_po
from tm.memory import build_memory
from tm.model import AlignedDocument, Bead, Document, Markup, Segment

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs msgfmt (gettext)")


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def document(doc_id: str, lang: str) -> Document:
    return Document(
        id=doc_id, lang=lang, path=Path(f"corpus/{doc_id}.txt"), paragraphs=(), date="2005-07-11"
    )


def letter(name: str, french: list, english: list, confidences: list[float]) -> AlignedDocument:
    def segs(texts):
        return tuple(
            Segment(text=t[0], markup=t[1], line=i + 1)
            if isinstance(t, tuple)
            else Segment(t, line=i + 1)
            for i, t in enumerate(texts)
        )

    beads = tuple(Bead((i,), (i,), c) for i, c in enumerate(confidences))
    return AlignedDocument(
        document(f"{name}.fr", "fr"),
        document(f"{name}.en", "en"),
        segs(french),
        segs(english),
        beads,
    )


LETTERS = [
    letter(
        "utsumi",
        ["Le 11 juillet 2005", ("(Signé) Kofi A. Annan", (Markup(16, 21, "strong"),)), "Genève"],
        ["11 July 2005", ("(Signed) Kofi A. Annan", (Markup(17, 22, "strong"),)), "Geneva"],
        [0.95, 0.9, 0.3],
    ),
    letter(
        "karklins",
        ["Le 11 juillet 2005", 'Des « guillemets » "doubles", un \\ et\tune tabulation', "\nLigne"],
        ["11 July 2005", 'Some "double" quotes, a \\ and\ta tab', "Line\n"],
        [0.95, 0.8, 0.9],
    ),
]


@needs_msgfmt
def test_corpus_and_per_document_po_pass_msgfmt_check_and_read_back(tmp_path: Path) -> None:
    memory = build_memory(LETTERS, source_lang="en-GB", target_lang="fr-FR")
    corpus = tmp_path / "corpus.po"
    assert write_po(corpus, memory.units, source_lang="en-GB", target_lang="fr-FR") == 6
    result = msgfmt_check(corpus)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    entries = polib.pofile(str(corpus))
    assert entries.metadata["Language"] == "fr_FR"
    assert entries.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert entries.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert entries.metadata["X-Generator"].startswith("tm ")
    assert entries.metadata["POT-Creation-Date"] == "2005-07-11 00:00+0000"
    dated = [e for e in entries if e.msgid == "11 July 2005"]
    assert [e.msgctxt for e in dated] == ["karklins.fr:0", "utsumi.fr:0"]  # repeated, still valid
    signed = next(e for e in entries if "Annan" in e.msgid)
    assert (signed.msgid, signed.msgstr) == (
        "(Signed) Kofi A. **Annan**",
        "(Signé) Kofi A. **Annan**",
    )
    assert signed.occurrences == [("corpus/utsumi.en.txt", "2"), ("corpus/utsumi.fr.txt", "2")]
    assert "alignment confidence 0.90" in signed.comment
    geneva = next(e for e in entries if e.msgid == "Geneva")
    assert "fuzzy" in geneva.flags and "fuzzy" not in signed.flags
    quoted = next(e for e in entries if e.msgid.startswith("Some"))
    assert quoted.msgstr == 'Des « guillemets » "doubles", un \\ et\tune tabulation'
    # msgfmt requires both sides to begin/end with a newline, or neither: aligned on the source
    line = next(e for e in entries if e.msgid == "Line\n")
    assert line.msgstr == "Ligne\n"

    assert document_ids(memory.units) == ["utsumi.fr", "karklins.fr"]
    for doc_id in document_ids(memory.units):
        path = tmp_path / f"{doc_id}.po"
        assert write_po(path, memory.units, document=doc_id, target_lang="fr-FR") == 3
        assert msgfmt_check(path).returncode == 0
        assert {e.msgctxt.split(":")[0] for e in polib.pofile(str(path))} == {doc_id}


@needs_msgfmt
def test_nasty_text_survives_msgfmt_check(tmp_path: Path) -> None:
    nasty = [
        "trailing backslash \\",
        '"quoted"',
        "\\n is not a newline",
        "tab\tand\vvertical\fform feed\x07bell",
        "\n\nleading newlines",
        "CR\r\nLF",
        "nul\x00byte",
        "a very long line " * 12,
        "%s %d %(name)s {0} printf-like but not flagged",
    ]
    english = [f"EN {text}" if i % 2 else f"{text} EN" for i, text in enumerate(nasty)]
    aligned = letter("nasty", nasty, english, [0.9] * len(nasty))
    memory = build_memory([aligned])
    path = tmp_path / "nasty.po"
    write_po(path, memory.units)
    result = msgfmt_check(path)
    assert result.returncode == 0, result.stderr
    read = {e.msgctxt: e for e in polib.pofile(str(path))}
    assert read["nasty.fr:3"].msgid == "EN tab\tand\vvertical\fform feed\x07bell"
    assert read["nasty.fr:6"].msgid == "nulbyte EN"


def test_output_is_deterministic_and_source_date_epoch_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = build_memory(LETTERS)
    first, second = tmp_path / "a.po", tmp_path / "b.po"
    write_po(first, memory.units)
    write_po(second, build_memory(LETTERS).units)
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    write_po(second, memory.units)
    assert polib.pofile(str(second)).metadata["PO-Revision-Date"] == "1970-01-01 00:00+0000"


@needs_msgfmt
def test_translation_po_prefills_from_the_memory(tmp_path: Path) -> None:
    memory = build_memory(LETTERS, source_lang="en", target_lang="fr")
    new_letter = document("new.fr", "fr")
    segments = [
        Segment("Genève", line=1),
        Segment("Le 12 juillet 2005", line=2),
        Segment("Une phrase entièrement nouvelle, sans équivalent.", line=3),
        Segment("   ", line=4),
        Segment("(Signé) Kofi A. Annan", (Markup(16, 21, "strong"),), line=5),
    ]
    path = tmp_path / "new.fr.po"
    count = write_translation_po(path, new_letter, segments, memory, target_lang="en-GB")
    assert count == 4  # the blank segment is not an entry
    assert msgfmt_check(path).returncode == 0
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "en_GB" and po.metadata["X-Source-Language"] == "fr"
    by_msgid = {e.msgid: e for e in po}
    exact = by_msgid["Genève"]
    assert (exact.msgstr, exact.flags, exact.msgctxt) == ("Geneva", [], "new.fr:0")
    assert "100% match" in exact.comment
    fuzzy = by_msgid["Le 12 juillet 2005"]
    assert fuzzy.msgstr == "11 July 2005" and fuzzy.flags == ["fuzzy"]
    assert "% match" in fuzzy.comment and "100%" not in fuzzy.comment
    new = by_msgid["Une phrase entièrement nouvelle, sans équivalent."]
    assert (new.msgstr, new.flags, new.comment) == ("", [], "")
    signed = by_msgid["(Signé) Kofi A. **Annan**"]
    assert signed.msgstr == "(Signed) Kofi A. **Annan**" and signed.flags == []
    assert signed.occurrences == [("corpus/new.fr.txt", "5")]
    assert po.percent_translated() == 50  # fuzzy entries do not count as translated


def test_markdown_rendering_nests_and_closes_before_opening() -> None:
    text = "bold italic plain"
    assert (
        markdown(text, (Markup(0, 11, "strong"), Markup(5, 11, "emphasis")))
        == "**bold *italic*** plain"
    )
    assert markdown("ab", (Markup(0, 1, "strong"), Markup(1, 2, "strong"))) == "**a****b**"


def test_po_language_header_uses_the_posix_spelling() -> None:
    from tm.langtag import posix_locale, same_language

    assert [posix_locale(t) for t in ("fr-FR", "en_gb", "zh-Hant-TW", "es-419", "ar")] == [
        "fr_FR",
        "en_GB",
        "zh_TW",
        "es_419",
        "ar",
    ]
    assert same_language("fr", "FR_ca") and not same_language("fr", "en-FR")
