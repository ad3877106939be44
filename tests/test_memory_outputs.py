"""write_memory_files: the whole memory layout of a build, valid and reproducible."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from tm.errors import TmError
from tm.formats.outputs import file_stem, write_memory_files
from tm.formats.tmx_reader import read_tmx, read_tmx_header
from tm.memory import build_memory
from tm.model import AlignedDocument, Bead, Document, Segment

DTD = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "tmx14.dtd"


def document(doc_id: str, lang: str) -> Document:
    return Document(doc_id, lang, Path(f"corpus/{doc_id}.txt"), (), date="2005-07-11")


def aligned(doc_id: str, french: list[str], english: list[str]) -> AlignedDocument:
    return AlignedDocument(
        document(f"{doc_id}.fr", "fr"),
        document(f"{doc_id}.en", "en"),
        tuple(Segment(t, line=i + 1) for i, t in enumerate(french)),
        tuple(Segment(t, line=i + 1) for i, t in enumerate(english)),
        tuple(Bead((i,), (i,), 0.9) for i in range(len(french))),
    )


PAIRS = [
    aligned("A/60/1", ["Genève", "Le 11 juillet 2005"], ["Geneva", "11 July 2005"]),
    aligned("A/60/2", ["Genève", "Merci."], ["Geneva", "Thank you."]),
]
NEW = (document("new.fr", "fr"), [Segment("Genève", line=1), Segment("Bonjour.", line=2)])


def write(out: Path):
    memory = build_memory(PAIRS)
    return memory, write_memory_files(
        out, memory, untranslated=[NEW], signature="srx:tm-fr|align:tm-1"
    )


def test_layout_and_every_file_valid(tmp_path: Path) -> None:
    memory, files = write(tmp_path / "build")
    assert files.files == [
        "memory/corpus.tmx",
        "memory/corpus.po",
        "memory/documents/A_60_1.fr.po",
        "memory/documents/A_60_2.fr.po",
        "translate/new.fr.po",
    ]
    out = tmp_path / "build"
    assert read_tmx_header(out / "memory/corpus.tmx").props == (
        ("x-signature", "srx:tm-fr|align:tm-1"),
    )
    assert len(list(read_tmx(out / "memory/corpus.tmx"))) == len(memory.units) == 3
    if shutil.which("xmllint") and DTD.exists():
        result = subprocess.run(
            ["xmllint", "--noout", "--dtdvalid", str(DTD), str(out / "memory/corpus.tmx")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    for relative in files.files[1:]:
        if shutil.which("msgfmt"):
            check = subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(out / relative)],
                capture_output=True,
                text=True,
                check=False,
            )
            assert check.returncode == 0, (relative, check.stderr)
        assert len(polib.pofile(str(out / relative))) > 0
    translate = polib.pofile(str(out / "translate/new.fr.po"))
    assert [(e.msgid, e.msgstr) for e in translate] == [("Genève", "Geneva"), ("Bonjour.", "")]
    summary = files.summary(memory)
    assert summary["units"] == 3 and summary["merged_duplicates"] == 1


def test_same_input_same_bytes(tmp_path: Path) -> None:
    write(tmp_path / "one")
    write(tmp_path / "two")
    for path in sorted((tmp_path / "one").rglob("*")):
        if path.is_file():
            twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
            assert path.read_bytes() == twin.read_bytes(), path


def test_file_names_from_symbols_and_collisions(tmp_path: Path) -> None:
    assert file_stem("A/60/1") == "A_60_1" and file_stem("../x") == "x"
    memory = build_memory([aligned("a/b", ["Oui"], ["Yes"]), aligned("a_b", ["Non"], ["No"])])
    with pytest.raises(TmError, match="both be written"):
        write_memory_files(tmp_path, memory)
