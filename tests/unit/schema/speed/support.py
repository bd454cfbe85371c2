"""The schema with every speed piece, whatever CDP_SPEED_PATHS says."""

from __future__ import annotations

from cdp.settings import Settings
from schema.root import build_schema

FAST = build_schema(Settings(speed_paths=True))
SCHEMA = FAST._schema
