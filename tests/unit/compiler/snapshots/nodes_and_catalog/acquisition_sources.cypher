// acquisition_sources, read by: admin
// query {
//   acquisitionSources {
//     id kind name createdAt customerCount
//     customers(first: 3) { id name }
//   }
// }

// --- acquisitionSources
MATCH (n:AcquisitionSource)
RETURN [m3 IN [n {.id, .kind, .name, .createdAt, `customerCount`: COUNT { (n)<-[:ACQUIRED_VIA]-(:Customer) }, `customers`: COLLECT {
  MATCH (n)<-[:ACQUIRED_VIA]-(x1:Customer)
  WITH x1
  ORDER BY x1.name
  LIMIT $p0
  RETURN {`id`: x1.id, `name`: x1.name, `__audit`: x1.id} }}] | m3 {.*, `createdAt`: toString(m3.`createdAt`)}][0] AS row
ORDER BY n.name, n.id
LIMIT $p1
// params
// {
//   "p0": 3,
//   "p1": 100
// }
// personal data read: Customer.name
