// agent_employees, read by: agent
// query { employees { id name customers { name } } }

// --- employees
MATCH (n:Employee)
RETURN n {.id, .name, `customers`: COLLECT {
  MATCH (n)-[r2:OWNS]->(x1:Customer)
  WHERE r2.until IS NULL
  WITH x1
  ORDER BY x1.name
  LIMIT $p0
  RETURN {`name`: CASE WHEN x1.kind = 'PERSON' THEN reduce(s = '', w IN split(x1.name, ' ') | s + left(w, 1) + '. ') ELSE x1.name END} }} AS row
ORDER BY n.name, n.id
LIMIT $p1
// params
// {
//   "p0": 20,
//   "p1": 100
// }
