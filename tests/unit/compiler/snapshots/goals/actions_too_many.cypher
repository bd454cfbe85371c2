// actions_too_many, read by: admin
// query ($id: ID!) { node(id: $id) { ... on Goal { actions(first: 100000) { id } } } }
// variables: {"id": "gol_00000000000000000000000000000001"}

// --- node
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
