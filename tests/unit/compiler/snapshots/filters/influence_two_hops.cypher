// influence_two_hops, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"influences": {"influencedBy": {"acquisitionSourceKind": "SOCIAL"}}}}

// --- customers
RETURN [matching5 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)-[:INFLUENCES]->(c2:Customer)
    WHERE EXISTS {
      MATCH (c2)<-[:INFLUENCES]-(c3:Customer)
      WHERE EXISTS {
        MATCH (c3)-[:ACQUIRED_VIA]->(s4:AcquisitionSource)
        WHERE s4.kind = $p0 } } }
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching5), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching5[..$p4] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "SOCIAL",
//   "p1": 20,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 21
// }
