// first_beyond_the_limit, read by: admin
// query { orders(first: 1001) { nodes { id } } }

// --- orders
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
