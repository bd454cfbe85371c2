// account_owner, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"accountOwnerId": "emp_00000000000000000000000000000004"}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)<-[o2:OWNS]-(:Employee {id: $p0})
    WHERE o2.until IS NULL }
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "emp_00000000000000000000000000000004",
//   "p1": 20,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 21
// }
