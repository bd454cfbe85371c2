// default, read by: admin
// query { campaigns { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- campaigns
RETURN {`totalCount`: COUNT {
  MATCH (x1:Campaign) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Campaign)
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  LIMIT $p3
  RETURN {`cursor`: [toString(x1.periodFrom), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "PERIOD_DESC",
//   "p3": 21
// }
