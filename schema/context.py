"""What every resolver receives: the graph and the settings, built per request."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from cdp.access.viewer import Viewer
from cdp.errors import Unauthenticated
from cdp.settings import Settings
from cdp.store.graph import Graph


@dataclass
class Context:
    graph: Graph
    settings: Settings
    viewer: Viewer | None = None

    @property
    def who(self) -> Viewer:
        """The viewer of an authenticated request (the app lets no other run an operation)."""
        if self.viewer is None:
            raise Unauthenticated()
        return self.viewer


Info = strawberry.Info[Context, None]
