// order_items, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     orders(first: 5) {
//       nodes {
//         number
//         items {
//           quantity
//           unitPrice { amount currency }
//           total { amount minorUnits currency }
//           product { id sku name }
//         }
//       }
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`orders`: {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p5
  RETURN {`item`: x1 {.number, `items`: COLLECT {
    MATCH (x1)-[x2:CONTAINS]->(x2_o:Product)
    WITH x2, x2_o
    ORDER BY x2.position
    LIMIT $p1
    RETURN x2 {.quantity, `unitPrice`: CASE WHEN x2.unitPriceMinor IS NULL THEN null ELSE {minor: x2.unitPriceMinor, currency: startNode(x2).currency} END, `total`: CASE WHEN x2.quantity * x2.unitPriceMinor IS NULL THEN null ELSE {minor: x2.quantity * x2.unitPriceMinor, currency: startNode(x2).currency} END, `product`: x2_o {.id, .sku, .name}} }}} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": 5,
//   "p3": false,
//   "p4": "NEWEST",
//   "p5": 6
// }
