// node_employee, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Employee { name customers { id } } } }
// variables: {"id": "emp_00000000000000000000000000000009"}

// --- node
MATCH (n:Employee {id: $p1})
RETURN n {.id, .name, `__typename`: 'Employee', `customers`: COLLECT {
  MATCH (n)-[r2:OWNS]->(x1:Customer)
  WHERE r2.until IS NULL
  WITH x1
  ORDER BY x1.name
  LIMIT $p0
  RETURN {`id`: x1.id, `__audit`: x1.id} }} AS row
// params
// {
//   "p0": 20,
//   "p1": "emp_00000000000000000000000000000009"
// }
