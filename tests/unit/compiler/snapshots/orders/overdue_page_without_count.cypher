// overdue_page_without_count, read by: admin
// query ($filter: OrderFilter) { orders(filter: $filter, orderBy: DUE_DATE_ASC, first: 10) { edges { cursor node { id number invoiceDueDate } } } }
// variables: {"filter": {"overdue": true}}

// --- orders
RETURN {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (x1:Order)
  WHERE (x1.invoiceDueDate < $p0 AND x1.paidAt IS NULL AND x1.status IN ['PENDING', 'COMPLETED'])
  WITH x1
  ORDER BY coalesce(x1.invoiceDueDate, date('9999-12-31')), x1.id
  LIMIT $p4
  RETURN {`cursor`: [toString(coalesce(x1.invoiceDueDate, date('9999-12-31'))), x1.id], `node`: x1 {.id, .number, .invoiceDueDate}} }} AS row
// params
// {
//   "p0": {
//     "date": "2026-03-10"
//   },
//   "p1": 10,
//   "p2": false,
//   "p3": "DUE_DATE_ASC",
//   "p4": 11
// }
