// partner_by_account_owner_nested, read by: partner with pii:read
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"OR": [{"kind": "PERSON"}, {"influences": {"accountOwnerId": "emp_00000000000000000000000000000004"}}]}}

// --- customers
// error FORBIDDEN at filter.OR[1].influences.accountOwnerId: A partner key may not filter by account owner.
