"""Which contacts need consent, and which consent covers them: the one place that says so.

A contact is marketing-like when its kind courts the customer (MARKETING, OFFER, GREETING) or
when its channel is marketing whatever is said on it (NEWSLETTER, ADVERTISING). A marketing-like
contact needs the customer's current MARKETING consent on a channel that covers it.

Each touchpoint channel is covered by consent to that channel. Two are also covered by an older
channel, as they were before consent could name them: a fax by consent to post, a newsletter by
consent to e-mail. The most specific channel the customer has said anything about decides; a
statement without a channel (`ANY`), if later, decides for every channel.
"""

from __future__ import annotations

MARKETING_KINDS = frozenset({"MARKETING", "OFFER", "GREETING"})
MARKETING_CHANNELS = frozenset({"NEWSLETTER", "ADVERTISING"})
CONSENT_CHANNELS = (
    "EMAIL",
    "SMS",
    "PHONE",
    "POST",
    "CHAT",
    "VIDEO_CALL",
    "FAX",
    "NEWSLETTER",
    "WEBSITE",
    "STORE",
    "ADVERTISING",
)
# Older channels that also cover a contact, after its own.
_ALSO_COVERED_BY = {"FAX": "POST", "NEWSLETTER": "EMAIL"}
# A consent event without a channel: it speaks for every channel of its purpose.
EVERY_CHANNEL = "ANY"


def is_marketing(kind: str, channel: str) -> bool:
    return kind in MARKETING_KINDS or channel in MARKETING_CHANNELS


def covering(channel: str) -> tuple[str, ...]:
    """The consent channels that cover a contact on `channel`, most specific first."""
    older = _ALSO_COVERED_BY.get(channel)
    return (channel,) if older is None else (channel, older)
