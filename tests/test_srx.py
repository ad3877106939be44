"""The SRX 2.0 engine: rule order, cascade, language maps, malformed and hostile files."""

from __future__ import annotations

import subprocess
from importlib import resources

import pytest
from conftest import require_program, shared_path

from tm.errors import TmError
from tm.segment.srx import parse_srx


def srx(rules: str, maps: str, *, cascade: str = "yes") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body><languagerules>{rules}</languagerules><maprules>{maps}</maprules></body>
</srx>""".encode()


RULES = """
<languagerule languagerulename="Abbrev">
  <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule>
<languagerule languagerulename="Basic">
  <rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
</languagerule>
"""


def split(document, lang: str, text: str) -> list[str]:
    return [text[a:b] for a, b in document.rules_for(lang).split(text)]


def test_first_matching_rule_wins_and_cascade_collects_maps():
    document = parse_srx(srx(RULES, """
        <languagemap languagepattern="en.*" languagerulename="Abbrev"/>
        <languagemap languagepattern=".*" languagerulename="Basic"/>"""))
    text = "Ask Dr. Who. He knows."
    assert split(document, "en", text) == ["Ask Dr. Who.", "He knows."]
    # other languages only get the default rules: the abbreviation breaks
    assert split(document, "de", text) == ["Ask Dr.", "Who.", "He knows."]


def test_without_cascade_only_the_first_map_applies():
    document = parse_srx(srx(RULES, """
        <languagemap languagepattern="en.*" languagerulename="Abbrev"/>
        <languagemap languagepattern=".*" languagerulename="Basic"/>""", cascade="no"))
    assert split(document, "en", "One. Two.") == ["One. Two."]  # no break rule at all
    assert split(document, "fr", "One. Two.") == ["One.", "Two."]


def test_rule_order_matters_a_break_before_a_no_break_wins():
    rules = """<languagerule languagerulename="R">
      <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule>"""
    document = parse_srx(srx(rules, '<languagemap languagepattern=".*" languagerulename="R"/>'))
    assert split(document, "en", "Dr. Who") == ["Dr.", "Who"]


def test_empty_before_pattern_breaks_before_every_match_of_after():
    rules = """<languagerule languagerulename="R">
      <rule break="yes"><beforebreak></beforebreak><afterbreak>\\n</afterbreak></rule>
    </languagerule>"""
    document = parse_srx(srx(rules, '<languagemap languagepattern=".*" languagerulename="R"/>'))
    assert split(document, "en", "a\nb\nc") == ["a", "b", "c"]


@pytest.mark.parametrize(("data", "message"), [
    (b"<srx version='2.0'><body>", r"<srx>:1: malformed SRX \(not well-formed XML"),
    (b"<notsrx/>", "not an SRX file"),
    (srx(RULES, '<languagemap languagepattern=".*" languagerulename="Basic"/>')
     .replace(b'version="2.0"', b'version="3.1"'), "unsupported SRX version"),
    (srx(RULES.replace("[.?!]+", "[.?!+"),
         '<languagemap languagepattern=".*" languagerulename="Basic"/>'),
     "rule 1 of 'Basic': bad regular expression"),
    (srx(RULES, '<languagemap languagepattern=".*" languagerulename="Nope"/>'),
     "unknown rule 'Nope'"),
    (srx(RULES, ""), "no <languagemap>"),
])
def test_malformed_srx_gets_one_clear_error(data, message):
    with pytest.raises(TmError, match=message):
        parse_srx(data)


def test_hostile_srx_entities_are_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE srx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<srx version="2.0"><body>&b;</body></srx>"""
    with pytest.raises(TmError, match="refused SRX"):
        parse_srx(bomb)
    external = b"""<?xml version="1.0"?>
<!DOCTYPE srx [<!ENTITY x SYSTEM "file:///etc/passwd">]><srx version="2.0">&x;</srx>"""
    with pytest.raises(TmError, match="refused SRX"):
        parse_srx(external)


def test_shipped_rules_validate_against_the_srx20_schema(tmp_path):
    schema = shared_path("schemas", "srx20.xsd")
    xmllint = require_program("xmllint")
    rules = resources.files("tm").joinpath("data", "srx", "tm-un.srx")
    path = tmp_path / "tm-un.srx"
    path.write_bytes(rules.read_bytes())
    result = subprocess.run([xmllint, "--noout", "--schema", str(schema), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_java_regex_constructs_of_cat_tool_exports():
    rules = """<languagerule languagerulename="Java">
      <rule break="no"><beforebreak>\\Qe.g.\\E</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="no"><beforebreak>\\b[\\p{javaUpperCase}&amp;&amp;[^A]]\\.</beforebreak>
        <afterbreak>\\s</afterbreak></rule>
      <rule break="yes"><beforebreak>[.?!]</beforebreak>
        <afterbreak>\\s+[\\p{javaUpperCase}[0-9]]</afterbreak></rule>
    </languagerule>"""
    document = parse_srx(srx(rules, '<languagemap languagepattern=".*" languagerulename="Java"/>'))
    # \\Q...\\E is literal text; [X&&[^A]] intersects; [\\p{Lu}[0-9]] is a union.
    assert split(document, "en", "Use e.g. Python. See B. Smith. A. Jones. 3 more.") == [
        "Use e.g. Python.", "See B. Smith.", "A.", "Jones.", "3 more.",
    ]
    with pytest.raises(TmError, match="unknown Java property"):
        parse_srx(srx(rules.replace("javaUpperCase", "javaNope", 1),
                      '<languagemap languagepattern=".*" languagerulename="Java"/>'))
