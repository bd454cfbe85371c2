"""The public schema changes by addition: every breaking or dangerous change against the last
release's schema is listed in CHANGELOG.md (needs no database)."""

from __future__ import annotations

import re
from pathlib import Path

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

from schema.root import SDL_PATH

REPO = Path(__file__).resolve().parents[3]
BASELINE = REPO / "schema" / "baseline.graphql"
CHANGELOG = REPO / "CHANGELOG.md"

# A schema coordinate as graphql-core writes it: `Type.field`, `Type.field(arg:)`, `@dir(arg:)`.
_COORDINATE = re.compile(r"@?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?(?:\([A-Za-z_]\w*:\))?")
_LAST_WORD_TEMPLATES = ("union type", "interfaces implemented by")


def coordinate(description: str) -> str:
    """The schema coordinate a change description is about."""
    text = re.sub(r"\s+\(", "(", " ".join(description.split()))
    tokens: list[str] = _COORDINATE.findall(text)
    for token in tokens:
        if "." in token or "(" in token or token.startswith("@"):
            return token
    if any(template in text for template in _LAST_WORD_TEMPLATES):
        return tokens[-1]
    return tokens[0]


def listed_coordinates(changelog: str) -> set[str]:
    """Coordinates in backticks under "Breaking" or "Changed" of the Unreleased section."""
    unreleased = changelog.split("\n## Unreleased", 1)[-1].split("\n## ", 1)[0]
    listed: set[str] = set()
    for section in re.split(r"\n### ", unreleased)[1:]:
        heading, _, body = section.partition("\n")
        if heading.strip() in {"Breaking", "Changed"}:
            listed.update(re.findall(r"`([^`]+)`", body))
    return listed


def unlisted_changes(baseline_sdl: str, current_sdl: str, changelog: str) -> list[str]:
    old, new = build_schema(baseline_sdl), build_schema(current_sdl)
    changes = [*find_breaking_changes(old, new), *find_dangerous_changes(old, new)]
    listed = listed_coordinates(changelog)
    return [
        f"{kind.name}: {' '.join(description.split())} "
        f"(list `{coordinate(description)}` in CHANGELOG.md)"
        for kind, description in changes
        if coordinate(description) not in listed
    ]


def test_every_breaking_or_dangerous_change_is_in_the_changelog() -> None:
    unlisted = unlisted_changes(BASELINE.read_text(), SDL_PATH.read_text(), CHANGELOG.read_text())
    assert not unlisted, "\n".join(unlisted)


_OLD = "type Query { a: Int!\n b(x: Int): Int }\nenum E { ONE }"
_NEW = "type Query { a: Int\n c: Int }\nenum E { ONE TWO }"
_LOG = "# Changelog\n\n## Unreleased\n\n### {section}\n\n- {entry}\n\n## 0.1.0\n\n- `Query.b`\n"


def test_an_unlisted_removal_and_an_unlisted_enum_value_are_reported() -> None:
    log = _LOG.format(section="Added", entry="`Query.b`, `Query.a`, `E.TWO`")
    unlisted = unlisted_changes(_OLD, _NEW, log)
    asked = sorted(line.split("(list ")[1] for line in unlisted)
    assert asked == [
        "`E.TWO` in CHANGELOG.md)",
        "`Query.a` in CHANGELOG.md)",
        "`Query.b` in CHANGELOG.md)",
    ]


def test_changes_listed_under_breaking_or_changed_pass() -> None:
    log = _LOG.format(section="Breaking", entry="`Query.b` and `Query.a` go.").replace(
        "## 0.1.0", "### Changed\n\n- `E.TWO` is new.\n\n## 0.1.0"
    )
    assert unlisted_changes(_OLD, _NEW, log) == []


def test_coordinates_of_graphql_core_descriptions() -> None:
    assert coordinate("Field Money.minorUnits changed type\n from Int! to Int.") == (
        "Money.minorUnits"
    )
    assert coordinate("An optional argument Query.orders\n(system:) was added.") == (
        "Query.orders(system:)"
    )
    assert coordinate("Argument Query.orders(first:) was removed.") == "Query.orders(first:)"
    assert coordinate("Enum value Channel.FAX was added.") == "Channel.FAX"
    assert coordinate("Cat was added to union type Pet.") == "Pet"
    assert coordinate("Customer was removed.") == "Customer"
