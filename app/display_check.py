"""Before Qt opens a window: is there a display, and can Qt's xcb plugin load its libraries?

Without this, a PC with no display or without the xcb libraries gets Qt's own abort
("could not load the Qt platform plugin xcb ... Aborted"), which names neither the cause
nor the fix. This looks first and says, in one line, what is missing.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# What Qt 6's xcb plugin loads, by soname, with the Debian/Ubuntu package that has it.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}
README_HINT = "see 'What the window needs from the system' in the README"


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """One line naming what the window is missing, or None when Qt should manage."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS: the PySide6 wheel carries everything
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the person chose; Qt will say
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None
    if not environ.get("DISPLAY"):
        return (
            "casedesk: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
            "set); start it from a desktop session, or set QT_QPA_PLATFORM=offscreen to run "
            f"without one ({README_HINT})."
        )
    missing = [name for name in XCB_LIBRARIES if not loads(name)]
    if missing:
        packages = " ".join(XCB_LIBRARIES[name] for name in missing)
        return (
            f"casedesk: Qt's xcb plugin cannot load {', '.join(missing)}; on Debian/Ubuntu "
            f"install them with: sudo apt-get install {packages} ({README_HINT})."
        )
    return None
