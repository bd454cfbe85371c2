"""How contacts are read: the people an organization deals with.

(:Customer)-[:HAS_CONTACT]->(:Contact)-[:IS]->(:Customer).
"""

from __future__ import annotations

from cdp.compiler.projection import NODE, ObjectSpec, Related, prop

SPECS = (
    ObjectSpec(
        "Contact",
        interfaces=NODE,
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
