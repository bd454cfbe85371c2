"""What every resolver receives from Strawberry: the request's context (`cdp.request`)."""

from __future__ import annotations

import strawberry

from cdp.request import RequestContext

Info = strawberry.Info[RequestContext, None]
