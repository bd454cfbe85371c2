// docs_customer_list, read by: admin
// query KeyCustomers($after: String) {
//   customers(
//     filter: {
//       lifecycleStage: [CUSTOMER]
//       OR: [{ acquisitionSourceKind: REFERRAL }, { influencedBy: { name: { contains: "a" } } }]
//       NOT: { hasOrderWithStatus: UNREALIZED }
//     }
//     orderBy: LIFETIME_REVENUE_DESC
//     first: 20
//     after: $after
//   ) {
//     totalCount
//     pageInfo { hasNextPage endCursor }
//     edges {
//       cursor
//       node {
//         id name
//         accountOwner { name }
//         metrics { lifetimeRevenue { amount currency } orderCount lastContactAt }
//       }
//     }
//   }
// }

// --- customers
RETURN [matching10 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE x1.lifecycleStage IN $p0 AND ((EXISTS {
    MATCH (x1)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
    WHERE s2.kind = $p1 }) OR (EXISTS {
    MATCH (x1)<-[:INFLUENCES]-(c3:Customer)
    WHERE toLower(c3.name) CONTAINS $p2 })) AND NOT (EXISTS {
    MATCH (x1)-[:PLACED]->(o4:Order)
    WHERE o4.status = $p3 })
  WITH x1
  ORDER BY coalesce(x1.revenueMinor, 0) DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching10), `first`: $p4, `after`: $p5, `sort`: $p6, `rows`: [x1 IN matching10[..$p7] | {`cursor`: [coalesce(x1.revenueMinor, 0), x1.id], `node`: {`id`: x1.id, `name`: x1.name, `accountOwner`: head(COLLECT {
  MATCH (x1)<-[r6:OWNS]-(x5:Employee)
  WHERE r6.until IS NULL
  WITH x5
  LIMIT 1
  RETURN x5 {.name} }), `metrics`: [os7 IN [COLLECT {
  MATCH (x1)-[:PLACED]->(o8:Order)
  WHERE o8.status = 'COMPLETED'
  RETURN o8 {.totalMinor, .placedAt, .currency}
  ORDER BY o8.placedAt }] | {`lifetimeRevenue`: {minor: CASE WHEN reduce(s = 0.0, o8 IN os7 | s + toFloat(coalesce(o8.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o8 IN os7 | s + coalesce(o8.totalMinor, 0)) END, currency: os7[0].currency}, `orderCount`: size(os7), `lastContactAt`: toString(COLLECT {
  MATCH (x1)-[:HAD]->(t9:Touchpoint)
  RETURN t9.occurredAt
  ORDER BY t9.occurredAt DESC
  LIMIT 1 }[0])}][0], `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "CUSTOMER"
//   ],
//   "p1": "REFERRAL",
//   "p2": "a",
//   "p3": "UNREALIZED",
//   "p4": 20,
//   "p5": false,
//   "p6": "LIFETIME_REVENUE_DESC",
//   "p7": 21
// }
// personal data read: Customer.name
