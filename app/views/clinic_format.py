"""One way to show dates, times and counts everywhere a receptionist reads them.

Dates carry the month's name (never "03/04", which reads differently in every
clinic's country) and appointment starts their weekday. Words come from the
clinic's locale through QLocale, so a translation changes them in one place.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from app.services.words import english_plural

DATE_FORMAT = "d MMM yyyy"  # 25 Nov 2026
WEEKDAY_DATE_FORMAT = "ddd d MMM yyyy"  # Wed 25 Nov 2026
SHORT_WEEKDAY_FORMAT = "ddd d MMM"  # Wed 25 Nov: lists of the coming days


def clinic_locale() -> QLocale:
    """The default QLocale: the clinic's language with its region, which `app.language`
    sets at start (the PC's locale when nothing set it)."""
    return QLocale()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: date | None) -> str:
    """'25 Nov 2026'; '' for no date."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    return clinic_locale().toString(_qdate(day), DATE_FORMAT)


def format_time(moment: datetime, zone: ZoneInfo | None = None) -> str:
    """'09:30' (or '9:30 AM' where the locale says so), in the clinic's zone when given."""
    local = moment.astimezone(zone) if zone is not None else moment
    return clinic_locale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def format_moment(moment: datetime, zone: ZoneInfo | None = None) -> str:
    """'25 Nov 2026, 09:30': when something happened (a message sent, a case opened)."""
    local = moment.astimezone(zone) if zone is not None else moment
    return f"{format_date(local.date())}, {format_time(local)}"


def appointment_start(moment: datetime, zone: ZoneInfo | None = None, year: bool = True) -> str:
    """'Wed 25 Nov 2026, 09:30': an appointment's start, with its weekday, in the clinic's zone."""
    local = moment.astimezone(zone) if zone is not None else moment
    pattern = WEEKDAY_DATE_FORMAT if year else SHORT_WEEKDAY_FORMAT
    day = clinic_locale().toString(_qdate(local.date()), pattern)
    return f"{day}, {format_time(local)}"


def format_number(n: int) -> str:
    """'1,234' as the clinic's locale groups it ('1.234' in Spanish, '1,00,000' in India)."""
    locale = clinic_locale()
    if locale.language() == QLocale.Language.C:  # no locale at all: C omits the grouping
        return f"{n:,}"
    return locale.toString(n)


def plural(context: str, source: str, n: int) -> str:
    """`tr("%n appointment(s)", "", n)`, with English plurals when no translation is loaded.

    Qt fills in %n itself; the plural forms come from the translation. Without one
    (English, the source language), "(s)" is settled here: 1 appointment, 3 appointments;
    so is a plain translation's "(s)" ("%n cita(s)"), which is how a `plural` call marked
    with QT_TRANSLATE_NOOP (lupdate cannot see plural forms through it) is translated.
    New code uses `counted`, whose message lupdate sees as a plural.
    """
    text = QCoreApplication.translate(context, source, "", n)
    if text == source.replace("%n", str(n)):  # no plural forms: a plain translation, if any
        text = QCoreApplication.translate(context, source).replace("%n", str(n))
    if "(s)" in text:
        text = text.replace("(s)", "" if n == 1 else "s")
    return text


def counted(text: str, n: int) -> str:
    """A message with a count as `tr(text, "", n)` gave it, in the clinic's language.

    Write `counted(self.tr("%n appointment(s)", "", n), n)`: lupdate then sees a plural
    message and the translation has a form for each plural (1 cita, 3 citas); in English,
    the source language, "(s)" is settled here (1 appointment, 3 appointments).
    """
    return english_plural(text, n)


def appointments_count(n: int) -> str:
    return counted(QCoreApplication.translate("ClinicFormat", "%n appointment(s)", "", n), n)


DAY_MONTH_FORMAT = "d MMM"  # 12 Mar: a referral's last day, near enough to need no year


def referral_text(usage) -> str:
    """'4/6 used, until 12 Mar'; '3 used, until 12 Mar' with no number of sessions; '4/6 used'
    with no date; '' when the case's referral limits nothing (a `ReferralUsage` or None)."""
    if usage is None or not usage.limited:
        return ""
    if usage.approved is None:
        used = QCoreApplication.translate("ClinicFormat", "%1 used").replace("%1", str(usage.used))
    else:
        used = (
            QCoreApplication.translate("ClinicFormat", "%1/%2 used")
            .replace("%1", str(usage.used))
            .replace("%2", str(usage.approved))
        )
    if usage.valid_until is None:
        return used
    until = clinic_locale().toString(_qdate(usage.valid_until), DAY_MONTH_FORMAT)
    return (
        QCoreApplication.translate("ClinicFormat", "%1, until %2")
        .replace("%1", used)
        .replace("%2", until)
    )
