// acquisition_source_id_and_kind, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"acquisitionSourceId": "src_00000000000000000000000000000003", "acquisitionSourceKind": "CAMPAIGN"}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
  WHERE s2.id = $p0 AND s2.kind = $p1
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching3[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "src_00000000000000000000000000000003",
//   "p1": "CAMPAIGN",
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
