"""`tm qa` from the command line: inputs (plain, PO, TMX), reports, gates, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tm.cli import main

NNBSP = "\u202f"
SOURCES = ["The Group met on 11 November 2004.", "It costs 1.5 million.", "Is it <b>so</b>?"]
TARGETS = ["Le Groupe s’est réuni le 11 novembre 2004.", "Cela coûte 1,5 million.",
           f"Est-ce <b>ainsi</b>{NNBSP}?"]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _qa(*args: str):
    return CliRunner().invoke(main, ["qa", "--no-glossary", *args])


@pytest.fixture()
def plain(tmp_path):
    source = _write(tmp_path / "src.en", SOURCES)
    target = _write(tmp_path / "tgt.fr", TARGETS)
    return source, target


def test_plain_text_json_report_has_the_promised_keys(plain, tmp_path):
    source, target = plain
    faulty = _write(tmp_path / "bad.fr", [TARGETS[0], "Cela coûte 1,6 million.", TARGETS[2]])
    result = _qa("--source", str(source), "--target", str(faulty), "--ref", str(target),
                 "--source-lang", "en", "--target-lang", "fr", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in ("bleu", "chrf", "ter", "signatures", "segments", "findings"):
        assert key in report
    assert {"bleu", "chrf", "ter", "qa"} <= set(report["signatures"])
    assert report["findings"] == [{"segment": 2, "check": "numbers", "severity": "error",
                                   "message": "numbers differ; missing from the target: 1.5; "
                                              "not in the source: 1,6"}]
    assert [s["segment"] for s in report["segments"]] == [1, 2, 3]


def test_gates_and_exit_codes(plain, tmp_path):
    source, target = plain
    faulty = _write(tmp_path / "bad.fr", ["", TARGETS[1], TARGETS[2]])
    args = ["--source", str(source), "--target", str(faulty), "--source-lang", "en",
            "--target-lang", "fr"]
    assert _qa(*args).exit_code == 0
    failed = _qa(*args, "--fail-on", "error")
    assert failed.exit_code == 1 and "FAILED" in failed.output
    assert _qa(*args, "--fail-on", "error", "--disable", "untranslated").exit_code == 0
    with_ref = args + ["--ref", str(target)]
    assert _qa(*with_ref, "--min-chrf", "99.9").exit_code == 1
    assert _qa(*with_ref, "--min-chrf", "1").exit_code == 0
    no_ref = _qa(*args, "--min-chrf", "60")
    assert no_ref.exit_code == 2 and "needs references" in no_ref.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: (_write(d / "a", ["x", "y"]), _write(d / "b", ["x"])), "has 2 lines but"),
        (lambda d: ((d / "a").write_text(""), _write(d / "b", ["x"]))
         and (d / "a", d / "b"), "is empty"),
        (lambda d: ((d / "a").write_bytes(b"caf\xe9\n"), _write(d / "b", ["x"]))
         and (d / "a", d / "b"), "not valid utf-8"),
    ],
)
def test_bad_plain_input_is_one_line_and_exit_2(tmp_path, setup, message):
    source, target = setup(tmp_path)
    result = _qa("--source", str(source), "--target", str(target), "--source-lang", "en",
                 "--target-lang", "fr")
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_po_input_and_po_without_translations(tmp_path):
    po = polib.POFile()
    po.metadata = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8"}
    for source, target in zip(SOURCES, TARGETS, strict=True):
        po.append(polib.POEntry(msgid=source, msgstr=target))
    po.append(polib.POEntry(msgid="Not yet.", msgstr=""))
    po.save(str(tmp_path / "ok.po"))
    result = _qa(str(tmp_path / "ok.po"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["source_lang"], report["target_lang"]) == ("en", "fr")
    assert [f["check"] for f in report["findings"]] == ["untranslated"]
    assert report["findings"][0]["segment"] == 4
    empty = polib.POFile()
    empty.append(polib.POEntry(msgid="Hello", msgstr=""))
    empty.save(str(tmp_path / "empty.po"))
    result = _qa(str(tmp_path / "empty.po"))
    assert result.exit_code == 2 and "no translations" in result.output


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
o-tmf="t" adminlang="en" srclang="fr" datatype="plaintext"/><body>
<tu><tuv xml:lang="fr"><seg>Cela coûte 1,5 million.</seg></tuv>
<tuv xml:lang="en"><seg>It costs 1.5 million.</seg></tuv>
<tuv xml:lang="de"><seg>Es kostet 2 Millionen.</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Le Groupe s’est réuni.</seg></tuv>
<tuv xml:lang="en"><seg>The Group met.</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_input_picks_the_pair_and_serves_as_reference_memory(tmp_path):
    (tmp_path / "m.tmx").write_text(TMX, encoding="utf-8")
    result = _qa(str(tmp_path / "m.tmx"), "--source-lang", "fr", "--target-lang", "en", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["segment_count"] == 2 and report["findings"] == []
    source = _write(tmp_path / "s.fr", ["Le Groupe s’est réuni.", "Inconnu."])
    target = _write(tmp_path / "t.en", ["The Group met.", "Unknown."])
    result = _qa("--source", str(source), "--target", str(target), "--source-lang", "fr",
                 "--target-lang", "en", "--ref-memory", str(tmp_path / "m.tmx"), "--json")
    report = json.loads(result.output)
    assert report["scored_count"] == 1 and report["chrf"] == 100.0
    assert any("1 of 2 segments matched" in note for note in report["notes"])


def test_unreadable_tmx_is_exit_2(tmp_path):
    (tmp_path / "bad.tmx").write_text("<tmx version='1.4'><header", encoding="utf-8")
    result = _qa(str(tmp_path / "bad.tmx"), "--source-lang", "fr", "--target-lang", "en")
    assert result.exit_code == 2 and "bad.tmx" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_html_is_self_contained_escaped_and_deterministic(plain, tmp_path):
    source, _ = plain
    target = _write(tmp_path / "t.fr", ["<script>alert(1)</script> 11 novembre 2004.",
                                        TARGETS[1], TARGETS[2]])
    args = ["--source", str(source), "--target", str(target), "--source-lang", "en",
            "--target-lang", "fr"]
    _qa(*args, "--html", str(tmp_path / "a.html"))
    _qa(*args, "--html", str(tmp_path / "b.html"))
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert page == (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<style>" in page and "http" not in page.split("<body>")[0].replace("charset", "")


def test_list_checks_and_unknown_check():
    listing = CliRunner().invoke(main, ["qa", "--list-checks"])
    assert listing.exit_code == 0 and "numbers" in listing.output
    assert "typography" in listing.output
    result = _qa("--source", "x", "--target", "y", "--disable", "nope")
    assert result.exit_code == 2 and "unknown check id(s): nope" in result.output
