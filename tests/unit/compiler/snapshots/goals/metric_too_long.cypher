// metric_too_long, read by: admin
// query ($filter: GoalFilter) { goals(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"metric": ["REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE", "REVENUE"]}}

// --- goals
// error LIST_TOO_LONG at filter.metric: At most 50 items.
