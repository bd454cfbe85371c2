// after_last_contact, read by: admin
// query ($after: String) { customers(orderBy: LAST_CONTACT_AT_ASC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJMQVNUX0NPTlRBQ1RfQVRfQVNDIiwiMDAwMS0wMS0wMVQwMDowMDowMFoiLCJjdXNfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDciXQ"}

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE ((coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z')) > datetime($p0)) OR (coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z')) = datetime($p0) AND x1.id > $p1))
  WITH x1
  ORDER BY coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z')), x1.id
  LIMIT $p5
  RETURN {`cursor`: [toString(coalesce(x1.lastContactAt, datetime('0001-01-01T00:00:00Z'))), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "0001-01-01T00:00:00Z",
//   "p1": "cus_00000000000000000000000000000007",
//   "p2": 20,
//   "p3": true,
//   "p4": "LAST_CONTACT_AT_ASC",
//   "p5": 21
// }
