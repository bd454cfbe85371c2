// first_beyond_the_limit, read by: admin
// query { touchpoints(first: 1001) { nodes { id } } }

// --- touchpoints
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
