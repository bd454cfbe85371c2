// The contact policy: one node, whose settings an admin changes (a setting never stored has its
// default in cdp/contact_policy/rules.py).
CREATE CONSTRAINT contact_policy_id IF NOT EXISTS
FOR (p:ContactPolicy) REQUIRE p.id IS UNIQUE;
