"""The closed vocabularies of the customer graph."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a customer is in their relationship with us.")
class LifecycleStage(Enum):
    LEAD = "LEAD"
    PROSPECT = "PROSPECT"
    CUSTOMER = "CUSTOMER"
    FORMER = "FORMER"


@strawberry.enum
class CustomerKind(Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"


@strawberry.enum(description="How we and a customer reach each other.")
class Channel(Enum):
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    SMS = "SMS"
    CHAT = "CHAT"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    VIDEO_CALL = "VIDEO_CALL"
    FAX = "FAX"
    POST = "POST"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"


@strawberry.enum
class Direction(Enum):
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


@strawberry.enum(description="What a touchpoint was about.")
class TouchpointKind(Enum):
    INQUIRY = "INQUIRY"
    COMPLAINT = "COMPLAINT"
    SERVICE = "SERVICE"
    SALE = "SALE"
    MARKETING = "MARKETING"
    REMINDER = "REMINDER"
    FOLLOW_UP = "FOLLOW_UP"
    GREETING = "GREETING"
    OFFER = "OFFER"
    ACCOUNT_REVIEW = "ACCOUNT_REVIEW"


@strawberry.enum
class OrderStatus(Enum):
    COMPLETED = "COMPLETED"
    PENDING = "PENDING"
    UNREALIZED = "UNREALIZED"
    PLANNED = "PLANNED"


@strawberry.enum
class PaymentMethod(Enum):
    CARD = "CARD"
    BANK_TRANSFER = "BANK_TRANSFER"
    INVOICE = "INVOICE"
    CASH = "CASH"
    DIRECT_DEBIT = "DIRECT_DEBIT"
    WALLET = "WALLET"
    OTHER = "OTHER"


@strawberry.enum(description="How a customer came to us.")
class AcquisitionKind(Enum):
    REFERRAL = "REFERRAL"
    CAMPAIGN = "CAMPAIGN"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"
    PARTNER = "PARTNER"
    EVENT = "EVENT"
    SOCIAL = "SOCIAL"
    OTHER = "OTHER"


@strawberry.enum(description="Why one customer sways another.")
class InfluenceKind(Enum):
    OPINION_LEADER = "OPINION_LEADER"
    REFERRAL = "REFERRAL"
    FAMILY = "FAMILY"
    COLLEAGUE = "COLLEAGUE"
    PEER = "PEER"


@strawberry.enum(description="The order of a customer list; ties are broken by id.")
class CustomerOrder(Enum):
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"
    LIFETIME_REVENUE_ASC = "LIFETIME_REVENUE_ASC"
    LIFETIME_REVENUE_DESC = "LIFETIME_REVENUE_DESC"
    LAST_CONTACT_AT_ASC = "LAST_CONTACT_AT_ASC"
    LAST_CONTACT_AT_DESC = "LAST_CONTACT_AT_DESC"


@strawberry.enum(description="What a customer's consent is for.")
class ConsentPurpose(Enum):
    MARKETING = "MARKETING"
    PROFILING = "PROFILING"
    SHARING = "SHARING"


@strawberry.enum
class ConsentChannel(Enum):
    EMAIL = "EMAIL"
    SMS = "SMS"
    PHONE = "PHONE"
    POST = "POST"


@strawberry.enum
class ConsentStatus(Enum):
    GRANTED = "GRANTED"
    DENIED = "DENIED"
    WITHDRAWN = "WITHDRAWN"


@strawberry.enum(description="What an API key may do.")
class Role(Enum):
    ADMIN = "admin"
    AGENT = "agent"
    ANALYST = "analyst"
    PARTNER = "partner"
