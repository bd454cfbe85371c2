// sort_total_asc, read by: admin
// query { orders(orderBy: TOTAL_ASC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- orders
RETURN {`totalCount`: COUNT {
  MATCH (x1:Order) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY coalesce(x1.totalMinor, 0), x1.id
  LIMIT $p3
  RETURN {`cursor`: [coalesce(x1.totalMinor, 0), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "TOTAL_ASC",
//   "p3": 21
// }
