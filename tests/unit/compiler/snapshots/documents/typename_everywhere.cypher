// typename_everywhere, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     __typename
//     kind: __typename
//     orders { __typename nodes { __typename } edges { __typename node { __typename } } }
//     acquisition { __typename source { __typename } }
//     productsBought { __typename product { __typename } }
//     metrics { __typename }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`__typename`: 'Customer', `kind`: 'Customer', `orders`: {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`cursor`: [toString(x1.placedAt), x1.id], `node`: {`__typename`: 'Order'}, `item`: {`__typename`: 'Order'}} }}, `acquisition`: head(COLLECT {
  MATCH (c)-[x2:ACQUIRED_VIA]->(x2_o:AcquisitionSource)
  WITH x2, x2_o
  LIMIT 1
  RETURN {`__typename`: 'Acquisition', `source`: {`__typename`: 'AcquisitionSource'}} }), `productsBought`: COLLECT {
  MATCH (c)-[:PLACED]->(o5:Order)-[li6:CONTAINS]->(x4_o:Product)
  WHERE o5.status = 'COMPLETED'
  WITH DISTINCT c, x4_o
  WITH x4_o, COLLECT {
    MATCH (c)-[:PLACED]->(o5:Order)-[li6:CONTAINS]->(x4_o)
    WHERE o5.status = 'COMPLETED'
    RETURN {quantity: li6.quantity, minor: li6.quantity * li6.unitPriceMinor, at: o5.placedAt, currency: o5.currency} } AS l7
  WITH x4_o, {quantity: reduce(s = 0, l IN l7 | s + l.quantity), revenueMinor: CASE WHEN reduce(s = 0.0, l IN l7 | s + toFloat(l.minor)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, l IN l7 | s + l.minor) END, currency: l7[0].currency, lastPurchasedAt: reduce(m = null, l IN l7 | CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)} AS x4
  ORDER BY x4.quantity DESC, x4_o.sku
  RETURN {`__typename`: 'PurchasedProduct', `product`: {`__typename`: 'Product'}} }, `metrics`: [os8 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o9:Order)
  WHERE o9.status = 'COMPLETED'
  RETURN o9 {.totalMinor, .placedAt, .currency}
  ORDER BY o9.placedAt }] | {`__typename`: 'CustomerMetrics'}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
