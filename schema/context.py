"""What every resolver receives: the graph and the settings, built per request."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from cdp.graph import Graph
from cdp.settings import Settings


@dataclass
class Context:
    graph: Graph
    settings: Settings


Info = strawberry.Info[Context, None]
