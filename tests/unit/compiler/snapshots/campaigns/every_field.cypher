// every_field, read by: admin
// query ($id: ID!) { campaign(id: $id) { id name kind channel period { from to } budget { amount currency } deal acquisitionSource { id name } touchpoints(first: 3) { id } touchpointCount leads(first: 5) { id name } leadCount conversions conversionRate revenue { amount } products { id } participants(first: 5) { id } lift { during { amount } before { amount } ratio byCustomer { customer { id } during { amount } before { amount } ratio } } createdAt createdBy updatedAt } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- campaign
MATCH (k:Campaign {id: $p0})
RETURN [m80 IN [k {.id, .name, .kind, .channel, .deal, .createdAt, .createdBy, .updatedAt, `period`: {`from`: k.periodFrom, `to`: k.periodTo}, `budget`: CASE WHEN k.budgetMinor IS NULL THEN null ELSE {minor: k.budgetMinor, currency: k.currency} END, `acquisitionSource`: head(COLLECT {
  MATCH (k)<-[:OF_CAMPAIGN]-(x1:AcquisitionSource)
  WITH x1
  LIMIT 1
  RETURN x1 {.id, .name} }), `touchpoints`: COLLECT {
  MATCH (k)<-[:IN_CAMPAIGN]-(x3:Touchpoint)
  WITH x3
  ORDER BY x3.occurredAt DESC, x3.id DESC
  LIMIT $p1
  RETURN x3 {.id} }, `touchpointCount`: COUNT { (k)<-[:IN_CAMPAIGN]-(:Touchpoint) }, `leads`: COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c5:Customer)
  RETURN c5 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c5:Customer)
  RETURN c5 }
  WITH c5, reduce(f11 = null, x12 IN COLLECT {
    MATCH (c5)-[a7:ACQUIRED_VIA]->(s8:AcquisitionSource)-[:OF_CAMPAIGN]->(k9:Campaign)
    RETURN {campaign: k9.id, at: coalesce(a7.at, c5.createdAt)} } + COLLECT {
    MATCH (c5)-[:HAD]->(t10:Touchpoint)-[:IN_CAMPAIGN]->(k9:Campaign)
    RETURN {campaign: k9.id, at: t10.occurredAt}
    ORDER BY t10.occurredAt, k9.id
    LIMIT 1 } | CASE WHEN f11 IS NULL OR x12.at < f11.at OR (x12.at = f11.at AND x12.campaign < f11.campaign) THEN x12 ELSE f11 END) AS first6
  WHERE first6.campaign = k.id
  WITH c5
  ORDER BY c5.name, c5.id
  LIMIT $p2
  RETURN {`id`: c5.id, `name`: c5.name, `__audit`: c5.id} }, `leadCount`: size(COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c13:Customer)
  RETURN c13 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c13:Customer)
  RETURN c13 }
  WITH c13, reduce(f19 = null, x20 IN COLLECT {
    MATCH (c13)-[a15:ACQUIRED_VIA]->(s16:AcquisitionSource)-[:OF_CAMPAIGN]->(k17:Campaign)
    RETURN {campaign: k17.id, at: coalesce(a15.at, c13.createdAt)} } + COLLECT {
    MATCH (c13)-[:HAD]->(t18:Touchpoint)-[:IN_CAMPAIGN]->(k17:Campaign)
    RETURN {campaign: k17.id, at: t18.occurredAt}
    ORDER BY t18.occurredAt, k17.id
    LIMIT 1 } | CASE WHEN f19 IS NULL OR x20.at < f19.at OR (x20.at = f19.at AND x20.campaign < f19.campaign) THEN x20 ELSE f19 END) AS first14
  WHERE first14.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c13)-[:PLACED]->(o21:Order)
    WHERE o21.status = 'COMPLETED' AND o21.currency = k.currency AND o21.placedAt >= first14.at AND o21.placedAt >= k.startsAt AND o21.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o21.totalMinor, 0) }} }), `conversions`: size([x22 IN COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c23:Customer)
  RETURN c23 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c23:Customer)
  RETURN c23 }
  WITH c23, reduce(f29 = null, x30 IN COLLECT {
    MATCH (c23)-[a25:ACQUIRED_VIA]->(s26:AcquisitionSource)-[:OF_CAMPAIGN]->(k27:Campaign)
    RETURN {campaign: k27.id, at: coalesce(a25.at, c23.createdAt)} } + COLLECT {
    MATCH (c23)-[:HAD]->(t28:Touchpoint)-[:IN_CAMPAIGN]->(k27:Campaign)
    RETURN {campaign: k27.id, at: t28.occurredAt}
    ORDER BY t28.occurredAt, k27.id
    LIMIT 1 } | CASE WHEN f29 IS NULL OR x30.at < f29.at OR (x30.at = f29.at AND x30.campaign < f29.campaign) THEN x30 ELSE f29 END) AS first24
  WHERE first24.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c23)-[:PLACED]->(o31:Order)
    WHERE o31.status = 'COMPLETED' AND o31.currency = k.currency AND o31.placedAt >= first24.at AND o31.placedAt >= k.startsAt AND o31.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o31.totalMinor, 0) }} }
WHERE size(x22.sales) > 0]), `conversionRate`: [r32 IN [COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c34:Customer)
  RETURN c34 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c34:Customer)
  RETURN c34 }
  WITH c34, reduce(f40 = null, x41 IN COLLECT {
    MATCH (c34)-[a36:ACQUIRED_VIA]->(s37:AcquisitionSource)-[:OF_CAMPAIGN]->(k38:Campaign)
    RETURN {campaign: k38.id, at: coalesce(a36.at, c34.createdAt)} } + COLLECT {
    MATCH (c34)-[:HAD]->(t39:Touchpoint)-[:IN_CAMPAIGN]->(k38:Campaign)
    RETURN {campaign: k38.id, at: t39.occurredAt}
    ORDER BY t39.occurredAt, k38.id
    LIMIT 1 } | CASE WHEN f40 IS NULL OR x41.at < f40.at OR (x41.at = f40.at AND x41.campaign < f40.campaign) THEN x41 ELSE f40 END) AS first35
  WHERE first35.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c34)-[:PLACED]->(o42:Order)
    WHERE o42.status = 'COMPLETED' AND o42.currency = k.currency AND o42.placedAt >= first35.at AND o42.placedAt >= k.startsAt AND o42.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o42.totalMinor, 0) }} }] | CASE WHEN size(r32) > 0 THEN toFloat(size([x33 IN r32
WHERE size(x33.sales) > 0])) / size(r32) END][0], `revenue`: [m43 IN [[totals45 IN [reduce(totals45 = [], x44 IN COLLECT {
  CALL (k) {
  MATCH (k)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c47:Customer)
  RETURN c47 UNION
  MATCH (k)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c47:Customer)
  RETURN c47 }
  WITH c47, reduce(f53 = null, x54 IN COLLECT {
    MATCH (c47)-[a49:ACQUIRED_VIA]->(s50:AcquisitionSource)-[:OF_CAMPAIGN]->(k51:Campaign)
    RETURN {campaign: k51.id, at: coalesce(a49.at, c47.createdAt)} } + COLLECT {
    MATCH (c47)-[:HAD]->(t52:Touchpoint)-[:IN_CAMPAIGN]->(k51:Campaign)
    RETURN {campaign: k51.id, at: t52.occurredAt}
    ORDER BY t52.occurredAt, k51.id
    LIMIT 1 } | CASE WHEN f53 IS NULL OR x54.at < f53.at OR (x54.at = f53.at AND x54.campaign < f53.campaign) THEN x54 ELSE f53 END) AS first48
  WHERE first48.campaign = k.id
  RETURN {sales: COLLECT {
    MATCH (c47)-[:PLACED]->(o55:Order)
    WHERE o55.status = 'COMPLETED' AND o55.currency = k.currency AND o55.placedAt >= first48.at AND o55.placedAt >= k.startsAt AND o55.placedAt < k.endsAt + duration({days: 90})
    RETURN coalesce(o55.totalMinor, 0) }} } | totals45 + x44.sales)] | CASE WHEN reduce(s = 0.0, v46 IN totals45 | s + toFloat(v46)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v46 IN totals45 | s + v46) END][0]] | CASE WHEN m43 IS NULL THEN null ELSE {minor: m43, currency: k.currency} END][0], `products`: COLLECT {
  MATCH (k)-[:PROMOTES]->(x56:Product)
  WITH x56
  ORDER BY x56.name, x56.id
  LIMIT $p3
  RETURN x56 {.id} }, `participants`: COLLECT {
  MATCH (k)<-[:TAKES_PART_IN]-(x58:Customer)
  WITH x58
  ORDER BY x58.name, x58.id
  LIMIT $p4
  RETURN {`id`: x58.id, `__audit`: x58.id} }, `lift`: CASE WHEN k.kind = 'TRADE_PROMOTION' THEN COLLECT {
  WITH COLLECT {
    MATCH (c69:Customer)-[:TAKES_PART_IN]->(k)
    RETURN {customer: c69, during: [lines72 IN [COLLECT {
      MATCH (c69)-[:PLACED]->(o70:Order)-[li71:CONTAINS]->(:Product)<-[:PROMOTES]-(k)
      WHERE o70.status = 'COMPLETED' AND o70.currency = k.currency AND o70.placedAt >= k.startsAt AND o70.placedAt < k.endsAt
      RETURN li71.quantity * li71.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v73 IN lines72 | s + toFloat(v73)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v73 IN lines72 | s + v73) END][0], before: [lines76 IN [COLLECT {
      MATCH (c69)-[:PLACED]->(o74:Order)-[li75:CONTAINS]->(:Product)<-[:PROMOTES]-(k)
      WHERE o74.status = 'COMPLETED' AND o74.currency = k.currency AND o74.placedAt >= k.baselineStartsAt AND o74.placedAt < k.startsAt
      RETURN li75.quantity * li75.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v77 IN lines76 | s + toFloat(v77)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v77 IN lines76 | s + v77) END][0], currency: k.currency}
    ORDER BY c69.name, c69.id } AS parts60
  WITH {during: [all64 IN [reduce(a63 = [], p62 IN parts60 | a63 + p62.during)] | CASE WHEN reduce(s = 0.0, v65 IN all64 | s + toFloat(v65)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v65 IN all64 | s + v65) END][0], before: [all67 IN [reduce(a66 = [], p62 IN parts60 | a66 + p62.before)] | CASE WHEN reduce(s = 0.0, v68 IN all67 | s + toFloat(v68)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v68 IN all67 | s + v68) END][0], currency: k.currency, customers: parts60} AS x61
  RETURN {`during`: CASE WHEN x61.during IS NULL THEN null ELSE {minor: x61.during, currency: x61.currency} END, `before`: CASE WHEN x61.before IS NULL THEN null ELSE {minor: x61.before, currency: x61.currency} END, `ratio`: CASE WHEN x61.before > 0 THEN toFloat(x61.during) / x61.before END, `byCustomer`: COLLECT { UNWIND x61.customers AS x78
    RETURN {`customer`: COLLECT {
      WITH x78.customer AS c79
      RETURN {`id`: c79.id, `__audit`: c79.id} }[0], `during`: CASE WHEN x78.during IS NULL THEN null ELSE {minor: x78.during, currency: x78.currency} END, `before`: CASE WHEN x78.before IS NULL THEN null ELSE {minor: x78.before, currency: x78.currency} END, `ratio`: CASE WHEN x78.before > 0 THEN toFloat(x78.during) / x78.before END} }} }[0] END}] | m80 {.*, `createdAt`: toString(m80.`createdAt`), `updatedAt`: toString(m80.`updatedAt`)}][0] AS row
// params
// {
//   "p0": "cmp_00000000000000000000000000000001",
//   "p1": 3,
//   "p2": 5,
//   "p3": 100,
//   "p4": 5
// }
// personal data read: Customer.name
