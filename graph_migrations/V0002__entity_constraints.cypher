// The id of every other entity of the customer graph is unique, as are the business keys
// (product SKU, order number) that people and partners use to find them.
CREATE CONSTRAINT contact_id IF NOT EXISTS
FOR (n:Contact) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT acquisition_source_id IF NOT EXISTS
FOR (n:AcquisitionSource) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT product_id IF NOT EXISTS
FOR (n:Product) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT product_sku IF NOT EXISTS
FOR (n:Product) REQUIRE n.sku IS UNIQUE;

CREATE CONSTRAINT order_id IF NOT EXISTS
FOR (n:Order) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT order_number IF NOT EXISTS
FOR (n:Order) REQUIRE n.number IS UNIQUE;

CREATE CONSTRAINT touchpoint_id IF NOT EXISTS
FOR (n:Touchpoint) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT employee_id IF NOT EXISTS
FOR (n:Employee) REQUIRE n.id IS UNIQUE;

CREATE INDEX order_status IF NOT EXISTS
FOR (n:Order) ON (n.status);

CREATE INDEX touchpoint_occurred_at IF NOT EXISTS
FOR (n:Touchpoint) ON (n.occurredAt);
