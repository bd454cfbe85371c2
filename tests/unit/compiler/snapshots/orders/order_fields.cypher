// order_fields, read by: admin
// query {
//   orders(first: 5) {
//     nodes {
//       id number system status placedAt paymentMethod currency invoiceDueDate paidAt
//       total { amount currency }
//       items { quantity product { sku } }
//       customer { id name }
//     }
//   }
// }

// --- orders
RETURN {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`item`: [m7 IN [x1 {.id, .number, .status, .placedAt, .paymentMethod, .currency, .invoiceDueDate, .paidAt, `system`: coalesce(x1.system, 'cdp'), `total`: CASE WHEN x1.totalMinor IS NULL THEN null ELSE {minor: x1.totalMinor, currency: x1.currency} END, `items`: COLLECT {
    MATCH (x1)-[x3:CONTAINS]->(x3_o:Product)
    WITH x3, x3_o
    ORDER BY x3.position
    LIMIT $p0
    RETURN x3 {.quantity, `product`: x3_o {.sku}} }, `customer`: head(COLLECT {
    MATCH (x1)<-[:PLACED]-(x5:Customer)
    WITH x5
    LIMIT 1
    RETURN {`id`: x5.id, `name`: x5.name, `__audit`: x5.id} })}] | m7 {.*, `placedAt`: toString(m7.`placedAt`), `paidAt`: toString(m7.`paidAt`)}][0]} }} AS row
// params
// {
//   "p0": 100,
//   "p1": 5,
//   "p2": false,
//   "p3": "PLACED_AT_DESC",
//   "p4": 6
// }
// personal data read: Customer.name
