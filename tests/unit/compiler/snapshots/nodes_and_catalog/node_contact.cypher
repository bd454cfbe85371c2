// node_contact, read by: admin
// query ($id: ID!) { node(id: $id) { id ... on Contact { name organization { id } person { id } } } }
// variables: {"id": "con_00000000000000000000000000000009"}

// --- node
MATCH (n:Contact {id: $p0})
RETURN n {.id, .name, `__typename`: 'Contact', `organization`: head(COLLECT {
  MATCH (n)<-[:HAS_CONTACT]-(x1:Customer)
  WITH x1
  LIMIT 1
  RETURN {`id`: x1.id, `__audit`: x1.id} }), `person`: head(COLLECT {
  MATCH (n)-[:IS]->(x3:Customer)
  WITH x3
  LIMIT 1
  RETURN {`id`: x3.id, `__audit`: x3.id} })} AS row
// params
// {
//   "p0": "con_00000000000000000000000000000009"
// }
// personal data read: Contact.name
