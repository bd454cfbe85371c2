// Customers keep the history of their lifecycle stage: (:Customer)-[:HAD_STAGE]->
// (:LifecycleChange {stage, at, by, reason, position}). Every customer created before starts its
// history with one entry, its current stage at the time it was created, by "migration". The
// data step beside this file writes them in batches, so a large graph never holds all of them
// in one transaction.
