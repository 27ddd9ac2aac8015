# Region metadata is imported lazily (phonenumbers.data.region_XX), so collect it. CaseDesk
# does not use the geocoder, carrier or time zone lookups: leaving their data out saves ~40 MB.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")


def _wanted(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
excludedimports = [f"phonenumbers.{name}" for name in UNUSED]
