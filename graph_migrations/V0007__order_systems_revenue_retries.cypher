// Order numbers are unique per numbering system rather than globally: a partner's numbers and
// the business's own ("cdp") may coincide. Orders placed before systems existed are the
// business's own.
MATCH (o:Order) WHERE o.system IS NULL
SET o.system = 'cdp';

DROP CONSTRAINT order_number IF EXISTS;

CREATE CONSTRAINT order_system_number IF NOT EXISTS
FOR (o:Order) REQUIRE (o.system, o.number) IS UNIQUE;

// Idempotency keys of retried mutations: one per caller, operation and key.
CREATE CONSTRAINT idempotency_key IF NOT EXISTS
FOR (k:IdempotencyKey) REQUIRE (k.scope, k.operation, k.key) IS UNIQUE;

// Stored revenue lost updates under concurrent order changes: recompute it for every customer
// from the completed orders. A sum beyond 64 bits (possible only for orders stored before
// amounts were bounded) saturates instead of failing.
MATCH (c:Customer)
WITH c, COLLECT { MATCH (c)-[:PLACED]->(o:Order) WHERE o.status = 'COMPLETED'
                  RETURN coalesce(o.totalMinor, 0) } AS totals
SET c.revenueMinor = CASE
      WHEN reduce(total = 0.0, minor IN totals | total + toFloat(minor)) >= 9.223372036854776e18
      THEN 9223372036854775807 ELSE reduce(total = 0, minor IN totals | total + minor) END;
