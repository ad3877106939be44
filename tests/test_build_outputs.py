"""What `tm build` writes, checked with the tools that will consume it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import require_program, shared_path

from tm.build import MemorySettings, build
from tm.errors import TmError


def built(project: Path, **kwargs) -> Path:
    build(project, jobs=1, **kwargs)
    return project / "build"


def test_every_tmx_is_valid_against_the_tmx14_dtd(project):
    dtd = shared_path("schemas", "tmx14.dtd")
    xmllint = require_program("xmllint")
    out = built(project)
    tmx_files = sorted(out.rglob("*.tmx"))
    assert tmx_files
    for path in tmx_files:
        result = subprocess.run([xmllint, "--noout", "--dtdvalid", str(dtd), str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_every_po_passes_msgfmt_check_and_reads_back(project):
    msgfmt = require_program("msgfmt")
    (project / "corpus" / "note.fr.txt").write_text(
        "Le Groupe de travail sur la gouvernance de l'Internet a présenté son rapport.\n"
        "Je me réjouis de cette précieuse contribution aux travaux préparatoires du Sommet.\n",
        encoding="utf-8")
    out = built(project)
    po_files = sorted(out.rglob("*.po"))
    assert {p.relative_to(out).parts[0] for p in po_files} == {"memory", "translate"}
    for path in po_files:
        result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"
        assert len(polib.pofile(str(path))) > 0


def test_document_without_english_gets_a_po_prefilled_from_the_memory(project):
    (project / "corpus" / "note.fr.txt").write_text(
        "Je me réjouis de cette précieuse contribution aux travaux préparatoires du Sommet.\n"
        "Le Secrétariat exécutif publiera un calendrier.\n", encoding="utf-8")
    out = built(project)
    po = polib.pofile(str(out / "translate" / "note.fr.po"))
    by_source = {entry.msgid: entry for entry in po}
    exact = by_source["Je me réjouis de cette précieuse contribution aux travaux préparatoires "
                      "du Sommet."]
    assert exact.msgstr == ("I welcome this valuable contribution to the preparatory process "
                            "of the Summit.")
    assert "fuzzy" not in exact.flags
    assert by_source["Le Secrétariat exécutif publiera un calendrier."].msgstr == ""


def test_translate_toolkit_reads_every_unit(project):
    tmx = pytest.importorskip("translate.storage.tmx")
    out = built(project)
    store = tmx.tmxfile.parsefile(str(out / "memory" / "corpus.tmx"))
    units = [unit for unit in store.units if unit.source]
    assert len(units) == 26
    sources = {unit.source: unit.target for unit in units}
    assert sources["11 July 2005"] == "Le 11 juillet 2005"


def test_memory_direction_and_tags_are_configurable(project):
    out = built(project, memory=MemorySettings(source_lang="fr-FR", target_lang="en-GB"))
    header = (out / "memory" / "corpus.tmx").read_text(encoding="utf-8")[:600]
    assert 'srclang="fr-FR"' in header
    po = polib.pofile(str(out / "memory" / "corpus.po"))
    assert po.metadata["Language"] == "en_GB"
    assert any(entry.msgid == "Le 11 juillet 2005" for entry in po)


def test_hostile_tmx_to_merge_fails_and_keeps_the_build(project, tmp_path):
    out = built(project)
    before = (out / "memory" / "corpus.tmx").read_bytes()
    hostile = tmp_path / "hostile.tmx"
    hostile.write_text("""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en">
<seg>&x;</seg></tuv></tu></body></tmx>""")
    with pytest.raises(TmError, match="hostile.tmx"):
        build(project, jobs=1, memory=MemorySettings(merge=(hostile,)))
    assert (out / "memory" / "corpus.tmx").read_bytes() == before


def test_parallel_build_equals_serial_build(project, tmp_path):
    corpus = project / "corpus"
    for copy in ("copie-a", "copie-b"):  # more pairs, so the build uses worker processes
        for lang in ("fr", "en"):
            shutil.copy(corpus / f"wgig-transmittal-letters-2005-07-11.{lang}.txt",
                        corpus / f"{copy}.{lang}.txt")
    serial = tmp_path / "serial"
    parallel = tmp_path / "parallel"
    build(project, out_dir=serial, jobs=1)
    report = build(project, out_dir=parallel, jobs=2)
    assert report.pairs == 6
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    for relative in files:
        assert (serial / relative).read_bytes() == (parallel / relative).read_bytes(), relative


def test_build_reviews_its_own_memory(project):
    """The QA pass over the memory finds the seed's typo ("Veillez agréer") and nothing else."""
    import json

    out = built(project)
    report = json.loads((out / "qa" / "memory.json").read_text(encoding="utf-8"))
    assert report["input"] == "memory/corpus.po"
    findings = [(f["check"], f["severity"]) for f in report["findings"]]
    assert findings == [("terminology", "warning")]
    assert "Veuillez agréer, Monsieur le Secrétaire général" in report["findings"][0]["message"]
    assert (out / "qa" / "memory.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_merging_the_builds_own_memory_changes_nothing(project, tmp_path):
    out = built(project)
    own = tmp_path / "own.tmx"
    own.write_bytes((out / "memory" / "corpus.tmx").read_bytes())
    po_before = (out / "memory" / "corpus.po").read_bytes()
    build(project, jobs=1, memory=MemorySettings(merge=(own,)))
    assert (out / "memory" / "corpus.tmx").read_bytes() == own.read_bytes()
    assert (out / "memory" / "corpus.po").read_bytes() == po_before


def test_summary_lists_at_most_twenty_low_confidence_pairs():
    from tm.build import BuildReport, summary_lines

    report = BuildReport(out_dir=Path("build"), documents=2, segments=60, pairs=1)
    report.low_confidence = [("doc.fr", i, f"phrase {i}", 0.1) for i in range(25)]
    lines = summary_lines(report)
    assert sum(line.startswith("  doc.fr #") for line in lines) == 20
    assert lines[-1] == ("  ... and 5 more: every one is in build/summary.json "
                         "(low_confidence_pairs)")


@pytest.mark.parametrize("target", ["corpus", ".", "glossary"])
def test_build_never_replaces_a_folder_that_is_not_a_build(project, target):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    with pytest.raises(TmError, match="refusing to (replace|write)"):
        build(project, out_dir=project / target, jobs=1)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_default_build_folder_may_hold_setuptools_leftovers(project):
    """`pip install . && tm build`: pip leaves build/lib behind, and tm build must still run."""
    (project / "build" / "lib" / "tm").mkdir(parents=True)
    (project / "build" / "lib" / "tm" / "__init__.py").write_text("")
    build(project, jobs=1)
    assert (project / "build" / "summary.json").is_file()
    assert not (project / "build" / "lib").exists()


def test_build_replaces_its_own_output_and_empty_folders(project, tmp_path):
    (tmp_path / "empty").mkdir()
    build(project, out_dir=tmp_path / "empty", jobs=1)
    build(project, out_dir=tmp_path / "empty", jobs=1)
    assert (tmp_path / "empty" / "memory" / "corpus.tmx").is_file()
