// sort_lifetime_revenue_asc, read by: admin
// query { customers(orderBy: LIFETIME_REVENUE_ASC) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY coalesce(x1.revenueMinor, 0), x1.id
  LIMIT $p3
  RETURN {`cursor`: [coalesce(x1.revenueMinor, 0), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "LIFETIME_REVENUE_ASC",
//   "p3": 21
// }
