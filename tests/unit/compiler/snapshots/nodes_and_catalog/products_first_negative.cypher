// products_first_negative, read by: admin
// query { products(first: -1) { id } }

// --- products
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
