// partner_by_handled_by, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"handledBy": "emp_00000000000000000000000000000003"}}

// --- touchpoints
// error FORBIDDEN at filter.handledBy: A partner key may not filter by handledBy: it sees nothing of how complaints are handled.
