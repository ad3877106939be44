"""BCP 47 language tags: validate, normalise, compare by primary language.

CAT tools are strict here (OmegaT skips a unit tagged ``fr_FR``), so every tag
that enters ``tm`` goes through :func:`normalize_tag`: ``fr_fr`` becomes
``fr-FR``, and anything that is not a well-formed tag with a known ISO 639
primary language is rejected with one line.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# ISO 639-1 two-letter codes (the primary subtags BCP 47 uses where one exists).
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu""".split()  # noqa: SIM905 - a list this long reads better as text
)
# A few three-letter codes without a two-letter form that UN work meets.
ISO_639_3_EXTRA = frozenset({"fil", "haw", "yue", "cmn", "ast", "gsw", "mul", "und", "zxx"})

_TAG = regex.compile(
    r"""^(?P<language>[A-Za-z]{2,3})
        (?:-(?P<script>[A-Za-z]{4}))?
        (?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?
        (?P<rest>(?:-[A-Za-z0-9]{1,8})*)$""",
    regex.VERBOSE,
)


@lru_cache(maxsize=512)  # memories ask about the same few tags for every unit
def normalize_tag(tag: str) -> str:
    """Return ``tag`` in canonical BCP 47 case (``fr-FR``, ``zh-Hant-TW``) or raise TmError."""
    from tm.errors import TmError

    cleaned = tag.strip().replace("_", "-")
    match = _TAG.match(cleaned)
    language = match["language"].lower() if match else ""
    if not match or (language not in ISO_639_1 and language not in ISO_639_3_EXTRA):
        raise TmError(
            f"unknown language code {tag!r} (expected a BCP 47 tag such as fr, en or fr-FR)"
        )
    parts = [language]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    if match["rest"]:
        parts.append(match["rest"][1:].lower())
    return "-".join(parts)


def primary_language(tag: str) -> str:
    """The primary language subtag of a (valid) tag: ``fr-FR`` -> ``fr``."""
    return normalize_tag(tag).split("-", 1)[0]


def same_language(first: str, second: str) -> bool:
    """True when two tags name the same language, whatever their regions (``fr`` ~ ``fr-FR``)."""
    return primary_language(first) == primary_language(second)


def region(tag: str) -> str | None:
    """The region subtag of a tag (``en-GB`` -> ``GB``, ``es-419`` -> ``419``), if any."""
    for part in normalize_tag(tag).split("-")[1:]:
        if (len(part) == 2 and part.isalpha() and part.isupper()) or (
            len(part) == 3 and part.isdigit()
        ):
            return part
    return None


def posix_locale(tag: str) -> str:
    """The gettext spelling of a tag for a PO ``Language`` header (``fr-FR`` -> ``fr_FR``).

    Only PO headers use it: an underscore must never leak into TMX, where OmegaT
    skips a unit tagged ``fr_FR``.
    """
    place = region(tag)
    language = primary_language(tag)
    return f"{language}_{place}" if place else language
