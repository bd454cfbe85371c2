"""Bearer API keys on every request, through Starlette's authentication middleware."""

from __future__ import annotations

from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from cdp.access.api_keys import KeyVerifier
from cdp.access.viewer import Viewer
from cdp.errors import ServiceUnavailable


class KeyUser(BaseUser):
    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.viewer.key_id


class BearerKeys(AuthenticationBackend):
    """Reads `Authorization: Bearer <key>`; a missing or bad key leaves the request anonymous."""

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        header = conn.headers.get("authorization", "")
        scheme, _, presented = header.partition(" ")
        if scheme.lower() != "bearer" or not presented:
            return None
        verifier: KeyVerifier = conn.state.keys
        try:
            viewer = await verifier.viewer(presented.strip())
        except ServiceUnavailable as exc:
            raise AuthenticationError(exc.message) from exc
        if viewer is None:
            return None
        return AuthCredentials([viewer.role.value, *viewer.scopes]), KeyUser(viewer)


class RequireKey:
    """Answers 401 to a request without a valid key; GraphiQL's page may be let through."""

    def __init__(self, app: ASGIApp, *, ide_page: bool) -> None:
        self.app = app
        self.ide_page = ide_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        user = scope.get("user")
        if scope["type"] == "http" and not (user and user.is_authenticated):
            conn = HTTPConnection(scope)
            wants_page = (
                scope["method"] == "GET"
                and "text/html" in conn.headers.get("accept", "")
                and "query" not in conn.query_params
            )
            if not (self.ide_page and wants_page):
                response = JSONResponse(
                    {
                        "errors": [
                            {
                                "message": "Send a valid API key: Authorization: Bearer <key>.",
                                "extensions": {"code": "UNAUTHENTICATED"},
                            }
                        ]
                    },
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
