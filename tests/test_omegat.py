"""A real CAT tool uses our memory: OmegaT pre-translates the French letters with our TMX.

The test builds an OmegaT project (fr-FR -> en-GB) whose source folder holds the
French letters, puts the TMX the pipeline builds in ``tm/auto/`` (the only place
OmegaT pre-translates from), runs OmegaT headless, and checks that the
translated file carries our English for at least 90% of the letters' segments.
Misses are listed with their reason in the failure message and printed (``-s``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tm.formats.tmx import TmxHeader, creation_date, write_tmx
from tm.memory import TranslationUnit, Variant, build_memory

REPO = Path(__file__).resolve().parents[1]
LETTERS = REPO / "corpus" / "wgig-transmittal-letters-2005-07-11.fr.txt"

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <source_dir_excludes/>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""
# One paragraph per line, as in a word-processor original (peers-and-formats.md).
FILTERS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters removeTags="false" removeSpacesNonseg="false" preserveSpaces="false"
         ignoreFileContext="false">
  <filter className="org.omegat.filters2.text.TextFilter" enabled="true">
    <files sourceFilenameMask="*.txt" targetFilenamePattern="${filename}"
           sourceEncoding="UTF-8" targetEncoding="UTF-8"/>
    <option name="segmentOn" value="BREAKS"/>
  </filter>
</filters>
"""


def omegat_project(root: Path, *, source_lang: str, target_lang: str) -> Path:
    project = root / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(
        PROJECT.format(source=source_lang, target=target_lang), encoding="utf-8"
    )
    (project / "omegat" / "filters.xml").write_text(FILTERS, encoding="utf-8")
    shutil.copy(LETTERS, project / "source" / LETTERS.name)
    return project


def run_omegat(project: Path, home: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "HOME": str(home),
        "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true",  # the launcher overwrites JAVA_OPTIONS
    }
    env.pop("DISPLAY", None)
    return subprocess.run(
        ["omegat", str(project.resolve()), "--mode=console-translate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(shutil.which("omegat") is None, reason="needs OmegaT (Debian package omegat)")
@pytest.mark.skipif(not LETTERS.exists(), reason=f"needs {LETTERS}")
def test_omegat_pretranslates_the_letters_from_our_tmx(tmp_path: Path) -> None:
    from tm.pipeline import aligned_corpus

    aligned = aligned_corpus(REPO)
    assert aligned, "the corpus has no aligned document pair"
    memory = build_memory(aligned, source_lang="en-GB", target_lang="fr-FR", root=REPO)
    project = omegat_project(tmp_path, source_lang="fr-FR", target_lang="en-GB")
    header = TmxHeader(
        srclang="en-GB", creationdate=creation_date(pair.source.date for pair in aligned)
    )
    # One XML-illegal control character makes OmegaT drop a whole TMX (and exit 0): a unit
    # carrying one proves the writer removes it, since the letters still get translated.
    form_feed = TranslationUnit(
        "form-feed", Variant("en-GB", "Page\x0cbreak"), Variant("fr-FR", "Saut\x0cde page")
    )
    units = [*memory.units, form_feed]
    report = write_tmx(project / "tm" / "auto" / "wgig.tmx", units, header=header)
    assert report.units == len(units) > 1
    assert [r.characters for r in report.removed] == ["\x0c", "\x0c"]

    result = run_omegat(project, tmp_path / "home")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    log = result.stdout + result.stderr
    assert "wgig.tmx" in log and "Reading of TMX file complete" in log, log[-3000:]
    translated = (project / "target" / LETTERS.name).read_text(encoding="utf-8").split("\n")

    # Every French segment of the letters, as our pipeline cut it, and our English for it.
    expected = []
    for pair in aligned:
        english_of = {}
        for bead in pair.beads:
            if bead.source and bead.target:
                english = " ".join(pair.target_segments[i].text for i in bead.target)
                for index in bead.source:
                    english_of[index] = english
        for index, segment in enumerate(pair.source_segments):
            expected.append((segment, english_of.get(index)))

    hits, misses = 0, []
    for segment, english in expected:
        line = translated[segment.line - 1]
        if english is not None and english in line:
            hits += 1
        else:
            why = (
                "unaligned by tm"
                if english is None
                else "markup: the plain-text source keeps literal ** delimiters, "
                "the TMX carries them as <bpt>/<ept> tags"
                if segment.markup
                else "OmegaT segmented or matched differently"
            )
            misses.append(f"line {segment.line}: {segment.text!r} -> {line!r} ({why})")
    share = hits / len(expected)
    summary = f"OmegaT used our English for {hits}/{len(expected)} segments ({share:.0%})"
    print(summary, *misses, sep="\n  ")
    assert share >= 0.9, summary + "\n" + "\n".join(misses)
