"""Each QA check catches one seeded fault, in the right segment, and nothing in good pairs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tm.errors import TmError
from tm.qa.checks import CHECKS
from tm.qa.checks.numbers import numbers_in
from tm.qa.model import Context, Pair
from tm.qa.runner import run_qa

ROOT = Path(__file__).resolve().parents[1]
NNBSP, NBSP = "\u202f", "\u00a0"

# Good English -> French translations, typography included.
GOOD = [
    ("The Working Group met on 11 November 2004.",
     "Le Groupe de travail s’est réuni le 11 novembre 2004."),
    ("The report contains 1.5 million words and 10,000 pages.",
     f"Le rapport contient 1,5 million de mots et 10{NNBSP}000 pages."),
    ("Is the Internet governed?", f"L’Internet est-il gouverné{NNBSP}?"),
    ('He said: "We agree."', f"Il a dit{NBSP}: «{NBSP}Nous sommes d’accord.{NBSP}»"),
    ("See http://www.itu.int/wsis or write to wsis@itu.int.",
     "Voir http://www.itu.int/wsis ou écrire à wsis@itu.int."),
    ("Press <b>Save</b> to keep {0} changes.",
     "Appuyez sur <b>Enregistrer</b> pour garder {0} modifications."),
    ("The stakeholders (governments, private sector) took part.",
     "Les parties prenantes (gouvernements, secteur privé) y ont participé."),
]

# check id -> (source, faulty target); each becomes one more segment after GOOD.
SEEDED = {
    "untranslated": ("The session was closed.", ""),
    "identical": ("The meeting was held in Geneva.", "The meeting was held in Geneva."),
    "inconsistent-target": (GOOD[0][0], "Le Groupe de travail a siégé le 11 novembre 2004."),
    "inconsistent-source": ("The Working Group sat on 11 November 2004.", GOOD[0][1]),
    "numbers": ("The report contains 1.5 million words.",
                "Le rapport contient 1,6 million de mots."),
    "terminology": ("The stakeholders took part.", "Les acteurs y ont participé."),
    "markup": ("Press <b>Open</b> now.", "Appuyez sur <b>Ouvrir maintenant."),
    "double-space": ("The Group adopted the report.", "Le Groupe  a adopté le rapport."),
    "whitespace": ("The Group adopted its agenda.", "Le Groupe a adopté son ordre du jour. "),
    "end-punctuation": ("The Summit ended in Tunis.", "Le Sommet s’est achevé à Tunis"),
    "brackets": ("The governments (all of them) agreed.", "Les gouvernements (tous ont accepté."),
    "typography": ("He replied: yes.", "Il a répondu : oui."),
    "length-ratio": ("The Working Group met in Geneva.",
                     "Le Groupe de travail s’est réuni à Genève, au Palais des Nations, dans la "
                     "grande salle des assemblées, pendant toute une longue semaine."),
    "links": ("Write to info@itu.int today.", "Écrivez aujourd’hui à info@itu.org."),
    "repeated-words": ("The report was adopted.", "Le le rapport a été adopté."),
    "capitalisation": ("The plenary was adjourned.", "la plénière a été levée."),
}


@dataclass(frozen=True)
class FakeMatch:
    concept_id: str
    matched: str
    equivalents: tuple[str, ...]
    start: int = 0
    end: int = 0
    enforce: bool = True


class FakeGlossary:
    """The glossary interface the terminology check uses, with one concept."""

    forms = {"en": ("stakeholders", "stakeholder"), "fr": ("parties prenantes", "partie prenante")}

    def scan(self, text: str, lang: str, *, target_lang: str | None = None) -> list[FakeMatch]:
        other = "fr" if lang == "en" else "en"
        lowered = text.lower()
        return [
            FakeMatch("stakeholders", form, self.forms[other])
            for form in self.forms[lang][:1]
            if form in lowered or self.forms[lang][1] in lowered
        ]


def _pairs() -> tuple[list[Pair], dict[str, int]]:
    rows = list(GOOD)
    seeded_at = {}
    for check_id, pair in SEEDED.items():
        rows.append(pair)
        seeded_at[check_id] = len(rows)
    return [Pair(n, s, t) for n, (s, t) in enumerate(rows, start=1)], seeded_at


def test_every_registered_check_has_a_seeded_fault():
    assert set(SEEDED) == set(CHECKS)


def test_each_seeded_fault_is_caught_in_its_segment_and_good_pairs_are_clean():
    pairs, seeded_at = _pairs()
    context = Context("en", "fr", glossary=FakeGlossary())
    result = run_qa(pairs, context=context, checks=list(CHECKS.values()), jobs=1)
    flagged: dict[str, set[int]] = {}
    for finding in result.findings:
        flagged.setdefault(finding.check, set()).add(finding.segment)
        assert finding.severity == CHECKS[finding.check].severity
        assert finding.message
    for check_id, segment in seeded_at.items():
        assert segment in flagged.get(check_id, set()), f"{check_id} missed segment {segment}"
        assert flagged[check_id] == {segment}, f"{check_id} flagged {flagged[check_id]}"
    good = {finding for finding in result.findings if finding.segment <= len(GOOD)}
    assert not good, good


def test_disabled_check_reports_nothing():
    pairs, _ = _pairs()
    checks = [c for c in CHECKS.values() if c.id != "numbers"]
    result = run_qa(pairs, context=Context("en", "fr"), checks=checks, jobs=1)
    assert not [f for f in result.findings if f.check == "numbers"]
    assert "numbers" not in result.counts()


@pytest.mark.parametrize(
    ("english", "french"),
    [("1.5", "1,5"), ("10,000", "10 000"), ("10,000", f"10{NNBSP}000"), ("1,234.5", "1 234,5"),
     ("section 1.5", "section 1.5"), ("paragraphs 1, 2 and 3", "paragraphes 1, 2 et 3"),
     ("11 July 2005", "11 juillet 2005"), ("2005-07-11", "11/07/2005"),
     ("85 per cent of new jobs", "85 p. 100 des nouveaux emplois"),
     ("a rate of 3 per mille", f"un taux de 3 p.{NBSP}1000")],
)
def test_numbers_understand_french_conventions(english, french):
    check = CHECKS["numbers"].function
    assert not list(check(Pair(1, english, french), Context("en", "fr")))
    assert not list(check(Pair(1, french, english), Context("fr", "en")))


@pytest.mark.parametrize(
    ("english", "french"),
    [("1.5", "1,6"), ("10,000", "1 000"), ("10,000", "10,000"), ("3 items", "4 articles")],
)
def test_numbers_flag_real_differences(english, french):
    check = CHECKS["numbers"].function
    assert list(check(Pair(1, english, french), Context("en", "fr")))


def test_number_readings():
    assert numbers_in("1,5 et 10 000 et 007", "fr") == [
        ("1,5", frozenset({"1.5"})), ("10 000", frozenset({"10000"})), ("007", frozenset({"7"})),
    ]


def test_typography_accepts_urls_times_and_flags_english_spacing():
    check = CHECKS["typography"].function
    fr = Context("en", "fr")
    assert not list(check(Pair(1, "x", "Voir https://www.itu.int à 10:30."), fr))
    assert list(check(Pair(1, "x", "Mixte : l'un et l’autre."), fr)) == [
        "ordinary space before ':' (use a no-break space)",
        "mixes straight (') and typographic (’) apostrophes",
    ]
    en = Context("fr", "en")
    assert list(check(Pair(1, "x", "He said : yes."), en))
    assert not list(check(Pair(1, "x", "He said: yes."), en))


def _corpus_pairs() -> list[Pair]:
    pipeline = pytest.importorskip("tm.pipeline")
    from tm.errors import TmError

    if not (ROOT / "corpus").is_dir():
        pytest.skip("the bundled corpus is absent")
    try:
        documents = pipeline.aligned_corpus(ROOT)
    except (TmError, NotImplementedError, AttributeError) as error:
        pytest.skip(f"the corpus pipeline is not usable yet: {error}")
    pairs = []
    for document in documents:
        for bead in document.beads:
            if not bead.source or not bead.target:
                continue
            source = " ".join(document.source_segments[i].text for i in bead.source)
            target = " ".join(document.target_segments[i].text for i in bead.target)
            pairs.append(Pair(len(pairs) + 1, source, target))
    assert len(pairs) > 10
    return pairs


def _findings(pairs: list[Pair], check_id: str, glossary=None) -> list[tuple[str, str, str]]:
    context = Context("fr", "en", glossary=glossary)
    result = run_qa(pairs, context=context, checks=[CHECKS[check_id]], jobs=1)
    return [(f.message, pairs[f.segment - 1].source, pairs[f.segment - 1].target)
            for f in result.findings]


def test_bundled_corpus_has_no_number_false_positives():
    assert _findings(_corpus_pairs(), "numbers") == []


def test_bundled_corpus_has_no_terminology_false_positives():
    """The glossary must list the renderings the corpus's own English uses."""
    if not (ROOT / "glossary").is_dir():
        pytest.skip("the bundled glossary is absent")
    from tm.glossary import load_glossary

    glossary = load_glossary(ROOT / "glossary")
    assert _findings(_corpus_pairs(), "terminology", glossary) == []


def test_terminology_does_not_require_concepts_marked_enforce_false(tmp_path):
    from tm.glossary import load_glossary

    (tmp_path / "g.toml").write_text('''
[[concept]]
id = "member"
subject = "un"
enforce = false
fr = { term = "membre" }
en = { term = "member" }

[[concept]]
id = "stakeholders"
subject = "wsis"
fr = { term = "parties prenantes" }
en = { term = "stakeholders" }
''', encoding="utf-8")
    glossary = load_glossary(tmp_path)
    context = Context("en", "fr", glossary=glossary)
    check = CHECKS["terminology"].function
    assert not list(check(Pair(1, "All members agreed.", "Tous les députés étaient d'accord."),
                          context))
    assert list(check(Pair(1, "All stakeholders agreed.", "Tous les acteurs étaient d'accord."),
                      context))
    (tmp_path / "g.toml").write_text('[[concept]]\nid = "x"\nsubject = "s"\nenforce = "no"\n'
                                     'fr = { term = "a" }\nen = { term = "b" }\n')
    with pytest.raises(TmError, match="enforce must be true or false"):
        load_glossary(tmp_path)
