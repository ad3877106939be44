"""A cache of the loaded glossary, so that a cold ``tm glossary lookup`` stays instant.

Parsing the TOML sources with ``tomllib`` (pure Python) and building the index
costs ~35 ms for ~260 concepts on a quiet machine and twice that on a busy one,
a large share of the 150 ms budget of a lookup. The cache stores the checked
glossary and its index with :mod:`marshal` (built in, no import cost; loads in
~2 ms) under the user's cache folder. It is keyed on the path, size and
modification time of every source file *and* of the modules that define
matching, so editing the glossary or upgrading ``tm`` invalidates it. Errors are
never cached: a malformed file fails every time. Only the CLI's interactive
commands use it; ``tm build`` always reads the sources.
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

from tm.glossary.glossary import Glossary

#: Bump when the plain form of :meth:`Glossary.to_plain` changes.
FORMAT = 2

_CODE = ("normalize.py", "glossary.py", "source.py", "model.py", "cache.py")


def cache_dir() -> Path | None:
    """Where caches go: ``$TM_CACHE_DIR``, else ``$XDG_CACHE_HOME/tm``, else ``~/.cache/tm``."""
    explicit = os.environ.get("TM_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):
        return None
    return Path(base) / "tm"


def fingerprint(files: list[Path]) -> tuple:
    """What the cached index depends on: the sources and the matching code."""
    here = Path(__file__).parent
    parts: list[tuple] = [(FORMAT,)]
    for file in [*files, *(here / name for name in _CODE)]:
        stat = file.stat()
        parts.append((str(file), stat.st_size, stat.st_mtime_ns))
    return tuple(parts)


def cache_file(root: Path, directory: Path) -> Path:
    absolute = str(root.resolve())
    return directory / f"glossary-{zlib.crc32(absolute.encode()):08x}.marshal"


def load_cached(root: Path, files: list[Path]) -> Glossary | None:
    """The cached glossary for ``root`` if it is still current, else None."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        with open(cache_file(root, directory), "rb") as handle:
            key, plain = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if key != fingerprint(files):
        return None
    try:
        return Glossary.from_plain(plain)
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def store(root: Path, files: list[Path], glossary: Glossary) -> None:
    """Write the cache; failing to (read-only home, full disk) is not an error."""
    directory = cache_dir()
    if directory is None:
        return
    from tm.atomic import atomic_file  # only on a cache miss: keep the lookup path light

    try:
        with atomic_file(cache_file(root, directory), "wb", encoding=None) as handle:
            marshal.dump((fingerprint(files), glossary.to_plain()), handle)
    except OSError:
        pass
