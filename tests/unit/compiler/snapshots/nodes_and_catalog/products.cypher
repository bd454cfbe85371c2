// products, read by: admin
// query {
//   products {
//     __typename id sku name category active createdAt customerCount
//     price { amount minorUnits currency }
//     unitCost { amount currency }
//     customers { id name }
//   }
// }

// --- products
MATCH (n:Product)
RETURN [m5 IN [n {.id, .sku, .name, .category, .createdAt, `__typename`: 'Product', `active`: coalesce(n.active, true), `customerCount`: COUNT {
  MATCH (a1:Customer)-[:PLACED]->(b2:Order)-[:CONTAINS]->(n)
  WHERE b2.status = 'COMPLETED'
  RETURN DISTINCT a1 }, `price`: CASE WHEN n.priceMinor IS NULL THEN null ELSE {minor: n.priceMinor, currency: n.currency} END, `unitCost`: CASE WHEN n.unitCostMinor IS NULL THEN null ELSE {minor: n.unitCostMinor, currency: n.currency} END, `customers`: COLLECT {
  MATCH (x3:Customer)
  WHERE EXISTS {
    MATCH (x3)-[:PLACED]->(r4:Order)-[:CONTAINS]->(n)
    WHERE r4.status = 'COMPLETED' }
  WITH x3
  ORDER BY x3.name
  LIMIT $p0
  RETURN {`id`: x3.id, `name`: x3.name, `__audit`: x3.id} }}] | m5 {.*, `createdAt`: toString(m5.`createdAt`)}][0] AS row
ORDER BY n.name, n.id
LIMIT $p1
// params
// {
//   "p0": 20,
//   "p1": 100
// }
// personal data read: Customer.name
