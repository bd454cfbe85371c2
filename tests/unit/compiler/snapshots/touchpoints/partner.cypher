// partner, read by: partner
// query { touchpoints { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } nodes { summary customer { id } } } }

// --- touchpoints
RETURN [matching5 IN [COLLECT {
  MATCH (x1:Touchpoint)<-[:HAD]-(c2:Customer)
  WHERE (EXISTS { (c2)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c2)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (c2)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED'
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching5), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching5[..$p4] | {`cursor`: [toString(x1.occurredAt), x1.id], `node`: x1 {.id}, `item`: {`summary`: CASE WHEN x1.summary IS NULL THEN null ELSE '[masked]' END, `customer`: head(COLLECT {
  MATCH (x1)<-[:HAD]-(x3:Customer)
  WHERE (EXISTS { (x3)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x3)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (x3)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED'
  WITH x3
  LIMIT 1
  RETURN x3 {.id} })}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "OCCURRED_AT_DESC",
//   "p4": 21
// }
