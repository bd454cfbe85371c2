"""What a viewer may see and do, applied inside the compiled Cypher.

- Personal data (declared in `cdp.access.privacy`) is masked for viewers without `pii:read`.
- A partner sees only the customers it brought or that were shared with it, and only while the
  customer's consent to sharing with partners stands; everything reached through a customer
  (orders, touchpoints, contacts) follows it.
- Some fields are forbidden to some roles (`FORBIDDEN`), and so are the filters and sorts that
  would reveal masked values by trial and error.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdp.access.privacy import MASKS, PII_FILTERS, PII_SORTS
from cdp.access.viewer import SYSTEM, Role, Viewer
from cdp.errors import Forbidden

# Staff records and the influence network are not a partner's business.
_ADMIN_ONLY = frozenset({"Query.auditLog", "Query.exportCustomerData", "Query.apiKeys"})
FORBIDDEN: dict[Role, frozenset[str]] = {
    Role.AGENT: _ADMIN_ONLY,
    Role.ANALYST: _ADMIN_ONLY,
    Role.PARTNER: _ADMIN_ONLY
    | frozenset(
        {
            "Customer.accountOwner",
            "Customer.ownerHistory",
            "Customer.influences",
            "Customer.influencedBy",
            "Customer.contactOf",
            "Touchpoint.handledBy",
            "Query.employees",
            "AcquisitionSource.customers",
            "Product.customers",
            "AcquisitionSource.customerCount",
            "Product.customerCount",
        }
    ),
}
# The mutations each role may run (admins: all).
MUTATIONS: dict[Role, frozenset[str]] = {
    Role.AGENT: frozenset(
        {
            "createCustomer",
            "updateCustomer",
            "upsertCustomer",
            "upsertCustomers",
            "assignAccountOwner",
            "addContact",
            "recordTouchpoint",
            "placeOrder",
            "setOrderStatus",
            "markInvoicePaid",
            "linkInfluence",
            "unlinkInfluence",
            "recordConsent",
        }
    ),
    Role.ANALYST: frozenset(),
    Role.PARTNER: frozenset(
        {
            "createCustomer",
            "updateCustomer",
            "upsertCustomer",
            "upsertCustomers",
            "recordTouchpoint",
            "placeOrder",
            "recordConsent",
        }
    ),
}
SHARING = "SHARING"
# Filters that would tell a partner what it may not read (who owns a customer), by trial and
# error; a handler filter joins them when there is one.
_STAFF_FILTERS = {"account_owner_id": "accountOwnerId"}
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

    @property
    def partner(self) -> str | None:
        return self.viewer.partner

    def mask(self, type_name: str, field_name: str) -> str | None:
        """The masked expression template of a PII field this viewer may not read."""
        if self.viewer.sees_pii:
            return None
        return MASKS.get(type_name, {}).get(field_name)

    def check_field(self, type_name: str, field_name: str) -> None:
        if f"{type_name}.{field_name}" in FORBIDDEN.get(self.viewer.role, frozenset()):
            raise Forbidden(
                f"A {self.viewer.role} key may not read {type_name}.{field_name}.",
                field=f"{type_name}.{field_name}",
            )

    def check_mutation(self, name: str) -> None:
        if self.viewer.role is Role.ADMIN:
            return
        if name not in MUTATIONS.get(self.viewer.role, frozenset()):
            raise Forbidden(f"A {self.viewer.role} key may not run {name}.", field=name)

    def check_filter(self, spec: dict[str, object] | None, order_by: str | None) -> None:
        if self.partner is not None and (path := _staff_filter(spec, "filter")) is not None:
            raise Forbidden("A partner key may not filter by account owner.", field=path)
        if self.viewer.sees_pii:
            return
        if order_by in PII_SORTS:
            raise Forbidden("Sorting by name needs the pii:read scope.", field="orderBy")
        if spec and _uses(spec, PII_FILTERS):
            raise Forbidden(
                "Filtering on names or e-mails needs the pii:read scope.", field="filter"
            )

    def customer_visible(self, var: str, partner_param: str) -> list[str]:
        """Conditions under which customer `var` is visible (none for staff)."""
        if self.partner is None:
            return []
        return [
            f"(EXISTS {{ ({var})<-[:BROUGHT]-(:Partner {{id: {partner_param}}}) }} "
            f"OR EXISTS {{ ({var})-[:SHARED_WITH]->(:Partner {{id: {partner_param}}}) }})",
            f"{latest_sharing(var)} = 'GRANTED'",
        ]


def latest_sharing(var: str) -> str:
    """The status of customer `var`'s latest SHARING event (null if none): by when it was
    given, then when it was recorded, whatever its channel (events stored with one before
    sharing lost its channel still count). Visibility and the consent guard both read this."""
    return (
        f"COLLECT {{ MATCH ({var})-[:GAVE]->(consent:ConsentEvent) "
        f"WHERE consent.purpose = '{SHARING}' RETURN consent.status "
        f"ORDER BY consent.at DESC, consent.recordedAt DESC LIMIT 1 }}[0]"
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
FULL_ACCESS = Policy(SYSTEM)
