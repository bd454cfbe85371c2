"""What each domain declares, assembled: how every GraphQL object type is read from the graph
(the specs, in the one registry the compiler is given) and who may read and change what (the
access rules every request's policy applies)."""

from __future__ import annotations

from cdp.access.policy import PLATFORM_RULES, AccessRules
from cdp.campaigns import model as campaigns
from cdp.catalog import model as catalog
from cdp.compiler.projection import Registry
from cdp.consent import model as consent
from cdp.contact_policy import model as contact_policy
from cdp.contacts import model as contacts
from cdp.customers import model as customers
from cdp.goals import model as goals
from cdp.influence import model as influence
from cdp.orders import model as orders
from cdp.touchpoints import model as touchpoints
from cdp.work_queue import model as work_queue

READ_MODEL = Registry(
    (
        *customers.SPECS,
        *orders.SPECS,
        *touchpoints.SPECS,
        *influence.SPECS,
        *contacts.SPECS,
        *consent.SPECS,
        *catalog.SPECS,
        *work_queue.SPECS,
        *goals.SPECS,
        *campaigns.SPECS,
    )
)
# The object types whose values are rows of compiled queries.
TYPE_NAMES = READ_MODEL.names
ACCESS_RULES = AccessRules.joined(
    (
        PLATFORM_RULES,
        customers.ACCESS,
        orders.ACCESS,
        touchpoints.ACCESS,
        influence.ACCESS,
        contacts.ACCESS,
        consent.ACCESS,
        contact_policy.ACCESS,
        catalog.ACCESS,
        work_queue.ACCESS,
        goals.ACCESS,
        campaigns.ACCESS,
    )
)
