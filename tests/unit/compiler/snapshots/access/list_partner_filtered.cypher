// list_partner_filtered, read by: partner
// query {
//   customers(filter: { kind: PERSON, acquisitionSourceKind: PARTNER }, first: 5) {
//     totalCount nodes { id }
//   }
// }

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
  WHERE s2.kind = $p0 AND (EXISTS { (x1)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x1)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (x1)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' AND x1.kind = $p2
  WITH x1
  ORDER BY x1.createdAt, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: [x1 IN matching3[..$p6] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": "PARTNER",
//   "partner": "ptn_00000000000000000000000000000001",
//   "p2": "PERSON",
//   "p3": 5,
//   "p4": false,
//   "p5": "CREATED_AT_ASC",
//   "p6": 6
// }
