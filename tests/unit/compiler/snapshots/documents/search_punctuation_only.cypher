// search_punctuation_only, read by: admin
// query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }
// variables: {"text": "-- !!"}

// --- searchCustomers
// no statement: nothing can match
