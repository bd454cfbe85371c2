// nested_too_deep, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"NOT": {"NOT": {"NOT": {"NOT": {"NOT": {"NOT": {"kind": "PERSON"}}}}}}}}

// --- customers
// error FILTER_TOO_BROAD at filter.NOT.NOT.NOT.NOT.NOT.NOT: Filters nest at most 5 levels deep.
