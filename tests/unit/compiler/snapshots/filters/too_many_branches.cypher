// too_many_branches, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"OR": [{"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}, {"kind": "PERSON"}]}}

// --- customers
// error FILTER_TOO_BROAD at filter.OR: At most 20 filters in one OR list.
