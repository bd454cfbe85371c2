// partner_filtered, read by: partner
// query ($filter: OrderFilter) { orders(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"customer": "cus_00000000000000000000000000000001", "overdue": true}}

// --- orders
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Order)<-[:PLACED]-(c2:Customer)
  WHERE (EXISTS { (c2)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c2)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (c2)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' AND c2.id = $p1 AND (x1.invoiceDueDate < $p2 AND x1.paidAt IS NULL AND x1.status IN ['PENDING', 'COMPLETED'])
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: [x1 IN matching3[..$p6] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": "cus_00000000000000000000000000000001",
//   "p2": {
//     "date": "2026-03-10"
//   },
//   "p3": 20,
//   "p4": false,
//   "p5": "PLACED_AT_DESC",
//   "p6": 21
// }
