"""The message a patient receives after a booking: the link and the appointment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.services.clinic_time import local_label

PLACEHOLDERS = (
    "clinic",
    "first_name",
    "last_name",
    "date",
    "time",
    "practitioner",
    "case_id",
    "link",
)

DEFAULT_SUBJECT = "Your appointment at {clinic} on {date} at {time}"
DEFAULT_BODY = (
    "Hello {first_name},\n\n"
    "We have reserved an appointment for you at {clinic}:\n\n"
    "  {date} at {time} with {practitioner}\n"
    "  Your case: {case_id}\n\n"
    "Please confirm or change it here:\n{link}\n\n"
    "See you soon,\n{clinic}\n"
)

# After a move: the new time first, the old one named so the patient knows which visit it is.
MOVED_SUBJECT = "Your appointment at {clinic} has moved to {date} at {time}"
MOVED_BODY = (
    "Hello {first_name},\n\n"
    "Your appointment at {clinic} has moved. The new time is:\n\n"
    "  {date} at {time} with {practitioner}\n"
    "  (instead of {was})\n"
    "  Your case: {case_id}\n\n"
    "The calendar file attached updates the entry you may have saved.\n"
    "Please confirm or change it here:\n{link}\n\n"
    "See you soon,\n{clinic}\n"
)


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def render_link(template: str, token: str, case_code: str, appointment_id: int) -> str:
    return template.format(token=token, case_id=case_code, appointment_id=appointment_id)


def local_time(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(ZoneInfo(timezone))


def compose(
    *,
    subject_template: str,
    body_template: str,
    clinic: str,
    first_name: str,
    last_name: str,
    starts_at: datetime,
    timezone: str,
    practitioner: str,
    case_code: str,
    link: str,
) -> Message:
    """Fills the clinic's templates; times are shown in the clinic's zone."""
    local = local_time(starts_at, timezone)
    values = {
        "clinic": clinic or "the clinic",
        "first_name": first_name,
        "last_name": last_name,
        "date": local.strftime("%A %d %B %Y"),
        # The repeated autumn hour carries its UTC offset, so the patient knows which one.
        "time": local_label(starts_at, local.tzinfo),
        "practitioner": practitioner,
        "case_id": case_code,
        "link": link,
    }
    return Message(
        subject=(subject_template or DEFAULT_SUBJECT).format(**values),
        body=(body_template or DEFAULT_BODY).format(**values),
    )


def compose_with_settings(
    config: dict[str, str],
    *,
    first_name: str,
    last_name: str,
    starts_at: datetime,
    practitioner: str,
    case_code: str,
    link: str,
) -> Message:
    """`compose` with the clinic's name, zone and templates taken from its settings."""
    return compose(
        subject_template=config["message.subject"],
        body_template=config["message.body"],
        clinic=config["clinic.name"],
        first_name=first_name,
        last_name=last_name,
        starts_at=starts_at,
        timezone=config["clinic.timezone"],
        practitioner=practitioner,
        case_code=case_code,
        link=link,
    )


def sample(
    subject_template: str,
    body_template: str,
    link_template: str,
    *,
    clinic: str,
    timezone: str,
    now: datetime | None = None,
) -> Message:
    """The message as a made-up patient would receive it for a booking tomorrow (the preview
    beside the templates in Settings). Raises ValidationError naming a template that cannot
    be used, so the preview says what a save would refuse."""
    from app.services.settings import validate  # settings imports this module

    subject = validate("message.subject", subject_template)
    body = validate("message.body", body_template)
    start = ((now or datetime.now(UTC)) + timedelta(days=1)).replace(
        hour=4, minute=30, second=0, microsecond=0
    )
    return compose(
        subject_template=subject,
        body_template=body,
        clinic=clinic,
        first_name="Priya",
        last_name="Sharma",
        starts_at=start,
        timezone=timezone,
        practitioner="Dr Asha Rao",
        case_code="C-00042",
        link=render_link(link_template, "AbC123", "C-00042", 42),
    )


def compose_moved(
    config: dict[str, str],
    *,
    first_name: str,
    last_name: str,
    old_starts_at: datetime,
    starts_at: datetime,
    practitioner: str,
    case_code: str,
    link: str,
) -> Message:
    """The "your appointment moved" message, in the clinic's zone, naming the old time too."""
    zone = ZoneInfo(config["clinic.timezone"])
    old = old_starts_at.astimezone(zone)
    was = f"{old:%A %d %B %Y} at {local_label(old_starts_at, zone)}"
    # Filled before the other placeholders: the old time holds no braces to be read again.
    body = MOVED_BODY.replace("{was}", was)
    return compose(
        subject_template=MOVED_SUBJECT,
        body_template=body,
        clinic=config["clinic.name"],
        first_name=first_name,
        last_name=last_name,
        starts_at=starts_at,
        timezone=config["clinic.timezone"],
        practitioner=practitioner,
        case_code=case_code,
        link=link,
    )


PLACEHOLDER_LINK_HOSTS = ("example.com", "example.org", "example.net")


def link_is_set_up(template: str) -> bool:
    """False while the patient link still points at a placeholder domain (example.com...).

    Such a link goes nowhere: the desk must say so rather than send it silently.
    """
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(template.strip()).hostname or "").lower()
    except ValueError:
        return False
    if not host:
        return False
    return not any(host == d or host.endswith("." + d) for d in PLACEHOLDER_LINK_HOSTS)
