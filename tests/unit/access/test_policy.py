"""The access rules: each domain's, joined into the one set every request's policy applies."""

from __future__ import annotations

import pytest

from cdp.access.policy import FULL_ACCESS, PLATFORM_RULES, Policy, rules
from cdp.access.viewer import Role, Viewer
from cdp.errors import Forbidden
from cdp.read_model import ACCESS_RULES

AGENT = Viewer("a", Role.AGENT)
PARTNER = Viewer("p", Role.PARTNER, partner_id="par_1")
ANALYST = Viewer("n", Role.ANALYST)


def test_rules_of_several_domains_join_role_by_role() -> None:
    joined = (
        PLATFORM_RULES
        | rules(agent=["placeOrder"], partner=["placeOrder"])
        | rules(agent=["addContact"], hidden_from_partner=["Touchpoint.handledBy"])
    )
    assert joined.mutations[Role.AGENT] == {"placeOrder", "addContact"}
    assert joined.mutations[Role.PARTNER] == {"placeOrder"}
    assert "Touchpoint.handledBy" in joined.forbidden[Role.PARTNER]
    assert "Touchpoint.handledBy" not in joined.forbidden[Role.AGENT]
    assert "Query.auditLog" in joined.forbidden[Role.ANALYST]  # the platform's own, kept


def test_a_role_runs_only_the_mutations_its_rules_name() -> None:
    Policy(AGENT, ACCESS_RULES).check_mutation("linkInfluence")
    with pytest.raises(Forbidden) as refused:
        Policy(PARTNER, ACCESS_RULES).check_mutation("linkInfluence")
    assert refused.value.field == "linkInfluence"
    with pytest.raises(Forbidden):
        Policy(ANALYST, ACCESS_RULES).check_mutation("createCustomer")
    FULL_ACCESS.check_mutation("eraseCustomer")  # admins (and the platform itself) run all


def test_a_partner_may_not_read_what_the_domains_hide_from_it() -> None:
    Policy(AGENT, ACCESS_RULES).check_field("Customer", "accountOwner")
    for hidden in ("Customer.accountOwner", "Touchpoint.handledBy", "Query.employees"):
        type_name, field_name = hidden.split(".")
        with pytest.raises(Forbidden) as refused:
            Policy(PARTNER, ACCESS_RULES).check_field(type_name, field_name)
        assert refused.value.field == hidden
