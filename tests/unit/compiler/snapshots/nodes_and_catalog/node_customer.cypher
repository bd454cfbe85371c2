// node_customer, read by: admin
// query ($id: ID!) { node(id: $id) { __typename id ... on Customer { name kind } } }
// variables: {"id": "cus_00000000000000000000000000000009"}

// --- node
MATCH (n:Customer {id: $p0})
RETURN {`__typename`: 'Customer', `id`: n.id, `name`: n.name, `kind`: n.kind, `__audit`: n.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000009"
// }
// personal data read: Customer.name
