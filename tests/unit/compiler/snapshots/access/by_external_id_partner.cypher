// by_external_id_partner, read by: partner
// query { customerByExternalId(system: "crm", value: "7") { id name } }

// --- customerByExternalId
MATCH (c:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: $p0, value: $p1})
WHERE (EXISTS { (c)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
  MATCH (c)-[:GAVE]->(consent:ConsentEvent)
  WHERE consent.purpose = 'SHARING'
  RETURN consent.status
  ORDER BY consent.at DESC, consent.recordedAt DESC
  LIMIT 1 }[0] = 'GRANTED'
RETURN c {.id, `name`: CASE WHEN c.kind = 'PERSON' THEN reduce(s = '', w IN split(c.name, ' ') | s + left(w, 1) + '. ') ELSE c.name END} AS row
// params
// {
//   "p0": "crm",
//   "p1": "7",
//   "partner": "ptn_00000000000000000000000000000001"
// }
