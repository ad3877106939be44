"""Atomic writes: a failed run must leave the previous output intact.

Files are written to a temporary sibling and renamed over the target; a build
directory is assembled in a temporary sibling directory and swapped in with two
renames, so a reader never sees a half-written build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _default_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _default_file_mode() -> int:
    """0666 less the process umask, the mode ``open()`` gives a new file."""
    return 0o666 & ~_default_umask()


@contextmanager
def atomic_file(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates the file private (0600); give it the mode a plain open() would.
    os.chmod(tmp, _default_file_mode())
    try:
        kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
        with open(tmp, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    with atomic_file(path) as handle:
        handle.write(text)


@contextmanager
def atomic_directory(path: Path) -> Iterator[Path]:
    """Yield an empty staging directory that replaces ``path`` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.staging.", dir=path.parent))
    os.chmod(staging, 0o777 & ~_default_umask())
    try:
        yield staging
        retired = path.with_name(f".{path.name}.old.{os.getpid()}")
        if path.exists():
            os.replace(path, retired)
        os.replace(staging, path)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
