"""The CLI as a user types it: tm segment, tm build, and one clear line for bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_NAME


def tm(*args: str, cwd: Path | None = None, stdin: bytes | None = None):
    """Run ``tm`` in a fresh process, as a user would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "tm", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env)


def assert_one_line_error(result, message: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert message in stderr


def test_help_lists_every_command():
    result = tm("--help")
    assert result.returncode == 0
    for command in ("build", "segment", "align", "glossary"):
        assert command in result.stdout.decode()


def test_segment_file_prints_one_segment_per_line(project):
    result = tm("segment", str(project / "corpus" / SEED_NAME), "--lang", "fr")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0
    assert len(lines) == 36
    assert lines[12] == "(Signé) Kofi A. **Annan**"
    plain = tm("segment", str(project / "corpus" / SEED_NAME), "--plain").stdout.decode()
    assert plain.splitlines()[12] == "(Signé) Kofi A. Annan"


def test_segment_stdin_treats_each_line_as_a_paragraph():
    text = "Monsieur Yoshio Utsumi\nSecrétaire général\nIl est là. M. Desai aussi.\n"
    result = tm("segment", "-", "--lang", "fr", stdin=text.encode())
    assert result.stdout.decode().splitlines() == [
        "Monsieur Yoshio Utsumi", "Secrétaire général", "Il est là.", "M. Desai aussi.",
    ]


def test_segment_with_a_users_srx(tmp_path):
    rules = tmp_path / "lines.srx"
    rules.write_text("""<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
<languagerules><languagerule languagerulename="All">
<rule break="yes"><beforebreak>,</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules>
</body></srx>""")
    result = tm("segment", "-", "--lang", "fr", "--srx", str(rules), stdin=b"a, b. C, d")
    assert result.stdout.decode().splitlines() == ["a,", "b. C,", "d"]


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["segment", "-", "--lang", "zz"], b"x", "unknown language code 'zz'"),
    (["segment", "-", "--lang", "fr"], b"Gen\xe8ve", "<stdin>:1: not valid utf-8 at byte offset 3"),
    (["segment", "nothere.fr.txt"], None, "nothere.fr.txt: no such file"),
    (["segment", "-"], b"x", "cannot tell the language"),
])
def test_segment_bad_input(args, stdin, message):
    assert_one_line_error(tm(*args, stdin=stdin), message)


def test_malformed_srx_is_one_line(tmp_path):
    bad = tmp_path / "bad.srx"
    bad.write_text("<srx version='2.0'><body>")
    result = tm("segment", "-", "--lang", "fr", "--srx", str(bad), stdin=b"x")
    assert_one_line_error(result, "malformed SRX")


def test_build_with_no_arguments_writes_build(project):
    result = tm("build", cwd=project)
    assert result.returncode == 0, result.stderr.decode()
    summary = result.stdout.decode()
    assert "4 documents, 72 segments, 2 aligned pair(s)" in summary
    assert (project / "build" / "summary.json").is_file()
    report = (project / "build" / "segments" / "wgig-transmittal-utsumi.fr.tsv").read_text()
    assert "(Signé) Kofi A. **Annan**" in report
    assert len(report.splitlines()) == 1 + 17
    exports = sorted(p.name for p in (project / "build" / "glossary").iterdir())
    assert exports == ["glossary.csv", "glossary.tbx", "glossary.tbx3.tbx", "glossary.txt"]


def test_build_is_byte_identical_across_runs(project):
    assert tm("build", cwd=project).returncode == 0
    first = {p.relative_to(project): p.read_bytes() for p in (project / "build").rglob("*")
             if p.is_file()}
    assert tm("build", cwd=project).returncode == 0
    second = {p.relative_to(project): p.read_bytes() for p in (project / "build").rglob("*")
              if p.is_file()}
    assert first == second


def corrupt_invalid_utf8(corpus: Path) -> None:
    (corpus / "extra.fr.txt").write_bytes(b"Le Sommet de Gen\xe8ve.\n")


def corrupt_binary(corpus: Path) -> None:
    (corpus / "image.fr.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")


def corrupt_empty(corpus: Path) -> None:
    (corpus / "vide.fr.txt").write_bytes(b"")


def corrupt_language(corpus: Path) -> None:
    manifest = corpus / "corpus.toml"
    manifest.write_text(manifest.read_text().replace('lang = "en"', 'lang = "english"', 1))


def corrupt_missing_file(corpus: Path) -> None:
    manifest = corpus / "corpus.toml"
    manifest.write_text(manifest.read_text().replace(
        'file = "wgig-transmittal-letters-2005-07-11.en.txt"', 'file = "gone.en.txt"', 1))


def corrupt_glossary(corpus: Path) -> None:
    (corpus.parent / "glossary" / "broken.toml").write_text('[[concept]]\nid = "x\n')


@pytest.mark.parametrize(("corrupt", "message"), [
    (corrupt_glossary, "broken.toml:2"),
    (corrupt_invalid_utf8, "extra.fr.txt:1: not valid utf-8 at byte offset 16"),
    (corrupt_binary, "image.fr.txt: binary file"),
    (corrupt_empty, "vide.fr.txt: empty file"),
    (corrupt_language, "unknown language code 'english'"),
    (corrupt_missing_file, "file 'gone.en.txt' not found"),
])
def test_bad_corpus_fails_cleanly_and_keeps_the_previous_build(project, corrupt, message):
    assert tm("build", cwd=project).returncode == 0
    before = (project / "build" / "summary.json").read_bytes()
    corrupt(project / "corpus")
    assert_one_line_error(tm("build", cwd=project), message)
    assert (project / "build" / "summary.json").read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == ["build", "corpus", "glossary"]


def test_missing_corpus_folder_writes_nothing(tmp_path):
    assert_one_line_error(tm("build", cwd=tmp_path), "corpus folder not found")
    assert list(tmp_path.iterdir()) == []


def test_build_with_malformed_srx(project, tmp_path):
    bad = tmp_path / "bad.srx"
    bad.write_text("<srx version='2.0'>")
    assert_one_line_error(tm("build", "--srx", str(bad), cwd=project), "malformed SRX")
    assert not (project / "build").exists()


def test_every_command_has_help_and_is_in_the_readme():
    from click.testing import CliRunner
    from conftest import REPO

    from tm.cli import COMMANDS, main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output
        assert f"`tm {name}" in readme, f"tm {name} is not documented in README.md"
