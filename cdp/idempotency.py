"""Retries without duplicates: a client's idempotency key stands for its first request.

A key is an `IdempotencyKey` node, unique per (scope, operation, key) by a constraint, where the
scope is the caller: its partner for a partner key (every key of one integration shares its
retries), else the API key itself, so two callers never meet on one key. Claiming it is a MERGE
on that node, the first statement of the mutation's transaction: concurrent requests with one
key wait on the constraint's lock until the first commits, then find its result. A key answers
for 24 hours; after that it may be used again for a new request.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cdp.access.policy import Policy
from cdp.errors import BadUserInput, Conflict, NotFound, TextTooLong
from cdp.writes import Tx, one

MAX_KEY_LENGTH = 128
LIFETIME = timedelta(hours=24)

_CLAIM = """
MERGE (k:IdempotencyKey {scope: $scope, operation: $operation, key: $key})
ON CREATE SET k.createdAt = $now, k.fingerprint = $fingerprint, k.claim = $claim
RETURN k.claim = $claim AS claimed, k.createdAt < $expiredBefore AS expired,
       k.fingerprint AS fingerprint, k.resultId AS resultId
"""
# An expired key is taken over under its write lock, then read again: another request may have
# taken it over first.
_LOCK = """
MATCH (k:IdempotencyKey {scope: $scope, operation: $operation, key: $key})
SET k.claim = $claim
RETURN k.key AS key
"""
_RENEW = """
MATCH (k:IdempotencyKey {scope: $scope, operation: $operation, key: $key})
WITH k, k.createdAt < $expiredBefore AS expired
SET k.createdAt = CASE WHEN expired THEN $now ELSE k.createdAt END,
    k.fingerprint = CASE WHEN expired THEN $fingerprint ELSE k.fingerprint END,
    k.resultId = CASE WHEN expired THEN null ELSE k.resultId END
RETURN expired, k.fingerprint AS fingerprint, k.resultId AS resultId
"""
_SETTLE = """
MATCH (k:IdempotencyKey {scope: $scope, operation: $operation, key: $key})
SET k.resultId = $resultId
RETURN k.key AS key
"""


def require_key(value: str | None, field: str) -> str | None:
    """The key as given (it is opaque: nothing is trimmed), None when there is none."""
    if value is None:
        return None
    if not value.strip():
        raise BadUserInput("An idempotency key must not be blank.", field=field)
    if len(value) > MAX_KEY_LENGTH:
        raise TextTooLong(
            f"At most {MAX_KEY_LENGTH} characters.", field=field, limit=MAX_KEY_LENGTH
        )
    return value


def fingerprint(data: dict[str, Any]) -> str:
    """What the request asked for, the key itself left out: equal inputs, equal prints."""
    asked = {name: value for name, value in data.items() if name != "idempotency_key"}
    text = json.dumps(asked, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def caller_scope(policy: Policy) -> str:
    viewer = policy.viewer
    if viewer.partner is not None:
        return f"partner:{viewer.partner}"
    return f"key:{viewer.key_id}"


@dataclass(frozen=True)
class Retry:
    """One request's claim on a key."""

    operation: str
    key: str
    field: str
    fingerprint: str
    now: datetime
    scope: str
    claim: str

    @classmethod
    def of(
        cls,
        operation: str,
        key: str,
        field: str,
        data: dict[str, Any],
        now: datetime,
        policy: Policy,
    ) -> Retry:
        """The claim of the caller `policy` is for."""
        scope = caller_scope(policy)
        return cls(operation, key, field, fingerprint(data), now, scope, secrets.token_hex(8))

    def _params(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "operation": self.operation,
            "key": self.key,
            "now": self.now,
            "expiredBefore": self.now - LIFETIME,
            "fingerprint": self.fingerprint,
            "claim": self.claim,
        }

    async def first_result(self, tx: Tx) -> str | None:
        """Claim the key: None when this request is its first (write, then `settle`), else
        the id of what the first request made. CONFLICT when the key came with other input."""
        params = self._params()
        row = await one(tx, _CLAIM, params)
        assert row is not None
        if row["claimed"]:
            return None
        if row["expired"]:
            await one(tx, _LOCK, params)
            row = await one(tx, _RENEW, params)
            assert row is not None
            if row["expired"]:
                return None
        if row["fingerprint"] != self.fingerprint:
            raise Conflict(
                "This idempotency key was used for a different request.", field=self.field
            )
        return str(row["resultId"])

    def gone(self) -> NotFound:
        """What the first request made was removed since (a customer's deletion, an erasure)."""
        return NotFound("What the first request with this key made is gone.", field=self.field)

    async def settle(self, tx: Tx, result_id: str) -> None:
        await one(tx, _SETTLE, {**self._params(), "resultId": result_id})
