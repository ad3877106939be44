"""Inline emphasis as markup spans, and BCP 47 language tags."""

from __future__ import annotations

import pytest

from tm.errors import TmError
from tm.langtag import normalize_tag, primary_language
from tm.markup import parse_inline, render_markdown, slice_markup
from tm.model import Markup


def test_strong_emphasis_becomes_a_span_without_asterisks():
    text, markup = parse_inline("(Signé) Kofi A. **Annan**")
    assert text == "(Signé) Kofi A. Annan"
    assert markup == (Markup(16, 21, "strong"),)
    assert render_markdown(text, markup) == "(Signé) Kofi A. **Annan**"


def test_italic_and_nested_spans_round_trip():
    source = "le *Plan d'action* et **la *Déclaration***"
    text, markup = parse_inline(source)
    assert "*" not in text
    assert {span.kind for span in markup} == {"strong", "emphasis"}
    assert parse_inline(render_markdown(text, markup)) == (text, markup)


def test_unpaired_asterisks_and_plain_text_are_untouched():
    for line in ["x ** y", "5 * 3 = 15", "snake_case_name", r"a \*b\* c"]:
        assert parse_inline(line) == (line, ())


def test_slice_markup_clips_and_rebases():
    markup = (Markup(2, 8, "strong"),)
    assert slice_markup(markup, 5, 10) == (Markup(0, 3, "strong"),)
    assert slice_markup(markup, 8, 10) == ()


@pytest.mark.parametrize(("tag", "expected"), [
    ("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("en-gb", "en-GB"),
    ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
])
def test_tags_are_normalised(tag, expected):
    assert normalize_tag(tag) == expected


@pytest.mark.parametrize("tag", ["", "french", "zz", "fr-", "e", "fr--FR", "12"])
def test_bad_tags_are_refused(tag):
    with pytest.raises(TmError, match="unknown language code"):
        normalize_tag(tag)


def test_primary_language():
    assert primary_language("fr-CA") == "fr"
