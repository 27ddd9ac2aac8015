"""Text every engine stores as given: no NUL character, no longer than its column.

SQLite keeps both without complaint; PostgreSQL refuses a NUL in any text and a value longer
than its VARCHAR when the row is written, which a desk would only see as an unexpected error.
The services check first, so both engines refuse the same values with the same clear words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.errors import ValidationError
from app.services.words import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from sqlalchemy.orm import InstrumentedAttribute

NUL = "\x00"


def column_length(attribute: InstrumentedAttribute) -> int | None:
    """The declared length of a model's String column (None for unbounded Text)."""
    return getattr(attribute.property.columns[0].type, "length", None)


def check_text(field: str, value: str | None, what: str, limit: int | None = None) -> None:
    """Refuses `value` when it holds a NUL character or is longer than `limit` characters."""
    if not value:
        return
    if NUL in value:
        raise ValidationError(
            field,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The {what} contains an invisible NUL character; retype it without it.",
                ),
                what=what,
            ),
        )
    if limit is not None and len(value) > limit:
        raise ValidationError(
            field,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The {what} is too long (at most {limit} characters)."
                ),
                what=what,
                limit=limit,
            ),
        )
