"""The one date a build may write: from the documents or ``SOURCE_DATE_EPOCH``.

Memories must be byte-identical when rebuilt from the same corpus, so no writer
reads the clock. ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) wins
when set; otherwise the latest document date is used; otherwise no date.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime

from tm.errors import TmError


def parse_date(value: str | int | datetime) -> datetime:
    """A UTC datetime from ``YYYY-MM-DD`` (or ISO 8601), epoch seconds, or a datetime."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, int):
        moment = datetime.fromtimestamp(value, tz=UTC)
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise TmError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def build_date(document_dates: Iterable[str | None] = ()) -> datetime | None:
    """``SOURCE_DATE_EPOCH`` if set, else the latest of ``document_dates``, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return parse_date(int(epoch))
        except (ValueError, OverflowError, OSError):
            raise TmError(f"SOURCE_DATE_EPOCH is not a number of seconds: {epoch!r}") from None
    dates = [parse_date(d) for d in document_dates if d]
    return max(dates) if dates else None


def tmx_date(value: str | int | datetime) -> str:
    """A TMX date, ``YYYYMMDDThhmmssZ`` in UTC."""
    return parse_date(value).strftime("%Y%m%dT%H%M%SZ")


def po_date(value: str | int | datetime) -> str:
    """A PO header date, ``YYYY-MM-DD hh:mm+0000``."""
    return parse_date(value).strftime("%Y-%m-%d %H:%M+0000")
