// sort_by_name_without_pii, read by: analyst
// query { customers(orderBy: NAME_DESC) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
// error FORBIDDEN at orderBy: Sorting by name needs the pii:read scope.
