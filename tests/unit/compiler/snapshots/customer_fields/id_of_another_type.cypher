// id_of_another_type, read by: admin
// query ($id: ID!) { customer(id: $id) { id } }
// variables: {"id": "ord_00000000000000000000000000000001"}

// --- customer
// no statement: nothing can match
