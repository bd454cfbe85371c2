// partner_by_open, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"open": true}}

// --- touchpoints
// error FORBIDDEN at filter.open: A partner key may not filter by open: it sees nothing of how complaints are handled.
