// list_admin, read by: admin
// query { customers(first: 5) { totalCount edges { cursor node { id name emails } } } }

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `name`: x1.name, `emails`: coalesce(x1.emails, []), `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 5,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 6
// }
// personal data read: Customer.emails, Customer.name
