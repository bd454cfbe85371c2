// after_total, read by: admin
// query ($after: String) { orders(orderBy: TOTAL_DESC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJUT1RBTF9ERVNDIiwxMjUwMDAsIm9yZF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- orders
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Order)
  WHERE ((coalesce(x1.totalMinor, 0) < $p0) OR (coalesce(x1.totalMinor, 0) = $p0 AND x1.id < $p1))
  WITH x1
  ORDER BY coalesce(x1.totalMinor, 0) DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [coalesce(x1.totalMinor, 0), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 125000,
//   "p1": "ord_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "TOTAL_DESC",
//   "p5": 3
// }
