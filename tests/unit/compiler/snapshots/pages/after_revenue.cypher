// after_revenue, read by: admin
// query ($after: String) { customers(orderBy: LIFETIME_REVENUE_DESC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJMSUZFVElNRV9SRVZFTlVFX0RFU0MiLDEyNTAwMCwiY3VzXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE ((coalesce(x1.revenueMinor, 0) < $p0) OR (coalesce(x1.revenueMinor, 0) = $p0 AND x1.id < $p1))
  WITH x1
  ORDER BY coalesce(x1.revenueMinor, 0) DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [coalesce(x1.revenueMinor, 0), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 125000,
//   "p1": "cus_00000000000000000000000000000007",
//   "p2": 20,
//   "p3": true,
//   "p4": "LIFETIME_REVENUE_DESC",
//   "p5": 21
// }
