"""API keys: created, listed and revoked by admins; stored as a SHA-256 of their secret.

A key reads `cdp_<key id>_<secret>`; only its holder ever sees the secret (shown once, at
creation). The secret is 32 random bytes, so a plain SHA-256 suffices (no password stretching
is needed for a secret that cannot be guessed). Verified keys are cached (see KeyVerifier):
an expiry is exact, a revocation reaches every worker within `CDP_KEY_CACHE_SECONDS`.

A staff key may name the employee it acts for (`employeeId`), whom audit records then name as
who acted (`Viewer.actor`); a partner key is an integration, not a person, and names none.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString

from cdp import bounds, validation
from cdp.access.viewer import SCOPES, Role, Viewer
from cdp.errors import BadUserInput, NotFound
from cdp.store.graph import Graph

CACHE_SECONDS = 0.5
MAX_CACHED_KEYS = 10_000
_KEY = re.compile(r"^cdp_(?P<id>[0-9a-f]{16})_(?P<secret>[A-Za-z0-9_-]{43})$")

# No row when the partner or the employee named does not exist (a key names one at most).
_CREATE: LiteralString = """
OPTIONAL MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (e:Employee {id: $employeeId})
WITH p, e
WHERE ($partnerId IS NULL OR p IS NOT NULL) AND ($employeeId IS NULL OR e IS NOT NULL)
CREATE (k:ApiKey {id: $id, name: $name, role: $role, scopes: $scopes, partnerId: $partnerId,
                  employeeId: $employeeId, hash: $hash, createdAt: datetime(),
                  expiresAt: $expiresAt})
RETURN k.id AS id
"""
_FIND: LiteralString = """
MATCH (k:ApiKey {id: $id})
RETURN k.hash AS hash, k.role AS role, k.scopes AS scopes, k.partnerId AS partnerId,
       k.employeeId AS employeeId, k.expiresAt AS expiresAt, k.revokedAt AS revokedAt
"""
_LIST: LiteralString = """
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .scopes, .partnerId, .employeeId, .createdAt, .expiresAt,
          .revokedAt} AS key
ORDER BY k.createdAt, k.id
"""
# The cached keys that are still valid now: the others have been revoked, have expired or
# are gone. One query for every cached key, through the key id's uniqueness index.
STILL_VALID: LiteralString = """
UNWIND $ids AS id
MATCH (k:ApiKey {id: id})
WHERE k.revokedAt IS NULL AND (k.expiresAt IS NULL OR k.expiresAt > datetime())
RETURN k.id AS id
"""
_REVOKE: LiteralString = """
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k.id AS id
"""
_PARTNER: LiteralString = """
MERGE (p:Partner {name: $name})
ON CREATE SET p.id = $id, p.createdAt = datetime()
RETURN p.id AS id
"""


@dataclass(frozen=True)
class CreatedKey:
    id: str
    secret: str  # the whole key, shown once


async def create_key(
    graph: Graph,
    *,
    name: str,
    role: str,
    scopes: list[str] | None = None,
    partner_id: str | None = None,
    employee_id: str | None = None,
    expires_at: datetime | None = None,
) -> CreatedKey:
    try:
        parsed_role = Role(role)
    except ValueError:
        roles = ", ".join(Role)
        raise BadUserInput(f"Unknown role; one of: {roles}.", field="role") from None
    validation.bounded(scopes or [], bounds.SCOPES, "scopes")
    if set(scopes or []) - SCOPES:
        raise BadUserInput(f"Unknown scope; known: {', '.join(sorted(SCOPES))}.", field="scopes")
    scopes = sorted(set(scopes or []))
    name = validation.text(name.strip() or "unnamed", "name", max_length=bounds.LABEL)
    if (parsed_role is Role.PARTNER) != (partner_id is not None):
        raise BadUserInput(
            "A partner key, and only a partner key, names its partner.", field="partnerId"
        )
    if parsed_role is Role.PARTNER and employee_id is not None:
        raise BadUserInput(
            "A partner key is an integration: it names no employee.", field="employeeId"
        )
    if expires_at is not None and expires_at <= datetime.now(UTC):
        raise BadUserInput("The expiry must be in the future.", field="expiresAt")
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    rows = await graph.write_query(
        _CREATE,
        {
            "id": key_id,
            "name": name,
            "role": parsed_role.value,
            "scopes": scopes,
            "partnerId": partner_id,
            "employeeId": employee_id,
            "hash": _digest(secret),
            "expiresAt": expires_at,
        },
    )
    if not rows:
        if partner_id is not None:
            raise NotFound("No partner has this id.", field="partnerId")
        raise NotFound("No employee has this id.", field="employeeId")
    return CreatedKey(id=key_id, secret=f"cdp_{key_id}_{secret}")


async def ensure_partner(graph: Graph, name: str) -> str:
    """The id of the partner called `name`, created if it does not exist yet."""
    rows = await graph.write_query(_PARTNER, {"name": name, "id": f"ptn_{secrets.token_hex(16)}"})
    return str(rows[0]["id"])


async def list_keys(graph: Graph) -> list[dict[str, Any]]:
    return [row["key"] for row in await graph.read(_LIST)]


async def revoke_key(graph: Graph, key_id: str) -> None:
    if not await graph.write_query(_REVOKE, {"id": key_id}):
        raise NotFound(f"No API key has id {key_id!r}.", field="id")
    _cache.clear()


@dataclass(frozen=True)
class _Cached:
    viewer: Viewer
    expires_at: datetime | None


class KeyVerifier:
    """Checks bearer keys against the graph, remembering good ones.

    Every worker keeps its own cache, so what must hold for all of them is read from Neo4j:
    once `cache_seconds` have passed since the cached keys were last checked, the next request
    checks all of them again in one query (later requests wait for that query rather than
    send their own). A key revoked anywhere therefore stops working in every worker within
    `cache_seconds` plus one query; an expiry is checked on every request, from the cache.
    """

    def __init__(self, graph: Graph, cache_seconds: float = CACHE_SECONDS) -> None:
        self.graph = graph
        self.cache_seconds = cache_seconds
        self._checking = asyncio.Lock()

    async def viewer(self, presented: str) -> Viewer | None:
        match = _KEY.match(presented)
        if match is None:
            return None
        if _cache and time.monotonic() - _checked[0] >= self.cache_seconds:
            await self._check_cached()
        cached = _cache.get(presented)
        if cached is not None:
            if cached.expires_at is None or datetime.now(UTC) < cached.expires_at:
                return cached.viewer
            del _cache[presented]
            return None
        return await self._verify(presented, match["id"], match["secret"])

    async def _verify(self, presented: str, key_id: str, secret: str) -> Viewer | None:
        checked = time.monotonic()
        rows = await self.graph.read(_FIND, {"id": key_id})
        if not rows or not hmac.compare_digest(rows[0]["hash"], _digest(secret)):
            return None
        row = rows[0]
        expires_at = row["expiresAt"].to_native() if row["expiresAt"] is not None else None
        if row["revokedAt"] is not None or (
            expires_at is not None and expires_at <= datetime.now(UTC)
        ):
            return None
        viewer = Viewer(
            key_id=key_id,
            role=Role(row["role"]),
            scopes=frozenset(row["scopes"] or []),
            partner_id=row["partnerId"],
            employee_id=row["employeeId"],
        )
        if self.cache_seconds > 0:
            if not _cache:
                _checked[0] = checked  # the cache restarts from a key checked just now
            while len(_cache) >= MAX_CACHED_KEYS:
                del _cache[next(iter(_cache))]  # the longest cached goes first
            _cache[presented] = _Cached(viewer, expires_at)
        return viewer

    async def _check_cached(self) -> None:
        async with self._checking:
            started = time.monotonic()
            if started - _checked[0] < self.cache_seconds:
                return  # checked while this request waited
            held = dict(_cache)
            ids = sorted({cached.viewer.key_id for cached in held.values()})
            valid = {row["id"] for row in await self.graph.read(STILL_VALID, {"ids": ids})}
            for presented, cached in held.items():
                if cached.viewer.key_id not in valid:
                    _cache.pop(presented, None)
            _checked[0] = started


# Verified keys by the key as presented, oldest first; shared by the process's verifiers.
_cache: dict[str, _Cached] = {}
# When the cached keys were last checked against the graph (monotonic seconds).
_checked = [0.0]


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
