// sort_last_contact_at_asc, read by: admin
// query { customers(orderBy: LAST_CONTACT_AT_ASC) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z')), x1.id
  LIMIT $p3
  RETURN {`cursor`: [toString(coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z'))), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "LAST_CONTACT_AT_ASC",
//   "p3": 21
// }
