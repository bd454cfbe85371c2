"""What a viewer may see and do, applied inside the compiled Cypher.

- Personal data (declared on each type's spec, `ObjectSpec.masks`) is masked for viewers without
  `pii:read`.
- A partner sees only the customers it brought or that were shared with it, and only while the
  customer's consent to sharing with partners stands; everything reached through a customer
  (orders, touchpoints, contacts) follows it (the Cypher: `cdp.compiler.cypher.partner_sees`).
- Each role other than admin runs only the mutations its rules name, and may not read the fields
  they forbid; nor may it use the filters and sorts that would reveal masked values by trial and
  error. Each domain declares its rules (`ACCESS` in its `model.py`); `cdp.read_model` joins
  them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from cdp.access.privacy import PII_FILTERS, PII_SORTS
from cdp.access.viewer import SYSTEM, Role, Viewer
from cdp.errors import Forbidden

Grants = Mapping[Role, frozenset[str]]


@dataclass(frozen=True)
class AccessRules:
    """Per role other than admin: the mutations it may run (by field name) and the fields it
    may not read (`Type.field`). Rules of several domains join with `|`."""

    mutations: Grants = field(default_factory=lambda: MappingProxyType({}))
    forbidden: Grants = field(default_factory=lambda: MappingProxyType({}))

    def __or__(self, other: AccessRules) -> AccessRules:
        return AccessRules(
            _joined(self.mutations, other.mutations), _joined(self.forbidden, other.forbidden)
        )

    @classmethod
    def joined(cls, rules: Iterable[AccessRules]) -> AccessRules:
        result = cls()
        for each in rules:
            result |= each
        return result


def _joined(one: Grants, other: Grants) -> Grants:
    return MappingProxyType(
        {role: one.get(role, frozenset()) | other.get(role, frozenset()) for role in {*one, *other}}
    )


def rules(
    *,
    agent: Iterable[str] = (),
    partner: Iterable[str] = (),
    hidden_from_partner: Iterable[str] = (),
) -> AccessRules:
    """A domain's rules: the mutations agents and partners may run (analysts run none), and the
    fields a partner may not read (staff records, the influence network)."""
    return AccessRules(
        mutations=MappingProxyType(
            {Role.AGENT: frozenset(agent), Role.PARTNER: frozenset(partner)}
        ),
        forbidden=MappingProxyType({Role.PARTNER: frozenset(hidden_from_partner)}),
    )


# The platform's own root fields (the audit log, API keys, a customer's data export) are for
# admins only.
_ADMIN_ONLY = frozenset({"Query.auditLog", "Query.exportCustomerData", "Query.apiKeys"})
PLATFORM_RULES = AccessRules(
    forbidden=MappingProxyType({role: _ADMIN_ONLY for role in Role if role is not Role.ADMIN})
)
# Filters that would tell a partner what it may not read (who owns a customer), by trial and
# error, by their Python names in `CustomerFilter` and `OrderFilter`; a handler filter joins
# them when there is one.
_STAFF_FILTERS = {"account_owner_id": "accountOwnerId", "account_owner": "accountOwner"}
# How the business handles complaints is not a partner's business: whether one is open, late or
# due a follow-up, who handles it (`TouchpointFilter`, which has no nesting), and the order of
# their due times.
_HANDLING_FILTERS = {
    "open": "open",
    "sla_breached": "slaBreached",
    "handled_by": "handledBy",
    "follow_up_due": "followUpDue",
}
_HANDLING_SORTS = frozenset({"DUE_AT_ASC"})
_NESTED_FILTERS = {
    "and_": "AND",
    "or_": "OR",
    "not_": "NOT",
    "influences": "influences",
    "influenced_by": "influencedBy",
}


@dataclass(frozen=True)
class Policy:
    viewer: Viewer
    rules: AccessRules

    @property
    def partner(self) -> str | None:
        return self.viewer.partner

    def check_field(self, type_name: str, field_name: str) -> None:
        if f"{type_name}.{field_name}" in self.rules.forbidden.get(self.viewer.role, ()):
            raise Forbidden(
                f"A {self.viewer.role} key may not read {type_name}.{field_name}.",
                field=f"{type_name}.{field_name}",
            )

    def check_mutation(self, name: str) -> None:
        if self.viewer.role is Role.ADMIN:
            return
        if name not in self.rules.mutations.get(self.viewer.role, ()):
            raise Forbidden(f"A {self.viewer.role} key may not run {name}.", field=name)

    def check_filter(self, spec: dict[str, object] | None, order_by: str | None) -> None:
        if self.partner is not None and (path := _staff_filter(spec, "filter")) is not None:
            raise Forbidden("A partner key may not filter by account owner.", field=path)
        if self.partner is not None:
            _check_handling(spec, order_by)
        if self.viewer.sees_pii:
            return
        if order_by in PII_SORTS:
            raise Forbidden("Sorting by name needs the pii:read scope.", field="orderBy")
        if spec and _uses(spec, PII_FILTERS):
            raise Forbidden(
                "Filtering on names or e-mails needs the pii:read scope.", field="filter"
            )


def _staff_filter(spec: object, path: str) -> str | None:
    """The path of the first filter on staff records in a (nested) customer filter."""
    if isinstance(spec, list):
        for index, item in enumerate(spec):
            if (found := _staff_filter(item, f"{path}[{index}]")) is not None:
                return found
        return None
    if not isinstance(spec, dict):
        return None
    for key, name in _STAFF_FILTERS.items():
        if spec.get(key) is not None:
            return f"{path}.{name}"
    for key, name in _NESTED_FILTERS.items():
        if (found := _staff_filter(spec.get(key), f"{path}.{name}")) is not None:
            return found
    return None


def _check_handling(spec: dict[str, object] | None, order_by: str | None) -> None:
    """Refuse a partner the filters and sorts on complaint handling, naming the first used."""
    for key, name in _HANDLING_FILTERS.items():
        if spec and spec.get(key) is not None:
            raise Forbidden(
                f"A partner key may not filter by {name}: it sees nothing of how complaints are "
                "handled.",
                field=f"filter.{name}",
            )
    if order_by in _HANDLING_SORTS:
        raise Forbidden("A partner key may not sort by due time.", field="orderBy")


def _uses(spec: object, names: frozenset[str]) -> bool:
    """Whether a (nested) filter uses any of `names`."""
    if isinstance(spec, dict):
        return any(
            (key in names and value is not None) or _uses(value, names)
            for key, value in spec.items()
        )
    if isinstance(spec, list):
        return any(_uses(item, names) for item in spec)
    return False


# The platform's own work (CLI, demo data, migrations) has full access, and says so.
FULL_ACCESS = Policy(SYSTEM, PLATFORM_RULES)
