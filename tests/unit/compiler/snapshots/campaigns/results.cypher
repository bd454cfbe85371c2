// results, read by: admin
// query ($id: ID!) { campaign(id: $id) { leadCount conversions revenue { amount currency } } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- campaign
MATCH (k:Campaign {id: $p0})
RETURN {`leadCount`: size(COLLECT {
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
  RETURN {sales: COLLECT {
    MATCH (c1)-[:PLACED]->(o9:Order)
    WHERE o9.status = 'COMPLETED' AND o9.currency = k.currency AND o9.placedAt >= first2.at AND o9.placedAt >= k.startsAt AND o9.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o9.totalMinor, 0) }} }), `conversions`: size([x10 IN COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c11:Customer)
  RETURN c11 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c11:Customer)
  RETURN c11 }
  WITH c11, reduce(f17 = null, x18 IN COLLECT {
    MATCH (c11)-[a13:ACQUIRED_VIA]->(s14:AcquisitionSource)-[:OF_CAMPAIGN]->(k15:Campaign)
    RETURN {campaign: k15.id, at: coalesce(a13.at, c11.createdAt)} } + COLLECT {
    MATCH (c11)-[:HAD]->(t16:Touchpoint)-[:IN_CAMPAIGN]->(k15:Campaign)
    RETURN {campaign: k15.id, at: t16.occurredAt}
    ORDER BY t16.occurredAt, k15.id
    LIMIT 1 } | CASE WHEN f17 IS NULL OR x18.at < f17.at OR (x18.at = f17.at AND x18.campaign < f17.campaign) THEN x18 ELSE f17 END) AS first12
  WHERE first12.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c11)-[:PLACED]->(o19:Order)
    WHERE o19.status = 'COMPLETED' AND o19.currency = k.currency AND o19.placedAt >= first12.at AND o19.placedAt >= k.startsAt AND o19.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o19.totalMinor, 0) }} }
WHERE size(x10.sales) > 0]), `revenue`: [m20 IN [[totals22 IN [reduce(totals22 = [], x21 IN COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c24:Customer)
  RETURN c24 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c24:Customer)
  RETURN c24 }
  WITH c24, reduce(f30 = null, x31 IN COLLECT {
    MATCH (c24)-[a26:ACQUIRED_VIA]->(s27:AcquisitionSource)-[:OF_CAMPAIGN]->(k28:Campaign)
    RETURN {campaign: k28.id, at: coalesce(a26.at, c24.createdAt)} } + COLLECT {
    MATCH (c24)-[:HAD]->(t29:Touchpoint)-[:IN_CAMPAIGN]->(k28:Campaign)
    RETURN {campaign: k28.id, at: t29.occurredAt}
    ORDER BY t29.occurredAt, k28.id
    LIMIT 1 } | CASE WHEN f30 IS NULL OR x31.at < f30.at OR (x31.at = f30.at AND x31.campaign < f30.campaign) THEN x31 ELSE f30 END) AS first25
  WHERE first25.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c24)-[:PLACED]->(o32:Order)
    WHERE o32.status = 'COMPLETED' AND o32.currency = k.currency AND o32.placedAt >= first25.at AND o32.placedAt >= k.startsAt AND o32.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o32.totalMinor, 0) }} } | totals22 + x21.sales)] | CASE WHEN reduce(s = 0.0, v23 IN totals22 | s + toFloat(v23)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v23 IN totals22 | s + v23) END][0]] | CASE WHEN m20 IS NULL THEN null ELSE {minor: m20, currency: k.currency} END][0]} AS row
// params
// {
//   "p0": "cmp_00000000000000000000000000000001"
// }
