// default_sort_without_pii, read by: analyst
// query { customers { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.createdAt, x1.id
  LIMIT $p3
  RETURN {`cursor`: [toString(x1.createdAt), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "CREATED_AT_ASC",
//   "p3": 21
// }
