"""CaseDesk: front-desk reception for clinics."""

# The same as `version` in pyproject.toml (tests/test_startup.py checks). A constant, because
# reading the installed metadata (importlib.metadata) costs ~30 ms of every start-up and the
# frozen build has no metadata to read.
__version__ = "0.1.0"

APP_NAME = "CaseDesk"
