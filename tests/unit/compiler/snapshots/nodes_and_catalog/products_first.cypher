// products_first, read by: admin
// query { products(first: 5) { id customers(first: 2) { id } } }

// --- products
MATCH (n:Product)
RETURN n {.id, `customers`: COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)-[:PLACED]->(r2:Order)-[:CONTAINS]->(n)
    WHERE r2.status = 'COMPLETED' }
  WITH x1
  ORDER BY x1.name
  LIMIT $p0
  RETURN {`id`: x1.id, `__audit`: x1.id} }} AS row
ORDER BY n.name, n.id
LIMIT $p1
// params
// {
//   "p0": 2,
//   "p1": 5
// }
