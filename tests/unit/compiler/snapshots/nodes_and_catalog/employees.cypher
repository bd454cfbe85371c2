// employees, read by: admin
// query {
//   employees(first: 10) {
//     id name email title active createdAt customerCount
//     customers { id name }
//   }
// }

// --- employees
MATCH (n:Employee)
RETURN [m4 IN [n {.id, .name, .email, .title, .createdAt, `active`: coalesce(n.active, true), `customerCount`: COUNT { (n)-[a1:OWNS]->(:Customer)
  WHERE a1.until IS NULL }, `customers`: COLLECT {
  MATCH (n)-[r3:OWNS]->(x2:Customer)
  WHERE r3.until IS NULL
  WITH x2
  ORDER BY x2.name
  LIMIT $p0
  RETURN {`id`: x2.id, `name`: x2.name, `__audit`: x2.id} }}] | m4 {.*, `createdAt`: toString(m4.`createdAt`)}][0] AS row
ORDER BY n.name, n.id
LIMIT $p1
// params
// {
//   "p0": 20,
//   "p1": 10
// }
// personal data read: Customer.name
