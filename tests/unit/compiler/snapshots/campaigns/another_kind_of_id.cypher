// another_kind_of_id, read by: admin
// query ($id: ID!) { campaign(id: $id) { id } }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- campaign
// no statement: nothing can match
