// first_beyond_a_lower_limit, read by: admin (page limit 100)
// query { customers(first: 101) { nodes { id } } }

// --- customers
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 100.
