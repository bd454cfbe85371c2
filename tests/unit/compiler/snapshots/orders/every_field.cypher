// every_field, read by: admin
// query ($filter: OrderFilter) { orders(filter: $filter, orderBy: DUE_DATE_ASC) { totalCount nodes { id } } }
// variables: {"filter": {"status": ["COMPLETED"], "unpaid": true, "overdue": true, "accountOwner": "emp_00000000000000000000000000000004", "customer": "cus_00000000000000000000000000000001", "placedAfter": "2026-01-01T00:00:00Z", "placedBefore": "2026-03-01T00:00:00Z", "dueBefore": "2026-03-05"}}

// --- orders
RETURN [matching4 IN [COLLECT {
  MATCH (x1:Order)<-[:PLACED]-(c2:Customer)
  WHERE c2.id = $p0 AND EXISTS {
    MATCH (c2)<-[o3:OWNS]-(:Employee {id: $p1})
    WHERE o3.until IS NULL } AND x1.status IN $p2 AND x1.paidAt IS NULL AND (x1.invoiceDueDate < $p3 AND x1.paidAt IS NULL AND x1.status IN ['PENDING', 'COMPLETED']) AND x1.placedAt >= $p4 AND x1.placedAt < $p5 AND x1.invoiceDueDate < $p6
  WITH x1
  ORDER BY coalesce(x1.invoiceDueDate, date('9999-12-31')), x1.id
  RETURN x1 }] | {`totalCount`: size(matching4), `first`: $p7, `after`: $p8, `sort`: $p9, `rows`: [x1 IN matching4[..$p10] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": "emp_00000000000000000000000000000004",
//   "p2": [
//     "COMPLETED"
//   ],
//   "p3": {
//     "date": "2026-03-10"
//   },
//   "p4": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p5": {
//     "datetime": "2026-03-01T00:00:00+00:00"
//   },
//   "p6": {
//     "date": "2026-03-05"
//   },
//   "p7": 20,
//   "p8": false,
//   "p9": "DUE_DATE_ASC",
//   "p10": 21
// }
