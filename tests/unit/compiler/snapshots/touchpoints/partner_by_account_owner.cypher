// partner_by_account_owner, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"accountOwner": "emp_00000000000000000000000000000004"}}

// --- touchpoints
// error FORBIDDEN at filter.accountOwner: A partner key may not filter by account owner.
