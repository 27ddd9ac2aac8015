"""Wall-clock time in the clinic's zone, where clocks go forward and back.

Twice a year the wall clock misbehaves: in spring an hour never happens (01:30 on
2027-03-28 in London), in autumn an hour happens twice (01:30 on 2026-10-25 in London is
first BST, then GMT). A wall time that never happens is refused where a start is checked
(schedule_rules); one that happens twice is shown with its UTC offset, so two slots or a
patient's message never look the same while meaning different moments.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo


def is_ambiguous(moment: datetime, zone: tzinfo) -> bool:
    """True when the clinic's wall clock shows `moment`'s time twice that day."""
    local = moment.astimezone(zone)
    return local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()


def wall_time_exists(moment: datetime) -> bool:
    """False for a wall time its own zone skips (the hour the clocks go forward).

    Python quietly moves such a time by the jump, so the only sign is that it does not come
    back the same from UTC.
    """
    zone = moment.tzinfo
    if zone is None:
        return True
    back = moment.astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None, fold=0)


def utc_offset_text(offset: timedelta | None) -> str:
    """timedelta(hours=5, minutes=30) -> 'UTC+05:30'."""
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def local_label(moment: datetime, zone: tzinfo) -> str:
    """'09:30' in the clinic's zone; '01:30 (UTC+01:00)' when that wall time happens twice."""
    local = moment.astimezone(zone)
    text = f"{local:%H:%M}"
    if is_ambiguous(moment, zone):
        text += f" ({utc_offset_text(local.utcoffset())})"
    return text
