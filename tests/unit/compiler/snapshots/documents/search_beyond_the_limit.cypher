// search_beyond_the_limit, read by: admin
// query { searchCustomers(text: "a", first: 1001) { score } }

// --- searchCustomers
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
