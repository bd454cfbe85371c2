// node_named_fragments, read by: admin
// query ($id: ID!) { node(id: $id) { ...Identified ...Buyer } }
// fragment Identified on Node { id __typename }
// fragment Buyer on Customer { name orders(first: 1) { nodes { ...Ordered } } }
// fragment Ordered on Order { number }
// variables: {"id": "cus_00000000000000000000000000000009"}

// --- node
MATCH (n:Customer {id: $p4})
RETURN {`__typename`: 'Customer', `id`: n.id, `name`: n.name, `orders`: {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (n)-[:PLACED]->(x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: x1 {.number}} }}, `__audit`: n.id} AS row
// params
// {
//   "p0": 1,
//   "p1": false,
//   "p2": "NEWEST",
//   "p3": 2,
//   "p4": "cus_00000000000000000000000000000009"
// }
// personal data read: Customer.name
