// list_partner, read by: partner
// query { customers(first: 5) { totalCount edges { cursor node { id name emails } } } }

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE (EXISTS { (x1)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x1)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
    MATCH (x1)-[:GAVE]->(consent:ConsentEvent)
    WHERE consent.purpose = 'SHARING'
    RETURN consent.status
    ORDER BY consent.at DESC, consent.recordedAt DESC
    LIMIT 1 }[0] = 'GRANTED'
  WITH x1
  ORDER BY x1.createdAt, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`cursor`: [toString(x1.createdAt), x1.id], `node`: x1 {.id, `name`: CASE WHEN x1.kind = 'PERSON' THEN reduce(s = '', w IN split(x1.name, ' ') | s + left(w, 1) + '. ') ELSE x1.name END, `emails`: [e IN coalesce(x1.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 5,
//   "p2": false,
//   "p3": "CREATED_AT_ASC",
//   "p4": 6
// }
