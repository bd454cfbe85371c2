"""The work queue: an owner's queue and the unassigned one, every item type's fields, and who
may ask. Compiled for the business day `support.TODAY` in Europe/Berlin."""

from __future__ import annotations

import pytest

from tests.unit.compiler.support import Case, check, ids

EVERYTHING = """
  __typename priority reason customer { id name } contact { allowed }
  ... on ComplaintDue { touchpoint { id kind } dueAt breached }
  ... on InvoiceReminder { order { number } daysOverdue amountDue { amount currency }
                           lastReminderAt }
  ... on FollowUpDue { touchpoint { id } dueAt }
  ... on GreetingDue { occasion on years }
  ... on GoalAtRisk { goal { id metric progress { ratio onTrack } } }
"""
OWNER = ids("emp", 3)

CASES = [
    Case("owner", f'query {{ workQueue(owner: "{OWNER}") {{ {EVERYTHING} }} }}'),
    Case("unassigned", "query { workQueue { __typename priority customer { id } } }"),
    Case("first", f'query {{ workQueue(owner: "{OWNER}", first: 5) {{ priority }} }}'),
    Case(
        "for_an_analyst",
        f'query {{ workQueue(owner: "{OWNER}") {{ customer {{ name emails }} }} }}',
        viewer="analyst",
    ),
    Case("unassigned_for_an_agent", "query { workQueue { priority } }", viewer="agent"),
    Case(
        "for_a_partner", f'query {{ workQueue(owner: "{OWNER}") {{ priority }} }}', viewer="partner"
    ),
    Case("not_an_employee", f'query {{ workQueue(owner: "{ids("cus", 1)}") {{ priority }} }}'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_work_queue(case: Case) -> None:
    check(case, "work_queue")
