"""Reading another system's patient export: encoding, delimiter, header, and its dates.

Clinic systems (Cliniko, Nookal, spreadsheets saved from Excel) export CSV files in
UTF-8 with or without a byte-order mark, or in Windows-1252 when Excel saved them;
comma- or semicolon-separated (Excel in many European locales uses semicolons).
Nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.services.errors import CaseDeskError
from app.services.words import QT_TRANSLATE_NOOP, say

# CaseDesk's patient fields, in the order the dialog shows them.
FIELDS = ("first_name", "last_name", "phone", "email", "birth_date", "sex")

# The column names each field is recognised by (compared without case, spaces or
# punctuation); earlier names win when a file has several (a mobile before a home phone).
_ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "given name", "firstname", "forename", "given names"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "phone": (
        "mobile phone",
        "mobile",
        "mobile number",
        "cell phone",
        "phone",
        "phone number",
        "telephone",
        "home phone",
        "work phone",
    ),
    "email": ("email", "e-mail", "email address", "e-mail address"),
    "birth_date": ("date of birth", "dob", "birth date", "birthdate", "birthday"),
    "sex": ("sex", "gender"),
}

# Regions that write the month before the day (1/2/1990 is 2 January elsewhere).
MONTH_FIRST_REGIONS = frozenset({"US", "PR", "GU", "AS", "VI", "MP", "UM", "FM", "MH", "PW"})

_SEXES = {
    "f": "female",
    "female": "female",
    "woman": "female",
    "m": "male",
    "male": "male",
    "man": "male",
    "o": "other",
    "other": "other",
    "x": "other",
    "non-binary": "other",
    "nonbinary": "other",
    "intersex": "other",
}
_SEX_UNKNOWN = {"", "u", "n", "unknown", "not stated", "not specified", "prefer not to say"}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")


class ImportFileError(CaseDeskError):
    """The file cannot be read as a patient list: missing, not a CSV, or no name column."""


@dataclass(frozen=True)
class CsvFile:
    """A decoded CSV export: its header and its rows with the line each starts on."""

    path: Path
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    text: str

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) for every non-blank data row; the header is line 1."""
        reader = csv.reader(io.StringIO(self.text), delimiter=self.delimiter)
        next(reader, None)
        line = reader.line_num + 1
        for cells in reader:
            start, line = line, reader.line_num + 1
            if any(cell.strip() for cell in cells):
                yield start, cells


def _normal(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows; every byte means something in it, so this cannot fail.
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def open_csv(path: str | Path) -> CsvFile:
    """Reads and decodes `path`; raises ImportFileError when it is not a CSV with a header."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(
            say(QT_TRANSLATE_NOOP("services", "There is no file {file}."), file=str(path))
        ) from None
    except OSError as exc:
        raise ImportFileError(
            say(
                QT_TRANSLATE_NOOP("services", "Cannot read {file}: {why}."),
                file=str(path),
                why=str(exc.strerror or exc),
            )
        ) from None
    if b"\x00" in raw[:4096]:
        raise ImportFileError(
            say(
                QT_TRANSLATE_NOOP("services", "{file} is not a CSV file (it holds binary data)."),
                file=path.name,
            )
        )
    text, encoding = _decode(raw)
    first = text.lstrip("\r\n").split("\n", 1)[0]
    if not first.strip():
        raise ImportFileError(
            say(
                QT_TRANSLATE_NOOP("services", "{file} is empty: a header row is needed."),
                file=path.name,
            )
        )
    delimiter = _delimiter(first)
    text = text.lstrip("\r\n")
    try:
        headers = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(
            say(
                QT_TRANSLATE_NOOP("services", "{file} is not a CSV file ({why})."),
                file=path.name,
                why=str(exc),
            )
        ) from None
    return CsvFile(path, encoding, delimiter, tuple(h.strip() for h in headers), text)


def guess_mapping(headers: tuple[str, ...] | list[str]) -> dict[str, int | None]:
    """The column index each CaseDesk field is read from, guessed from the header names."""
    normal = [_normal(h) for h in headers]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for field in FIELDS:
        mapping[field] = None
        for alias in _ALIASES[field]:
            index = next(
                (i for i, n in enumerate(normal) if n == _normal(alias) and i not in taken), None
            )
            if index is not None:
                mapping[field] = index
                taken.add(index)
                break
    return mapping


def check_mapping(mapping: dict[str, int | None], headers: tuple[str, ...], name: str) -> None:
    """Refuses a mapping without both name columns, or pointing past the header."""
    for field, what in (
        ("first_name", QT_TRANSLATE_NOOP("services", "first name")),
        ("last_name", QT_TRANSLATE_NOOP("services", "last name")),
    ):
        if mapping.get(field) is None:
            raise ImportFileError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "{file} has no {what} column (such as 'First Name')."
                    ),
                    file=name,
                    what=say(what),
                )
            )
    for index in mapping.values():
        if index is not None and not 0 <= index < len(headers):
            raise ImportFileError(
                say(
                    QT_TRANSLATE_NOOP("services", "{file} has no column {number}."),
                    file=name,
                    number=index + 1,
                )
            )


def parse_date(text: str, region: str) -> date | None:
    """ISO YYYY-MM-DD, or day and month in the region's order; None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        numeric = _NUMERIC.match(text)
        if not numeric:
            raise ValueError(text)
        first, second, year = (int(g) for g in numeric.groups())
        if len(numeric.group(3)) == 2:  # a two-digit year is this century only if not ahead
            year += 2000 if year <= date.today().year % 100 else 1900
        month, day = (first, second) if region in MONTH_FIRST_REGIONS else (second, first)
    return date(year, month, day)


def date_order(region: str) -> str:
    """How the region writes a date, for messages: 'DD/MM/YYYY' or 'MM/DD/YYYY'."""
    return "MM/DD/YYYY" if region in MONTH_FIRST_REGIONS else "DD/MM/YYYY"


def parse_sex(text: str) -> str | None:
    """'F', 'Female', 'woman' -> 'female'; unknown / not stated -> None; anything else as is."""
    value = text.strip().casefold()
    if value in _SEX_UNKNOWN:
        return None
    return _SEXES.get(value, value)
