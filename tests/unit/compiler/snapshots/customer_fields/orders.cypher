// orders, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     orders {
//              totalCount
//              edges { cursor node {
//        id number system status placedAt paymentMethod currency invoiceDueDate paidAt
//        total { amount minorUnits currency }
//     } }
//              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
//            }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`orders`: {`totalCount`: COUNT {
  MATCH (c)-[:PLACED]->(x1:Order) }, `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`cursor`: [toString(x1.placedAt), x1.id], `node`: [m2 IN [x1 {.id, .number, .status, .placedAt, .paymentMethod, .currency, .invoiceDueDate, .paidAt, `system`: coalesce(x1.system, 'cdp'), `total`: CASE WHEN x1.totalMinor IS NULL THEN null ELSE {minor: x1.totalMinor, currency: x1.currency} END}] | m2 {.*, `placedAt`: toString(m2.`placedAt`), `paidAt`: toString(m2.`paidAt`)}][0]} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
