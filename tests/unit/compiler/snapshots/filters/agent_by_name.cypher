// agent_by_name, read by: agent
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"name": {"equals": "Ada"}}}

// --- customers
// error FORBIDDEN at filter: Filtering on names or e-mails needs the pii:read scope.
