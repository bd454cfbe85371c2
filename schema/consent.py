"""A customer's consent, purpose by purpose and channel by channel."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from resolvers import consent as resolve
from schema.context import Info
from schema.customers import Customer
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection


@strawberry.enum(description="What a customer's consent is for.")
class ConsentPurpose(Enum):
    MARKETING = "MARKETING"
    PROFILING = "PROFILING"
    SHARING = "SHARING"


@strawberry.enum(
    description="The channel a consent covers. A fax is also covered by consent to POST, a "
    "newsletter by consent to EMAIL, unless the customer said something about the channel "
    "itself."
)
class ConsentChannel(Enum):
    EMAIL = "EMAIL"
    SMS = "SMS"
    PHONE = "PHONE"
    POST = "POST"
    CHAT = "CHAT"
    VIDEO_CALL = "VIDEO_CALL"
    FAX = "FAX"
    NEWSLETTER = "NEWSLETTER"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    ADVERTISING = "ADVERTISING"


@strawberry.enum
class ConsentStatus(Enum):
    GRANTED = "GRANTED"
    DENIED = "DENIED"
    WITHDRAWN = "WITHDRAWN"


@strawberry.type(description="A consent event, or the latest one of its purpose and channel.")
class ConsentState:
    purpose: ConsentPurpose
    channel: ConsentChannel | None = strawberry.field(
        description="Null for purposes that are not about contacting (sharing, profiling)."
    )
    status: ConsentStatus
    at: datetime
    source: str = strawberry.field(description="Where it was given: a form, a call, a partner.")


@strawberry.input
class ConsentInput:
    customer_id: strawberry.ID
    purpose: ConsentPurpose
    status: ConsentStatus
    source: str = strawberry.field(description="Where it was given: a form, a call, a partner.")
    channel: ConsentChannel | None = strawberry.field(
        default=None,
        description="For MARKETING: the channel it covers; left out, every channel (a later "
        "statement on one channel speaks for that channel). SHARING and PROFILING have no "
        "channel: one given is refused (BAD_USER_INPUT).",
    )
    at: datetime | None = strawberry.field(default=None, description="Default: now.")


@strawberry.type
class ConsentMutations:
    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Customer,
        description="Append a consent event; the customer's current consent follows the latest.",
    )
    async def record_consent(self, info: Info, input: ConsentInput) -> Row:
        return await resolve.record_consent(info.context, selection(info))
