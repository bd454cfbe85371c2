"""The type of the edge tests' `open_app` fixture (tests/integration/edge/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

# open_app(role="admin", **settings overrides) -> async context manager of an HTTP client.
OpenApp = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]
