"""The one context of a request, built by the edge and passed explicitly down the layers."""

from __future__ import annotations

from dataclasses import dataclass

from cdp.access.policy import Policy
from cdp.access.viewer import Viewer
from cdp.errors import Unauthenticated
from cdp.settings import Settings
from cdp.store.graph import Graph


@dataclass
class RequestContext:
    graph: Graph
    settings: Settings
    viewer: Viewer | None = None

    @property
    def who(self) -> Viewer:
        """The viewer of an authenticated request (the edge lets no other run an operation)."""
        if self.viewer is None:
            raise Unauthenticated()
        return self.viewer

    @property
    def policy(self) -> Policy:
        return Policy(self.who)
