// several_root_fields, read by: admin
// query ($id: ID!) {
//   customer(id: $id) { id name }
//   other: customer(id: "cus_00000000000000000000000000000002") { id }
//   customers(first: 2) { totalCount }
//   products(first: 3) { sku }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
// personal data read: Customer.name

// --- other
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000002"
// }

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }} AS row
// params
// {}

// --- products
MATCH (n:Product)
RETURN n {.sku} AS row
ORDER BY n.name, n.id
LIMIT $p0
// params
// {
//   "p0": 3
// }
