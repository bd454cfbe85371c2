// acquisition_inside_and, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"AND": [{"acquisitionSourceId": "src_00000000000000000000000000000003"}, {"acquisitionSourceKind": "EVENT"}]}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE (EXISTS { (x1)-[:ACQUIRED_VIA]->(:AcquisitionSource {id: $p0}) }) AND (EXISTS {
    MATCH (x1)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
    WHERE s2.kind = $p1 })
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching3[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "src_00000000000000000000000000000003",
//   "p1": "EVENT",
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
