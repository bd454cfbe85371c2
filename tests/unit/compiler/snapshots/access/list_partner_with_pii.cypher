// list_partner_with_pii, read by: partner with pii:read
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
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching2[..$p4] | {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `name`: x1.name, `emails`: coalesce(x1.emails, []), `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "partner": "ptn_00000000000000000000000000000001",
//   "p1": 5,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 6
// }
// personal data read: Customer.emails, Customer.name
