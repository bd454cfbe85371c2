// sort_due_at_asc, read by: admin
// query { touchpoints(orderBy: DUE_AT_ASC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- touchpoints
RETURN {`totalCount`: COUNT {
  MATCH (x1:Touchpoint) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')), x1.id
  LIMIT $p3
  RETURN {`cursor`: [toString(coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z'))), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "DUE_AT_ASC",
//   "p3": 21
// }
