// products_bought, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     productsBought {
//       quantity
//       revenue { amount currency }
//       lastPurchasedAt
//       product { id sku name price { amount } }
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`productsBought`: COLLECT {
  MATCH (c)-[:PLACED]->(o2:Order)-[li3:CONTAINS]->(x1_o:Product)
  WHERE o2.status = 'COMPLETED'
  WITH DISTINCT c, x1_o
  WITH x1_o, COLLECT {
    MATCH (c)-[:PLACED]->(o2:Order)-[li3:CONTAINS]->(x1_o)
    WHERE o2.status = 'COMPLETED'
    RETURN {quantity: li3.quantity, minor: li3.quantity * li3.unitPriceMinor, at: o2.placedAt, currency: o2.currency} } AS l4
  WITH x1_o, {quantity: reduce(s = 0, l IN l4 | s + l.quantity), revenueMinor: CASE WHEN reduce(s = 0.0, l IN l4 | s + toFloat(l.minor)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, l IN l4 | s + l.minor) END, currency: l4[0].currency, lastPurchasedAt: reduce(m = null, l IN l4 | CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)} AS x1
  ORDER BY x1.quantity DESC, x1_o.sku
  RETURN [m5 IN [x1 {.quantity, .lastPurchasedAt, `revenue`: CASE WHEN x1.revenueMinor IS NULL THEN null ELSE {minor: x1.revenueMinor, currency: x1.currency} END, `product`: x1_o {.id, .sku, .name, `price`: CASE WHEN x1_o.priceMinor IS NULL THEN null ELSE {minor: x1_o.priceMinor, currency: x1_o.currency} END}}] | m5 {.*, `lastPurchasedAt`: toString(m5.`lastPurchasedAt`)}][0] }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
