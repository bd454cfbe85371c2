// Full-text search over customer names and e-mail addresses. Neo4j's full-text indexes read
// string properties only, so the write path keeps `emailText` (all addresses, space-separated).
CREATE FULLTEXT INDEX customer_search IF NOT EXISTS
FOR (c:Customer) ON EACH [c.name, c.emailText];
