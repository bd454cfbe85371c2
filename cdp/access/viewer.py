"""Who is asking: the role and scopes of the API key behind a request, and what they allow."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"  # everything
    AGENT = "agent"  # a CRM user: reads and writes customers, touchpoints, orders
    ANALYST = "analyst"  # data teams: reads what analysis needs, PII masked unless granted
    PARTNER = "partner"  # an integration: only the customers it is entitled to, with consent


PII_READ = "pii:read"
SCOPES = frozenset({PII_READ})


@dataclass(frozen=True)
class Viewer:
    key_id: str
    role: Role
    scopes: frozenset[str] = field(default_factory=frozenset)
    partner_id: str | None = None
    employee_id: str | None = None  # the person the key acts for, if it names one

    @property
    def actor(self) -> str:
        """Who acts, as histories and audit records name them: the key's employee, or the key
        itself where it names none."""
        return self.employee_id or self.key_id

    @property
    def sees_pii(self) -> bool:
        return self.role is Role.ADMIN or PII_READ in self.scopes

    @property
    def partner(self) -> str | None:
        """The partner whose entitlements bound what this viewer sees, if any."""
        return self.partner_id if self.role is Role.PARTNER else None

    @property
    def writes_customers(self) -> bool:
        return self.role in (Role.ADMIN, Role.AGENT, Role.PARTNER)

    @property
    def writes_reference_data(self) -> bool:
        return self.role is Role.ADMIN


# The platform itself (the CLI, demo data, migrations): not a client, sees and does everything.
SYSTEM = Viewer(key_id="system", role=Role.ADMIN)
