"""Who may see and change the contact policy, and what of it touchpoints show.

The policy itself is one node, `(:ContactPolicy {id: 'policy'})`, holding the settings an admin
changed (`cdp.contact_policy.rules.ContactPolicy` has every default).
"""

from __future__ import annotations

from cdp.access.policy import rules

# Changing the policy is an admin's (no role is granted `setContactPolicy`). How the business
# paces its contacts, and who overrode it, is not a partner's business.
ACCESS = rules(
    hidden_from_partner=["Query.contactPolicy", "Query.contactAllowed", "Touchpoint.override"],
)
