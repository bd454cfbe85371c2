// target, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Goal { target { money { amount currency } count } } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
MATCH (n:Goal {id: $p0})
RETURN {`__typename`: 'Goal', `target`: [t1 IN [{metric: n.metric, amount: n.target, currency: n.currency}] | {`money`: CASE WHEN t1.metric = 'REVENUE' THEN CASE WHEN t1.amount IS NULL THEN null ELSE {minor: t1.amount, currency: t1.currency} END END, `count`: CASE WHEN t1.metric = 'REVENUE' THEN null ELSE t1.amount END}][0]} AS row
// params
// {
//   "p0": "gol_00000000000000000000000000000001"
// }
