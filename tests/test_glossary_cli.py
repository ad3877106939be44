"""`tm glossary` commands, run through click as a user would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tm.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("TM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TM_GLOSSARY", str(ROOT / "glossary"))
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, ["glossary", *args], input=input)

    return invoke


def test_lookup_prints_stakeholders(run):
    result = run("lookup", "parties prenantes")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "parties prenantes (fr) → stakeholders (en)"


@pytest.mark.parametrize("args, expected", [
    (["Parties Prenantes"], "stakeholders (en)"),
    (["partie prenante"], "stakeholders (en)"),
    (["stakeholder", "--from", "en"], "parties prenantes (fr)"),
    (["SMSI"], "World Summit on the Information Society (en)"),
])
def test_lookup_variants_resolve(run, args, expected):
    result = run("lookup", *args)
    assert result.exit_code == 0, result.output
    assert expected in result.output.splitlines()[0]


def test_unknown_term_exits_1_with_suggestions(run):
    result = run("lookup", "gouvernance de l'Internett")
    assert result.exit_code == 1
    assert "did you mean:" in result.output
    assert "Internet governance" in result.output


def test_lookup_json(run):
    result = run("lookup", "SMSI", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["found"]
    assert data["matches"][0]["equivalents"]["abbreviations"] == ["WSIS"]
    missing = run("lookup", "zzzq", "--json")
    assert missing.exit_code == 1 and json.loads(missing.output)["found"] is False


def test_scan_text_and_file(run, tmp_path):
    result = run("scan", "Le secteur privé et la société civile.")
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert lines[0] == ["3", "16", "secteur privé", "private sector", "private-sector"]
    assert lines[1][4] == "civil-society"
    text = tmp_path / "letter.txt"
    text.write_text("The Working Group on Internet Governance met.", encoding="utf-8")
    scanned = run("scan", str(text), "--json")
    assert json.loads(scanned.output)[0]["concept"] == "wgig"


def test_malformed_glossary_is_one_line_error(run, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[concept]]\nid = "x"\nsubject = "s"\nfr = { term = "a" }\n',
                   encoding="utf-8")
    result = run("lookup", "a", "-g", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:1: concept 'x': needs terms in at least two languages" in result.output
    assert "Traceback" not in result.output


def test_check_and_export(run, tmp_path):
    checked = run("check")
    assert checked.exit_code == 0 and "concepts in fr, en" in checked.output
    exported = run("export", "-o", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "glossary.csv", "glossary.tbx", "glossary.tbx3.tbx", "glossary.txt"]


def test_extract_uses_the_pipeline(run, tmp_path, monkeypatch):
    pipeline = pytest.importorskip("tm.pipeline")
    if not hasattr(pipeline, "aligned_corpus"):
        pytest.skip("tm.pipeline.aligned_corpus not written yet")
    project = tmp_path / "project"
    shutil.copytree(ROOT / "corpus", project / "corpus")
    if not any(p.name.endswith(".en.txt") for p in (project / "corpus").iterdir()):
        pytest.skip("no English counterpart in corpus/ yet")
    out = tmp_path / "candidates.tsv"
    result = run("extract", "--root", str(project), "-o", str(out), "--min-count", "1")
    assert result.exit_code == 0, result.output
    assert "secteur privé\tprivate sector" in out.read_text(encoding="utf-8")
