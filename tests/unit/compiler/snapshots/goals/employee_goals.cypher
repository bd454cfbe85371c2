// employee_goals, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Employee { goals { id target { count } } } } }
// variables: {"id": "emp_00000000000000000000000000000002"}

// --- node
MATCH (n:Employee {id: $p1})
RETURN {`__typename`: 'Employee', `goals`: COLLECT {
  MATCH (n)-[:HAS_GOAL]->(x1:Goal)
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  LIMIT $p0
  RETURN x1 {.id, `target`: [t3 IN [{metric: x1.metric, amount: x1.target, currency: x1.currency}] | {`count`: CASE WHEN t3.metric = 'REVENUE' THEN null ELSE t3.amount END}][0]} }} AS row
// params
// {
//   "p0": 100,
//   "p1": "emp_00000000000000000000000000000002"
// }
