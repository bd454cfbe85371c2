// partner_by_sla_breached, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"slaBreached": false}}

// --- touchpoints
// error FORBIDDEN at filter.slaBreached: A partner key may not filter by slaBreached: it sees nothing of how complaints are handled.
