// docs_campaign_report, read by: admin
// # What the campaigns running on a day brought: whom they reached first (first touch), who bought
// # within the period or the 90 days after, what it earned against the budget, and for a trade
// # promotion how its participants' sales of the promoted products compare with the days before.
// query CampaignReport($activeOn: Date) {
//   campaigns(filter: { activeOn: $activeOn }, first: 20) {
//     totalCount
//     nodes {
//       id name kind channel
//       period { from to }
//       budget { amount currency }
//       acquisitionSource { id name }
//       touchpointCount
//       leadCount conversions conversionRate
//       revenue { amount currency }
//       leads(first: 5) { id name lifecycleStage }
//       deal
//       products { id name }
//       lift {
//         during { amount } before { amount } ratio
//         byCustomer { customer { id name } during { amount } before { amount } ratio }
//       }
//     }
//   }
// }
// variables: {"activeOn": "2026-03-15"}

// --- campaigns
RETURN [matching77 IN [COLLECT {
  MATCH (x1:Campaign)
  WHERE x1.periodFrom <= $p0 AND x1.periodTo >= $p0
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching77), `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: [x1 IN matching77[..$p6] | {`item`: x1 {.id, .name, .kind, .channel, .deal, `period`: {`from`: x1.periodFrom, `to`: x1.periodTo}, `budget`: CASE WHEN x1.budgetMinor IS NULL THEN null ELSE {minor: x1.budgetMinor, currency: x1.currency} END, `acquisitionSource`: head(COLLECT {
  MATCH (x1)<-[:OF_CAMPAIGN]-(x2:AcquisitionSource)
  WITH x2
  LIMIT 1
  RETURN x2 {.id, .name} }), `touchpointCount`: COUNT { (x1)<-[:IN_CAMPAIGN]-(:Touchpoint) }, `leadCount`: size(COLLECT {
  CALL (x1) {
  MATCH (x1)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c4:Customer)
  RETURN c4 UNION
  MATCH (x1)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c4:Customer)
  RETURN c4 }
  WITH c4, reduce(f10 = null, x11 IN COLLECT {
    MATCH (c4)-[a6:ACQUIRED_VIA]->(s7:AcquisitionSource)-[:OF_CAMPAIGN]->(k8:Campaign)
    RETURN {campaign: k8.id, at: coalesce(a6.at, c4.createdAt)} } + COLLECT {
    MATCH (c4)-[:HAD]->(t9:Touchpoint)-[:IN_CAMPAIGN]->(k8:Campaign)
    RETURN {campaign: k8.id, at: t9.occurredAt}
    ORDER BY t9.occurredAt, k8.id
    LIMIT 1 } | CASE WHEN f10 IS NULL OR x11.at < f10.at OR (x11.at = f10.at AND x11.campaign < f10.campaign) THEN x11 ELSE f10 END) AS first5
  WHERE first5.campaign = x1.id
  RETURN {sales: COLLECT {
    MATCH (c4)-[:PLACED]->(o12:Order)
    WHERE o12.status = 'COMPLETED' AND o12.currency = x1.currency AND o12.placedAt >= first5.at AND o12.placedAt >= x1.startsAt AND o12.placedAt < x1.endsAt + duration({days: 90})
    RETURN coalesce(o12.totalMinor, 0) }} }), `conversions`: size([x13 IN COLLECT {
  CALL (x1) {
  MATCH (x1)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c14:Customer)
  RETURN c14 UNION
  MATCH (x1)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c14:Customer)
  RETURN c14 }
  WITH c14, reduce(f20 = null, x21 IN COLLECT {
    MATCH (c14)-[a16:ACQUIRED_VIA]->(s17:AcquisitionSource)-[:OF_CAMPAIGN]->(k18:Campaign)
    RETURN {campaign: k18.id, at: coalesce(a16.at, c14.createdAt)} } + COLLECT {
    MATCH (c14)-[:HAD]->(t19:Touchpoint)-[:IN_CAMPAIGN]->(k18:Campaign)
    RETURN {campaign: k18.id, at: t19.occurredAt}
    ORDER BY t19.occurredAt, k18.id
    LIMIT 1 } | CASE WHEN f20 IS NULL OR x21.at < f20.at OR (x21.at = f20.at AND x21.campaign < f20.campaign) THEN x21 ELSE f20 END) AS first15
  WHERE first15.campaign = x1.id
  RETURN {sales: COLLECT {
    MATCH (c14)-[:PLACED]->(o22:Order)
    WHERE o22.status = 'COMPLETED' AND o22.currency = x1.currency AND o22.placedAt >= first15.at AND o22.placedAt >= x1.startsAt AND o22.placedAt < x1.endsAt + duration({days: 90})
    RETURN coalesce(o22.totalMinor, 0) }} }
WHERE size(x13.sales) > 0]), `conversionRate`: [r23 IN [COLLECT {
  CALL (x1) {
  MATCH (x1)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c25:Customer)
  RETURN c25 UNION
  MATCH (x1)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c25:Customer)
  RETURN c25 }
  WITH c25, reduce(f31 = null, x32 IN COLLECT {
    MATCH (c25)-[a27:ACQUIRED_VIA]->(s28:AcquisitionSource)-[:OF_CAMPAIGN]->(k29:Campaign)
    RETURN {campaign: k29.id, at: coalesce(a27.at, c25.createdAt)} } + COLLECT {
    MATCH (c25)-[:HAD]->(t30:Touchpoint)-[:IN_CAMPAIGN]->(k29:Campaign)
    RETURN {campaign: k29.id, at: t30.occurredAt}
    ORDER BY t30.occurredAt, k29.id
    LIMIT 1 } | CASE WHEN f31 IS NULL OR x32.at < f31.at OR (x32.at = f31.at AND x32.campaign < f31.campaign) THEN x32 ELSE f31 END) AS first26
  WHERE first26.campaign = x1.id
  RETURN {sales: COLLECT {
    MATCH (c25)-[:PLACED]->(o33:Order)
    WHERE o33.status = 'COMPLETED' AND o33.currency = x1.currency AND o33.placedAt >= first26.at AND o33.placedAt >= x1.startsAt AND o33.placedAt < x1.endsAt + duration({days: 90})
    RETURN coalesce(o33.totalMinor, 0) }} }] | CASE WHEN size(r23) > 0 THEN toFloat(size([x24 IN r23
WHERE size(x24.sales) > 0])) / size(r23) END][0], `revenue`: [m34 IN [[totals36 IN [reduce(totals36 = [], x35 IN COLLECT {
  CALL (x1) {
  MATCH (x1)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c38:Customer)
  RETURN c38 UNION
  MATCH (x1)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c38:Customer)
  RETURN c38 }
  WITH c38, reduce(f44 = null, x45 IN COLLECT {
    MATCH (c38)-[a40:ACQUIRED_VIA]->(s41:AcquisitionSource)-[:OF_CAMPAIGN]->(k42:Campaign)
    RETURN {campaign: k42.id, at: coalesce(a40.at, c38.createdAt)} } + COLLECT {
    MATCH (c38)-[:HAD]->(t43:Touchpoint)-[:IN_CAMPAIGN]->(k42:Campaign)
    RETURN {campaign: k42.id, at: t43.occurredAt}
    ORDER BY t43.occurredAt, k42.id
    LIMIT 1 } | CASE WHEN f44 IS NULL OR x45.at < f44.at OR (x45.at = f44.at AND x45.campaign < f44.campaign) THEN x45 ELSE f44 END) AS first39
  WHERE first39.campaign = x1.id
  RETURN {sales: COLLECT {
    MATCH (c38)-[:PLACED]->(o46:Order)
    WHERE o46.status = 'COMPLETED' AND o46.currency = x1.currency AND o46.placedAt >= first39.at AND o46.placedAt >= x1.startsAt AND o46.placedAt < x1.endsAt + duration({days: 90})
    RETURN coalesce(o46.totalMinor, 0) }} } | totals36 + x35.sales)] | CASE WHEN reduce(s = 0.0, v37 IN totals36 | s + toFloat(v37)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v37 IN totals36 | s + v37) END][0]] | CASE WHEN m34 IS NULL THEN null ELSE {minor: m34, currency: x1.currency} END][0], `leads`: COLLECT {
  CALL (x1) {
  MATCH (x1)<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-(c47:Customer)
  RETURN c47 UNION
  MATCH (x1)<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-(c47:Customer)
  RETURN c47 }
  WITH c47, reduce(f53 = null, x54 IN COLLECT {
    MATCH (c47)-[a49:ACQUIRED_VIA]->(s50:AcquisitionSource)-[:OF_CAMPAIGN]->(k51:Campaign)
    RETURN {campaign: k51.id, at: coalesce(a49.at, c47.createdAt)} } + COLLECT {
    MATCH (c47)-[:HAD]->(t52:Touchpoint)-[:IN_CAMPAIGN]->(k51:Campaign)
    RETURN {campaign: k51.id, at: t52.occurredAt}
    ORDER BY t52.occurredAt, k51.id
    LIMIT 1 } | CASE WHEN f53 IS NULL OR x54.at < f53.at OR (x54.at = f53.at AND x54.campaign < f53.campaign) THEN x54 ELSE f53 END) AS first48
  WHERE first48.campaign = x1.id
  WITH c47
  ORDER BY c47.name, c47.id
  LIMIT $p1
  RETURN {`id`: c47.id, `name`: c47.name, `lifecycleStage`: c47.lifecycleStage, `__audit`: c47.id} }, `products`: COLLECT {
  MATCH (x1)-[:PROMOTES]->(x55:Product)
  WITH x55
  ORDER BY x55.name, x55.id
  LIMIT $p2
  RETURN x55 {.id, .name} }, `lift`: CASE WHEN x1.kind = 'TRADE_PROMOTION' THEN COLLECT {
  WITH COLLECT {
    MATCH (c66:Customer)-[:TAKES_PART_IN]->(x1)
    RETURN {customer: c66, during: [lines69 IN [COLLECT {
      MATCH (c66)-[:PLACED]->(o67:Order)-[li68:CONTAINS]->(:Product)<-[:PROMOTES]-(x1)
      WHERE o67.status = 'COMPLETED' AND o67.currency = x1.currency AND o67.placedAt >= x1.startsAt AND o67.placedAt < x1.endsAt
      RETURN li68.quantity * li68.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v70 IN lines69 | s + toFloat(v70)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v70 IN lines69 | s + v70) END][0], before: [lines73 IN [COLLECT {
      MATCH (c66)-[:PLACED]->(o71:Order)-[li72:CONTAINS]->(:Product)<-[:PROMOTES]-(x1)
      WHERE o71.status = 'COMPLETED' AND o71.currency = x1.currency AND o71.placedAt >= x1.baselineStartsAt AND o71.placedAt < x1.startsAt
      RETURN li72.quantity * li72.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v74 IN lines73 | s + toFloat(v74)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v74 IN lines73 | s + v74) END][0], currency: x1.currency}
    ORDER BY c66.name, c66.id } AS parts57
  WITH {during: [all61 IN [reduce(a60 = [], p59 IN parts57 | a60 + p59.during)] | CASE WHEN reduce(s = 0.0, v62 IN all61 | s + toFloat(v62)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v62 IN all61 | s + v62) END][0], before: [all64 IN [reduce(a63 = [], p59 IN parts57 | a63 + p59.before)] | CASE WHEN reduce(s = 0.0, v65 IN all64 | s + toFloat(v65)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v65 IN all64 | s + v65) END][0], currency: x1.currency, customers: parts57} AS x58
  RETURN {`during`: CASE WHEN x58.during IS NULL THEN null ELSE {minor: x58.during, currency: x58.currency} END, `before`: CASE WHEN x58.before IS NULL THEN null ELSE {minor: x58.before, currency: x58.currency} END, `ratio`: CASE WHEN x58.before > 0 THEN toFloat(x58.during) / x58.before END, `byCustomer`: COLLECT { UNWIND x58.customers AS x75
    RETURN {`customer`: COLLECT {
      WITH x75.customer AS c76
      RETURN {`id`: c76.id, `name`: c76.name, `__audit`: c76.id} }[0], `during`: CASE WHEN x75.during IS NULL THEN null ELSE {minor: x75.during, currency: x75.currency} END, `before`: CASE WHEN x75.before IS NULL THEN null ELSE {minor: x75.before, currency: x75.currency} END, `ratio`: CASE WHEN x75.before > 0 THEN toFloat(x75.during) / x75.before END} }} }[0] END}}]}][0] AS row
// params
// {
//   "p0": {
//     "date": "2026-03-15"
//   },
//   "p1": 5,
//   "p2": 100,
//   "p3": 20,
//   "p4": false,
//   "p5": "PERIOD_DESC",
//   "p6": 21
// }
// personal data read: Customer.name
