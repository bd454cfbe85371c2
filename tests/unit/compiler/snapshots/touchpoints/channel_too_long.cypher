// channel_too_long, read by: admin
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"channel": ["EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL"]}}

// --- touchpoints
// error LIST_TOO_LONG at filter.channel: At most 50 items.
