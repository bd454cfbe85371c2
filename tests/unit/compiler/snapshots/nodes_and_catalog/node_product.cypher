// node_product, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Product { sku price { amount } customerCount } } }
// variables: {"id": "prd_00000000000000000000000000000009"}

// --- node
MATCH (n:Product {id: $p0})
RETURN n {.id, .sku, `__typename`: 'Product', `price`: CASE WHEN n.priceMinor IS NULL THEN null ELSE {minor: n.priceMinor, currency: n.currency} END, `customerCount`: COUNT {
  MATCH (a1:Customer)-[:PLACED]->(b2:Order)-[:CONTAINS]->(n)
  WHERE b2.status = 'COMPLETED'
  RETURN DISTINCT a1 }} AS row
// params
// {
//   "p0": "prd_00000000000000000000000000000009"
// }
