// first_beyond_a_lower_limit, read by: admin (page limit 50)
// query { touchpoints(first: 60) { nodes { id } } }

// --- touchpoints
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 50.
