// External-id systems, each owned by at most one partner: (:Partner)-[:OWNS_SYSTEM]->
// (:ExternalSystem {name}). A partner writes external ids only in the systems it owns.
CREATE CONSTRAINT external_system_name IF NOT EXISTS
FOR (s:ExternalSystem) REQUIRE s.name IS UNIQUE;
