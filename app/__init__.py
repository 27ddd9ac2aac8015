"""CaseDesk: front-desk reception for clinics."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("casedesk")
except PackageNotFoundError:  # frozen build without metadata
    __version__ = "0.1.0"

APP_NAME = "CaseDesk"
