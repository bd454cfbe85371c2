// kind_too_long, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"kind": ["SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE", "SALE"]}}

// --- touchpoints
// error LIST_TOO_LONG at filter.kind: At most 50 items.
