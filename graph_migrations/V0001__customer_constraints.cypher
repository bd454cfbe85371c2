// Every customer has a unique, immutable id; external ids (system + value) address a customer
// from a partner's or an import's point of view and are unique per system.
CREATE CONSTRAINT customer_id IF NOT EXISTS
FOR (c:Customer) REQUIRE c.id IS UNIQUE;

CREATE CONSTRAINT external_id_system_value IF NOT EXISTS
FOR (x:ExternalId) REQUIRE (x.system, x.value) IS UNIQUE;

CREATE INDEX customer_lifecycle_stage IF NOT EXISTS
FOR (c:Customer) ON (c.lifecycleStage);

CREATE INDEX customer_created_at IF NOT EXISTS
FOR (c:Customer) ON (c.createdAt);

CREATE INDEX customer_name IF NOT EXISTS
FOR (c:Customer) ON (c.name);
