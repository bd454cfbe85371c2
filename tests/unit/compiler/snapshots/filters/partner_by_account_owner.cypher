// partner_by_account_owner, read by: partner
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"accountOwnerId": "emp_00000000000000000000000000000004"}}

// --- customers
// error FORBIDDEN at filter.accountOwnerId: A partner key may not filter by account owner.
