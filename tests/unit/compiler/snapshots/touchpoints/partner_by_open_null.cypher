// partner_by_open_null, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"open": null}}

// --- touchpoints
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Touchpoint)<-[:HAD]-(c2:Customer)
  WHERE (EXISTS { (c2)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c2)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (c2)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED'
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "OCCURRED_AT_DESC",
//   "p4": 21
// }
