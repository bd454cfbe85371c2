// Goals: (:Goal {metric, scope, target, currency, periodFrom, periodTo, startsAt, endsAt,
// createdAt, createdBy, updatedAt}), reached from the customer or the employee it is set for:
// (:Customer)-[:HAS_GOAL]->(:Goal), (:Employee)-[:HAS_GOAL]->(:Goal); a goal of the business has
// neither. Progress is read from the orders, touchpoints and customers of the period, never
// stored. Each id is unique; lists of goals are sorted by the first day of their period.
CREATE CONSTRAINT goal_id IF NOT EXISTS
FOR (n:Goal) REQUIRE n.id IS UNIQUE;

CREATE INDEX goal_period_from IF NOT EXISTS
FOR (n:Goal) ON (n.periodFrom);
