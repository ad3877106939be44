"""Segmentation of the bundled letters, checked by hand, and of the UN French traps."""

from __future__ import annotations

import pytest
from conftest import CORPUS, SEED_NAME, shared_path

from tm.corpus import load_corpus
from tm.model import Markup
from tm.pipeline import segment_text
from tm.segment import segment_document

FIRST_LETTER = [
    "Le 11 juillet 2005",
    "Monsieur le Secrétaire général,",
    "Lors de la première phase du Sommet mondial sur la société de l'information, tenue à "
    "Genève en décembre 2003, il m'a été demandé de constituer un groupe de travail sur la "
    "gouvernance de l'Internet, selon des procédures ouvertes et non exclusives propres à "
    "garantir la participation des gouvernements, du secteur privé et de la société civile.",
    "Il a également été décidé qu'au cours de la deuxième phase du Sommet, qui se tiendrait à "
    "Tunis en novembre 2005, le Groupe de travail sur la gouvernance de l'Internet présenterait "
    "un rapport pour examen et, éventuellement, suite à donner.",
    "J'ai constitué le Groupe de travail le 11 novembre 2004, et j'ai demandé à M. Nitin Desai, "
    "mon conseiller spécial pour le Sommet, d'en être le Président.",
    "Je suis très heureux de pouvoir vous transmettre aujourd'hui le rapport du Groupe de "
    "travail sur la gouvernance de l'Internet.",
    "Je me réjouis de cette précieuse contribution aux travaux préparatoires du Sommet.",
    "Je vous adresse également un document d'information établi par le Groupe de travail, qui y "
    "a résumé une grande partie de ses travaux et y rend compte des contributions de toutes les "
    "parties prenantes.",
    "Je suis certain que ce document d'information sera utile lors des travaux préparatoires "
    "du Sommet.",
    "Enfin, je voudrais exprimer ma sincère reconnaissance au Président du Groupe de travail, à "
    "ses membres, à son coordonnateur et à son secrétariat pour leur dévouement et pour le temps "
    "et les efforts qu'ils ont consacrés à cette importante tâche.",
    "J'ai adressé à M. Janis Karklinš, Président du Comité préparatoire, une lettre identique à "
    "celle-ci.",
    "Veillez agréer, Monsieur le Secrétaire général, les assurances de ma très haute "
    "considération.",
    "(Signé) Kofi A. Annan",
    "Monsieur Yoshio Utsumi",
    "Secrétaire général",
    "Sommet mondial sur la société de l'information",
    "Genève",
]


@pytest.fixture(scope="module")
def documents():
    return load_corpus(CORPUS)


def french(documents):
    return [d for d in documents if d.lang == "fr"]


def test_seed_file_is_carried_byte_identical():
    seed = shared_path("seed", SEED_NAME)
    assert (CORPUS / SEED_NAME).read_bytes() == seed.read_bytes()


def test_seed_file_yields_exactly_two_letters(documents):
    letters = [d for d in french(documents) if d.path.name == SEED_NAME]
    assert [d.part for d in letters] == [1, 2]
    assert [d.paragraphs[0].text for d in letters] == ["Le 11 juillet 2005"] * 2
    assert letters[0].paragraphs[-1].text == "Genève"
    assert letters[1].paragraphs[1].text == "Monsieur l'Ambassadeur,"


def test_first_letter_segments_exactly(documents):
    first = french(documents)[0]
    segments = segment_document(first)
    assert [s.text for s in segments] == FIRST_LETTER
    signature = segments[12]
    assert signature.markup == (Markup(16, 21, "strong"),)
    assert signature.text[16:21] == "Annan"
    assert all("*" not in s.text for s in segments)
    # every address line is its own segment, with its own source line number
    assert [s.line for s in segments[-4:]] == [21, 22, 23, 24]
    assert segments[0].line == 3 and signature.line == 19


def test_second_letter_address_block(documents):
    second = french(documents)[1]
    texts = [s.text for s in segment_document(second)]
    assert texts[-6:] == [
        "Son Excellence", "Monsieur Janis Karklinš", "Président du Comité préparatoire",
        "de la deuxième phase du Sommet mondial", "sur la société de l'information", "Genève",
    ]
    assert len(texts) == 19


def test_english_letters_segment_like_the_french(documents):
    by_lang = {}
    for document in documents:
        by_lang.setdefault(document.lang, []).append(len(segment_document(document)))
    assert by_lang == {"fr": [17, 19], "en": [17, 19]}


@pytest.mark.parametrize("text", [
    "J'ai demandé à M. Nitin Desai d'en être le Président.",
    "S.E. M. Janis Karklinš a présidé la séance.",
    "MM. Desai et Kummer ont pris la parole.",
    "Mme Dupont renvoie à l'art. 25 de la Charte.",
    "Voir par. 26 du rapport, p. 3.",
    "Le Groupe renvoie au rapport (cf. chap. IV) et à la note n° 5.",
    "Le document a été signé par Kofi A. Annan et transmis le 1er août.",
    "12. Le Groupe de travail recommande la création d'un forum.",
    "Le taux est passé de 2.5 % à 3,5 % en 2004.",
    "Il a déclaré : « Nous sommes prêts. » et la séance a continué.",
    "Le Sommet (…) Les participants ont adopté le texte.",
    "Réunion du 3 nov. 2004 à Genève.",
    "Tenue à Genève les 10-12 déc. 2003, la première phase a réussi.",
])
def test_un_french_traps_stay_one_segment(text):
    assert segment_text(text, "fr") == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Groupe s'est réuni. Il a adopté son rapport.",
     ["Le Groupe s'est réuni.", "Il a adopté son rapport."]),
    ("Qui décide ? Les États.", ["Qui décide ?", "Les États."]),
    ("Il a dit : « C'est fini. » Puis il est parti.",
     ["Il a dit : « C'est fini. »", "Puis il est parti."]),
    ("Le rapport est prêt… Le Groupe le transmet.",
     ["Le rapport est prêt…", "Le Groupe le transmet."]),
    ("Voir le chapitre 2. 12. Le Groupe recommande un forum.",
     ["Voir le chapitre 2.", "12. Le Groupe recommande un forum."]),
    ("Les participants étaient nombreux ; Le Groupe a conclu.",
     ["Les participants étaient nombreux ;", "Le Groupe a conclu."]),
    ("Étaient présents : Paulette Dupont ; Lucien Martin.",
     ["Étaient présents : Paulette Dupont ; Lucien Martin."]),
])
def test_french_sentence_ends(text, expected):
    assert segment_text(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I asked Mr. Nitin Desai to chair it. He agreed.",
     ["I asked Mr. Nitin Desai to chair it.", "He agreed."]),
    ("See para. 26 and No. 5 of the report (cf. art. 3). It was adopted.",
     ["See para. 26 and No. 5 of the report (cf. art. 3).", "It was adopted."]),
    ("(Signed) Kofi A. Annan", ["(Signed) Kofi A. Annan"]),
])
def test_english_sentence_ends(text, expected):
    assert segment_text(text, "en") == expected
