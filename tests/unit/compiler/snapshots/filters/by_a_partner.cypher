// by_a_partner, read by: partner
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"influences": {"kind": "PERSON"}}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE (EXISTS { (x1)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x1)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (x1)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' AND EXISTS {
    MATCH (x1)-[:INFLUENCES]->(c2:Customer)
    WHERE (EXISTS { (c2)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c2)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (c2)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED' AND c2.kind = $p1 }
  WITH x1
  ORDER BY x1.createdAt, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching3[..$p5] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": "PERSON",
//   "p2": 20,
//   "p3": false,
//   "p4": "CREATED_AT_ASC",
//   "p5": 21
// }
