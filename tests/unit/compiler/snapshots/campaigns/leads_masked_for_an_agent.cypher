// leads_masked_for_an_agent, read by: agent
// query ($id: ID!) { campaign(id: $id) { leads { id name } } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- campaign
MATCH (k:Campaign {id: $p0})
RETURN {`leads`: COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c1:Customer)
  RETURN c1 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c1:Customer)
  RETURN c1 }
  WITH c1, reduce(f7 = null, x8 IN COLLECT {
    MATCH (c1)-[a3:ACQUIRED_VIA]->(s4:AcquisitionSource)-[:OF_CAMPAIGN]->(k5:Campaign)
    RETURN {campaign: k5.id, at: coalesce(a3.at, c1.createdAt)} } + COLLECT {
    MATCH (c1)-[:HAD]->(t6:Touchpoint)-[:IN_CAMPAIGN]->(k5:Campaign)
    RETURN {campaign: k5.id, at: t6.occurredAt}
    ORDER BY t6.occurredAt, k5.id
    LIMIT 1 } | CASE WHEN f7 IS NULL OR x8.at < f7.at OR (x8.at = f7.at AND x8.campaign < f7.campaign) THEN x8 ELSE f7 END) AS first2
  WHERE first2.campaign = k.id
  WITH c1
  ORDER BY c1.name, c1.id
  LIMIT $p1
  RETURN c1 {.id, `name`: CASE WHEN c1.kind = 'PERSON' THEN reduce(s = '', w IN split(c1.name, ' ') | s + left(w, 1) + '. ') ELSE c1.name END} }} AS row
// params
// {
//   "p0": "cmp_00000000000000000000000000000001",
//   "p1": 20
// }
