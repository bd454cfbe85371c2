// demographics, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     demographics {
//       birthDate gender occupation incomeBand householdSize industry employeeCount
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`demographics`: c {.birthDate, .gender, .occupation, .incomeBand, .householdSize, .industry, .employeeCount}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
// personal data read: Demographics.birthDate
