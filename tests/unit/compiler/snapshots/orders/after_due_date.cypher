// after_due_date, read by: admin
// query ($after: String) { orders(orderBy: DUE_DATE_ASC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJEVUVfREFURV9BU0MiLCIyMDI2LTAzLTAxIiwib3JkXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- orders
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Order)
  WHERE ((coalesce(x1.invoiceDueDate, date('9999-12-31')) > date($p0)) OR (coalesce(x1.invoiceDueDate, date('9999-12-31')) = date($p0) AND x1.id > $p1))
  WITH x1
  ORDER BY coalesce(x1.invoiceDueDate, date('9999-12-31')), x1.id
  LIMIT $p5
  RETURN {`cursor`: [toString(coalesce(x1.invoiceDueDate, date('9999-12-31'))), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": "2026-03-01",
//   "p1": "ord_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "DUE_DATE_ASC",
//   "p5": 3
// }
