// partner_with_pii_by_sla_breached, read by: partner with pii:read
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"slaBreached": true}}

// --- touchpoints
// error FORBIDDEN at filter.slaBreached: A partner key may not filter by slaBreached: it sees nothing of how complaints are handled.
