"""The folding of search text (`cdp.customers.search_text.search_text`): a pure function, no
database."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdp.customers.search_text import email_text, name_text, search_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Jānis Bērziņš", "janis berzins"),
        ("JĀNIS", "janis"),
        ("Ģirts Ķeniņš Ļaudis Čakste Žagars Šķēle Ūdris Īvāns", None),
        ("שָׁלוֹם כֹּהֵן", "שלום כהן"),
        # Cantillation as well as points; the maqaf (Hebrew hyphen) is punctuation and stays.
        ("בְּרֵאשִׁ֖ית בָּרָ֣א", "בראשית ברא"),
        ("בֵּית־לֶחֶם", "בית־לחם"),
        # A presentation form (shin with its dot) is a letter and a point.
        ("\ufb2a", "ש"),
        ("Straße", "strasse"),
        ("Łukasz Ørsted Æbeltoft", "lukasz orsted aebeltoft"),
        ("\uff2a\uff21\uff2e\uff29\uff33 \uff11\uff12", "janis 12"),  # full width
        ("ﬁnance", "finance"),
        ("Ada.Lovelace@Example.COM", "ada.lovelace@example.com"),
    ],
)
def test_folds_case_latin_diacritics_and_hebrew_points(typed: str, stored: str | None) -> None:
    folded = search_text(typed)
    if stored is not None:
        assert folded == stored
    assert folded.isascii() or any("\u05d0" <= char <= "\u05ea" for char in folded)
    assert not any(unicodedata.category(char) == "Mn" for char in folded)


def test_other_scripts_keep_their_marks() -> None:
    """A Cyrillic й is not an и: only Latin and Hebrew marks go."""
    assert search_text("Йогурт") == "йогурт"
    assert search_text("Ἀθῆναι") == unicodedata.normalize("NFKC", "ἀθῆναι")


def test_what_is_typed_and_what_is_stored_meet() -> None:
    assert search_text("Berzins") in search_text("Jānis Bērziņš")
    assert search_text("JANIS") in search_text("Jānis")
    assert search_text("כהן") in search_text("שָׁלוֹם כֹּהֵן")


@given(st.text())
def test_is_idempotent_and_in_nfkc(text: str) -> None:
    folded = search_text(text)
    assert search_text(folded) == folded
    assert unicodedata.normalize("NFKC", folded) == folded


def test_the_stored_properties() -> None:
    assert name_text("Jānis") == "janis"
    assert name_text(None) is None
    assert email_text(["jānis@pasts.example", "b@x.example"]) == "janis@pasts.example b@x.example"
    assert email_text([]) is None
