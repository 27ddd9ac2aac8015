"""The staff roles' names, one vocabulary for the models, the services and the window.

Kept apart from app/models (which brings SQLAlchemy) so the window can check a role without
loading the database layer at start-up.
"""

from __future__ import annotations

ROLE_RECEPTION = "reception"
ROLE_PRACTITIONER = "practitioner"
ROLE_ADMIN = "admin"
ROLES = (ROLE_RECEPTION, ROLE_PRACTITIONER, ROLE_ADMIN)
