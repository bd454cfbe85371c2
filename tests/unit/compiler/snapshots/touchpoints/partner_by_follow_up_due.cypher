// partner_by_follow_up_due, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"followUpDue": true}}

// --- touchpoints
// error FORBIDDEN at filter.followUpDue: A partner key may not filter by followUpDue: it sees nothing of how complaints are handled.
