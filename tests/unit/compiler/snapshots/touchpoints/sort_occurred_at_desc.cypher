// sort_occurred_at_desc, read by: admin
// query { touchpoints(orderBy: OCCURRED_AT_DESC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- touchpoints
RETURN {`totalCount`: COUNT {
  MATCH (x1:Touchpoint) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`cursor`: [toString(x1.occurredAt), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 21
// }
