// partner_filtered, read by: partner
// query ($filter: TouchpointFilter) { touchpoints(filter: $filter, orderBy: OCCURRED_AT_ASC) { totalCount nodes { id } } }
// variables: {"filter": {"customer": "cus_00000000000000000000000000000001", "kind": ["COMPLAINT"], "channel": ["EMAIL"], "direction": "INBOUND", "since": "2026-01-01T00:00:00Z", "until": "2026-03-01T00:00:00Z"}}

// --- touchpoints
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Touchpoint)<-[:HAD]-(c2:Customer)
  WHERE (EXISTS { (c2)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c2)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (c2)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED' AND c2.id = $p1 AND x1.kind IN $p2 AND x1.channel IN $p3 AND x1.direction = $p4 AND x1.occurredAt >= $p5 AND x1.occurredAt < $p6
  WITH x1
  ORDER BY x1.occurredAt, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p7, `after`: $p8, `sort`: $p9, `rows`: [x1 IN matching3[..$p10] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": "cus_00000000000000000000000000000001",
//   "p2": [
//     "COMPLAINT"
//   ],
//   "p3": [
//     "EMAIL"
//   ],
//   "p4": "INBOUND",
//   "p5": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p6": {
//     "datetime": "2026-03-01T00:00:00+00:00"
//   },
//   "p7": 20,
//   "p8": false,
//   "p9": "OCCURRED_AT_ASC",
//   "p10": 21
// }
