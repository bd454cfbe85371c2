// influenced_by, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"influencedBy": {"name": {"contains": "a"}, "kind": "PERSON"}}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)<-[:INFLUENCES]-(c2:Customer)
    WHERE toLower(c2.name) CONTAINS $p0 AND c2.kind = $p1 }
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching3[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "a",
//   "p1": "PERSON",
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
