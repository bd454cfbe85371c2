// default, read by: admin
// query { orders { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- orders
RETURN {`totalCount`: COUNT {
  MATCH (x1:Order) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`cursor`: [toString(x1.placedAt), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "PLACED_AT_DESC",
//   "p3": 21
// }
