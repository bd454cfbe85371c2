"""Every documented bound on client input, in one place.

A list longer than its bound is refused with LIST_TOO_LONG, a text with TEXT_TOO_LONG, a filter
with FILTER_TOO_BROAD and a number or date outside its range with VALUE_OUT_OF_RANGE; each
refusal names the field and the limit in its `extensions` (`cdp.errors`). The schema's
descriptions quote these names' values, and `docs/reliability.md` lists them.

The sizes are those of a busy CRM record, with room to spare: nobody keeps 50 e-mail addresses
for one person, and a bound is what keeps a single request from holding the server.
"""

from __future__ import annotations

# --- lists of a customer or contact record ----------------------------------------------------
EMAILS = 50
PHONES = 50
INTERESTS = 200
ADDRESSES = 50
EXTERNAL_IDS = 50  # a customer's own, besides the key of an upsert
CHANNELS = 20  # a contact's channels (each value of the enum once, and room for repeats)
SCOPES = 10  # an API key's scopes (each known scope once, and room for repeats)

# --- texts ------------------------------------------------------------------------------------
NAME = 500  # names, and any required text without a bound of its own
LABEL = 200  # a role, a title, a source, an address line, a demographic value
SHORT = 100  # an interest, an external id's system
NOTES = 10_000  # free text: notes, summaries, evidence

# --- filters ----------------------------------------------------------------------------------
CHOICES = 50  # an `in`-list of enum values: lifecycleStage, orders(status:), touchpoints(kinds:)
FILTER_BRANCHES = 20  # the items of one AND or OR list
FILTER_CONDITIONS = 100  # the conditions of a whole filter, at every level
FILTER_DEPTH = 5  # AND, OR, NOT, influences and influencedBy nested in each other
FILTER_TEXT = 500  # a StringFilter's operand

# --- pages ------------------------------------------------------------------------------------
# `first` left out (the largest page is the CDP_MAX_PAGE setting, 1,000 by default).
PAGE = 20
CONTACTS_PAGE = 50  # an organization's people
CATALOG_PAGE = 100  # products, acquisition sources, employees, the audit log
UNPAGED = 100  # lists without `first` (external ids, addresses, histories): the first 100
PAGE_LIMIT = 1000  # CDP_MAX_PAGE's default, as the schema states it
CURSOR = 4096  # characters of an `after` cursor

# --- dates ------------------------------------------------------------------------------------
EARLIEST_BIRTH_YEAR = 1900  # and a birth date is never in the future

# --- periods of business days: goals, campaigns ---------------------------------------------
PERIOD_DAYS = 366  # the longest period: a year, leap day included
PERIOD_YEARS = (2000, 2999)  # the years a period may fall in

# --- goals ------------------------------------------------------------------------------------
GOAL_COUNT = 10_000_000  # the largest count a goal may aim for (orders, contacts, customers)

# --- campaigns --------------------------------------------------------------------------------
CAMPAIGN_PRODUCTS = 100  # products a trade promotion promotes
CAMPAIGN_PARTICIPANTS = 500  # trade customers taking part in one
CAMPAIGN_WINDOW_DAYS = 90  # after its period, orders still count towards a campaign
