// after_no_due_at, read by: admin
// query ($after: String) { touchpoints(orderBy: DUE_AT_ASC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJEVUVfQVRfQVNDIiwiOTk5OS0xMi0zMVQyMzo1OTo1OVoiLCJ0cHRfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDciXQ"}

// --- touchpoints
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WHERE ((coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')) > datetime($p0)) OR (coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')) = datetime($p0) AND x1.id > $p1))
  WITH x1
  ORDER BY coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z')), x1.id
  LIMIT $p5
  RETURN {`cursor`: [toString(coalesce(x1.dueAt, datetime('9999-12-31T23:59:59Z'))), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": "9999-12-31T23:59:59Z",
//   "p1": "tpt_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "DUE_AT_ASC",
//   "p5": 3
// }
