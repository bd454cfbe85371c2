// sort_by_revenue_without_pii, read by: agent
// query { customers(orderBy: LIFETIME_REVENUE_DESC) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY coalesce(x1.revenueMinor, 0) DESC, x1.id DESC
  LIMIT $p3
  RETURN {`cursor`: [coalesce(x1.revenueMinor, 0), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "LIFETIME_REVENUE_DESC",
//   "p3": 21
// }
