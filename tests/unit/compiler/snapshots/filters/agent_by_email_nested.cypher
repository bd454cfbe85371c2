// agent_by_email_nested, read by: agent
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"OR": [{"NOT": {"email": {"contains": "x"}}}]}}

// --- customers
// error FORBIDDEN at filter: Filtering on names or e-mails needs the pii:read scope.
