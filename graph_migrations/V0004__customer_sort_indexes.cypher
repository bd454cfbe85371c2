// Customer lists sort by lifetime revenue and last contact time, kept on the customer by the
// write path; orders are read newest first.
CREATE INDEX customer_revenue IF NOT EXISTS
FOR (c:Customer) ON (c.revenueMinor);

CREATE INDEX customer_last_contact_at IF NOT EXISTS
FOR (c:Customer) ON (c.lastContactAt);

CREATE INDEX order_placed_at IF NOT EXISTS
FOR (n:Order) ON (n.placedAt);

CREATE INDEX acquisition_source_kind IF NOT EXISTS
FOR (n:AcquisitionSource) ON (n.kind);
