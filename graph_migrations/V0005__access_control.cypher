// API keys and the partners whose integrations hold them.
CREATE CONSTRAINT api_key_id IF NOT EXISTS
FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;

CREATE CONSTRAINT partner_id IF NOT EXISTS
FOR (p:Partner) REQUIRE p.id IS UNIQUE;

CREATE CONSTRAINT partner_name IF NOT EXISTS
FOR (p:Partner) REQUIRE p.name IS UNIQUE;
