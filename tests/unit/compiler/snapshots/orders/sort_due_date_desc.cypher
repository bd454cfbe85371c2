// sort_due_date_desc, read by: admin
// query { orders(orderBy: DUE_DATE_DESC) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- orders
RETURN {`totalCount`: COUNT {
  MATCH (x1:Order) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY coalesce(x1.invoiceDueDate, date('0001-01-01')) DESC, x1.id DESC
  LIMIT $p3
  RETURN {`cursor`: [toString(coalesce(x1.invoiceDueDate, date('0001-01-01'))), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "DUE_DATE_DESC",
//   "p3": 21
// }
