"""How contacts are read: the people an organization deals with.

(:Customer)-[:HAS_CONTACT]->(:Contact)-[:IS]->(:Customer).
"""

from __future__ import annotations

from cdp.access import privacy
from cdp.access.policy import rules
from cdp.compiler.projection import NODE, ObjectSpec, Related, prop

SPECS = (
    ObjectSpec(
        "Contact",
        interfaces=NODE,
        owner=lambda customer, n: f"({customer}:Customer)-[:HAS_CONTACT]->({n})",
        id_prefix="con",
        masks={"name": privacy.initials, "emails": privacy.emails, "phones": privacy.phones},
        fields={
            "id": prop("id"),
            "name": prop("name"),
            "role": prop("role"),
            "emails": prop("emails", "[]"),
            "phones": prop("phones", "[]"),
            "channels": prop("channels", "[]"),
            "organization": Related(
                "Customer", lambda v, x, _: f"({v})<-[:HAS_CONTACT]-({x}:Customer)", single=True
            ),
            "person": Related(
                "Customer", lambda v, x, _: f"({v})-[:IS]->({x}:Customer)", single=True
            ),
        },
    ),
)

ACCESS = rules(agent=["addContact"])
