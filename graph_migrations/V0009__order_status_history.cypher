// Orders keep the history of their status: (:Order)-[:HAD_STATUS]->(:OrderStatusChange
// {status, at, by, reason, position}). Every order placed before starts its history with one
// entry, its status at the time it was placed, by "migration". The data step beside this file
// writes them in batches, so a large graph never holds all of them in one transaction.
