// bought_product, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"boughtProductId": "prd_00000000000000000000000000000005"}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)-[:PLACED]->(o2:Order)-[:CONTAINS]->(:Product {id: $p0})
    WHERE o2.status = 'COMPLETED' }
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "prd_00000000000000000000000000000005",
//   "p1": 20,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 21
// }
