// after_no_due_date_desc, read by: admin
// query ($after: String) { orders(orderBy: DUE_DATE_DESC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJEVUVfREFURV9ERVNDIiwiMDAwMS0wMS0wMSIsIm9yZF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- orders
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Order)
  WHERE ((coalesce(x1.invoiceDueDate, date('0001-01-01')) < date($p0)) OR (coalesce(x1.invoiceDueDate, date('0001-01-01')) = date($p0) AND x1.id < $p1))
  WITH x1
  ORDER BY coalesce(x1.invoiceDueDate, date('0001-01-01')) DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [toString(coalesce(x1.invoiceDueDate, date('0001-01-01'))), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": "0001-01-01",
//   "p1": "ord_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "DUE_DATE_DESC",
//   "p5": 3
// }
