"""build_memory: orientation, joining of n-m beads, deduplication, conflicts, fuzzy lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import TmError
from tm.memory import (
    TranslationUnit,
    Variant,
    best_match,
    build_memory,
    is_low_confidence,
    join_segments,
    unit_id,
)
from tm.model import AlignedDocument, Bead, Document, Markup, Segment


def document(doc_id: str, lang: str, path: str = "corpus/letters.txt") -> Document:
    return Document(id=doc_id, lang=lang, path=Path(path), paragraphs=(), date="2005-07-11")


def segments(*texts: str | tuple[str, tuple[Markup, ...]]) -> tuple[Segment, ...]:
    built = []
    for line, text in enumerate(texts, start=1):
        plain, markup = (text, ()) if isinstance(text, str) else text
        built.append(Segment(text=plain, markup=markup, line=line * 2, paragraph=line))
    return tuple(built)


def pair(
    doc_id: str, french: tuple[Segment, ...], english: tuple[Segment, ...], beads: list[Bead]
) -> AlignedDocument:
    return AlignedDocument(
        source=document(f"{doc_id}.fr", "fr", "corpus/letters.fr.txt"),
        target=document(f"{doc_id}.en", "en", "corpus/letters.en.txt"),
        source_segments=french,
        target_segments=english,
        beads=tuple(beads),
    )


def test_english_original_becomes_the_source_and_bead_kinds_follow() -> None:
    aligned = pair(
        "a",
        segments("Bonjour.", "Merci.", "Au revoir."),
        segments("Hello. Thanks.", "Goodbye."),
        [Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.95)],
    )
    memory = build_memory([aligned], source_lang="en-GB", target_lang="fr-FR")
    first = memory.units[0]
    assert (first.source.lang, first.target.lang) == ("en-GB", "fr-FR")
    assert first.source.text == "Hello. Thanks."
    assert first.target.text == "Bonjour. Merci."  # a 2-1 bead's side joined with one space
    occurrence = first.occurrences[0]
    assert occurrence.bead == "1-2"  # named in the unit's direction (English first)
    assert (occurrence.source_segments, occurrence.target_segments) == ((0,), (0, 1))
    assert (occurrence.source_file, occurrence.source_line) == ("corpus/letters.en.txt", 2)
    assert (occurrence.target_file, occurrence.target_line) == ("corpus/letters.fr.txt", 2)
    assert occurrence.document == "a.fr"


def test_direction_is_configurable() -> None:
    aligned = pair("a", segments("Bonjour."), segments("Hello."), [Bead((0,), (0,), 1.0)])
    unit = build_memory([aligned], source_lang="fr", target_lang="en").units[0]
    assert (unit.source.text, unit.target.text) == ("Bonjour.", "Hello.")


def test_join_segments_shifts_markup() -> None:
    text, markup = join_segments(
        segments(
            ("Signé Kofi Annan", (Markup(11, 16, "strong"),)),
            ("Fin *x*", (Markup(4, 5, "emphasis"),)),
        )
    )
    assert text == "Signé Kofi Annan Fin *x*"
    assert [text[m.start : m.end] for m in markup] == ["Annan", "*"]
    assert markup[1] == Markup(21, 22, "emphasis")


def test_shared_sentences_become_one_unit_with_every_occurrence() -> None:
    shared = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)]
    letters = [
        pair(
            "utsumi",
            segments("Le 11 juillet 2005", "Genève"),
            segments("11 July 2005", "Geneva"),
            shared,
        ),
        pair(
            "karklins",
            segments("Le 11 juillet 2005", "Genève"),
            segments("11 July 2005", "Geneva"),
            shared,
        ),
    ]
    memory = build_memory(letters)
    assert len(memory.units) == 2
    assert memory.duplicates == 2
    assert [o.document for o in memory.units[0].occurrences] == ["utsumi.fr", "karklins.fr"]
    assert memory.conflicts == []


def test_same_source_with_different_targets_is_kept_and_reported() -> None:
    memory = build_memory(
        [
            pair("a", segments("Veillez agréer."), segments("Accept."), [Bead((0,), (0,), 0.9)]),
            pair("b", segments("Veuillez agréer."), segments("Accept."), [Bead((0,), (0,), 0.9)]),
        ]
    )
    assert len(memory.units) == 2
    (conflict,) = memory.conflicts
    assert conflict.source == "Accept."
    assert conflict.targets == ("Veillez agréer.", "Veuillez agréer.")
    assert set(conflict.tuids) == {u.tuid for u in memory.units}


def test_empty_sides_are_skipped_and_low_confidence_is_noted() -> None:
    aligned = pair(
        "a",
        segments("Un.", "Deux.", "Trois."),
        segments("One.", "Three."),
        [Bead((0,), (0,), 0.3), Bead((1,), (), 0.0), Bead((2,), (1,), 0.1)],
    )
    memory = build_memory([aligned], low_confidence=0.5, min_confidence=0.2)
    assert memory.unaligned == 1
    assert memory.below_minimum == 1
    (unit,) = memory.units
    assert unit.note is not None and "0.30" in unit.note
    assert is_low_confidence(unit, threshold=0.5)
    assert not is_low_confidence(unit, threshold=0.3)


def test_tuid_depends_on_content_not_order() -> None:
    beads = [Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0)]
    forward = pair("a", segments("Un.", "Deux."), segments("One.", "Two."), beads)
    backward = pair("a", segments("Deux.", "Un."), segments("Two.", "One."), beads)
    ids_forward = {u.source.text: u.tuid for u in build_memory([forward]).units}
    ids_backward = {u.source.text: u.tuid for u in build_memory([backward]).units}
    assert ids_forward == ids_backward
    plain = unit_id(Variant("en", "Annan"), Variant("fr", "Annan"))
    bold = unit_id(Variant("en", "Annan", (Markup(0, 5, "strong"),)), Variant("fr", "Annan"))
    assert plain != bold and len(plain) == 16


def test_languages_that_do_not_match_the_documents_are_an_error() -> None:
    aligned = pair("a", segments("Bonjour."), segments("Hello."), [Bead((0,), (0,), 1.0)])
    with pytest.raises(TmError, match="fr/en, not es/fr"):
        build_memory([aligned], source_lang="es", target_lang="fr")


def test_foreign_units_merge_in_either_direction() -> None:
    aligned = pair("a", segments("Bonjour."), segments("Hello."), [Bead((0,), (0,), 1.0)])
    reversed_duplicate = TranslationUnit(
        "x1", Variant("fr-FR", "Bonjour."), Variant("en-US", "Hello.")
    )
    new = TranslationUnit(
        "x2", Variant("en", "Thanks."), Variant("fr", "Merci."), props=(("x-client", "UN"),)
    )
    german = TranslationUnit("x3", Variant("de", "Danke."), Variant("fr", "Merci."))
    memory = build_memory([aligned], extra=[reversed_duplicate, new, german])
    assert [u.source.text for u in memory.units] == ["Hello.", "Thanks."]
    assert memory.duplicates == 1 and memory.foreign_skipped == 1
    assert memory.units[1].props == (("x-client", "UN"),)
    assert memory.units[1].source.lang == "en"


def test_best_match_exact_fuzzy_and_none() -> None:
    aligned = pair(
        "a",
        segments("Je suis très heureux de pouvoir vous transmettre le rapport.", "Genève"),
        segments("I am very pleased to transmit the report to you.", "Geneva"),
        [Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0)],
    )
    memory = build_memory([aligned])
    unit, score = best_match(memory, "Genève", lang="fr")
    assert (unit.source.text, score) == ("Geneva", 100.0)
    unit, score = best_match(memory, "Je suis très heureux de pouvoir vous transmettre ce rapport.")
    assert unit.source.text.startswith("I am very pleased")
    assert 85 < score < 100
    assert best_match(memory, "Tout autre chose, vraiment sans rapport.", min_score=70) is None
    unit, score = best_match(memory, "Geneva", lang="en")  # the source side can be searched too
    assert unit.target.text == "Genève" and score == 100.0
