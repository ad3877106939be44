"""Shared paths and fixtures for the tm test suite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SEED_NAME = "wgig-transmittal-letters-2005-07-11.fr.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (evaluation data and schemas) is absent")
    return path


def require_program(name: str) -> str:
    """The path of an external program, or skip the test saying which package brings it."""
    found = shutil.which(name)
    if found is None:
        packages = {"xmllint": "libxml2-utils", "msgfmt": "gettext", "omegat": "omegat"}
        pytest.skip(f"{name} not installed (Debian package {packages.get(name, name)})")
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (corpus/ and glossary/) in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root / "corpus")
    if (REPO / "glossary").is_dir():
        shutil.copytree(REPO / "glossary", root / "glossary")
    return root
