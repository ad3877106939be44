"""The glossary exports: TBX v3 valid against the RNG, TBX v2 read by translate-toolkit,
OmegaT's tab-separated format parsed as OmegaT does, CSV, and deterministic bytes."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from tm.glossary import load_glossary
from tm.glossary.export import write_exports

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RNG = SHARED / "schemas" / "TBXcoreStructV03.rng"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


@pytest.fixture(scope="module")
def exports(glossary, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    return dict(zip(("tbx2", "tbx3", "omegat", "csv"), write_exports(glossary, out), strict=True))


def test_file_names_and_determinism(glossary, exports, tmp_path):
    assert [p.name for p in exports.values()] == [
        "glossary.tbx", "glossary.tbx3.tbx", "glossary.txt", "glossary.csv"]
    again = write_exports(glossary, tmp_path)
    for first, second in zip(exports.values(), again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries left


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint (libxml2-utils) not installed")
@pytest.mark.skipif(not RNG.exists(), reason=f"{RNG} not available (../shared missing)")
def test_tbx3_validates_against_rng(exports):
    result = subprocess.run(["xmllint", "--noout", "--relaxng", str(RNG), str(exports["tbx3"])],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_tbx3_is_tbx_basic_with_every_concept(glossary, exports):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(exports["tbx3"]), parser)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    root = tree.getroot()
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entries = tree.findall(".//t:conceptEntry", ns)
    assert len(entries) == len(glossary)
    smsi = tree.find(".//t:conceptEntry[@id='wsis']", ns)
    terms = [t.text for t in smsi.iterfind(".//t:term", ns)]
    assert "SMSI" in terms and "World Summit on the Information Society" in terms


@pytest.mark.skipif(not RNG.exists(), reason=f"{RNG} not available (../shared missing)")
def test_tbx3_validates_with_lxml_relaxng(exports):
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(RNG)))
    assert schema.validate(etree.parse(str(exports["tbx3"]))), schema.error_log


def test_translate_toolkit_reads_every_entry_of_tbx2(glossary, exports):
    tbx = pytest.importorskip("translate.storage.tbx")
    store = tbx.tbxfile.parsefile(str(exports["tbx2"]))
    assert len(store.units) == len(glossary)
    by_id = {unit.getid(): unit for unit in store.units}
    for concept in glossary.concepts:
        unit = by_id[concept.id]
        assert unit.source == concept.in_language("fr").term
        assert unit.target == concept.in_language("en").term
    stakeholders = by_id["stakeholders"]
    assert [t.text for t in stakeholders.get_source_terms()] == ["parties prenantes",
                                                                 "partie prenante"]


def read_omegat_glossary(path: Path) -> list[tuple[str, str, str]]:
    """Parse as OmegaT's GlossaryReaderTSV does: UTF-8, '#' lines skipped, tab-split."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        comment = fields[2] if len(fields) > 2 else ""
        entries.append((fields[0], fields[1], comment))
    return entries


def test_omegat_glossary(glossary, exports):
    raw = exports["omegat"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    for line in raw.decode("utf-8").splitlines():
        assert line.startswith("#") or line.count("\t") == 2, line
    entries = read_omegat_glossary(exports["omegat"])
    expected = sum(len(c.in_language("fr").forms()) for c in glossary.concepts)
    assert len(entries) == expected
    assert ("parties prenantes", "stakeholders") in [(s, t) for s, t, _ in entries]
    smsi = [e for e in entries if e[0] == "SMSI"]
    assert smsi and smsi[0][1] == "World Summit on the Information Society"
    assert "[wsis]" in smsi[0][2]


def test_csv_round_trip(glossary, exports):
    rows = list(csv.DictReader(io.StringIO(exports["csv"].read_text(encoding="utf-8"),
                                           newline="")))
    assert len(rows) == len(glossary)
    row = {r["id"]: r for r in rows}["wsis"]
    assert row["fr"] == "Sommet mondial sur la société de l'information"
    assert row["fr_abbreviations"] == "SMSI" and row["en_abbreviations"] == "WSIS"


def test_reverse_direction(glossary, tmp_path):
    paths = write_exports(glossary, tmp_path, source_lang="en-GB", target_lang="fr-FR")
    omegat = read_omegat_glossary(paths[2])
    assert ("stakeholders", "parties prenantes") in [(s, t) for s, t, _ in omegat]
