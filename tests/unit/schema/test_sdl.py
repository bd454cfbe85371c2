from __future__ import annotations

from schema.root import SDL_PATH, sdl


def test_the_committed_sdl_matches_the_code() -> None:
    assert SDL_PATH.read_text() == sdl(), "the schema changed: run `make schema` and commit it"
