from __future__ import annotations

import pytest

from minuta.core.participants import split_participant


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Anna Berg", ("Anna Berg", "")),
        ("Anna Berg <anna@x.dk>", ("Anna Berg", "anna@x.dk")),
        ('"Anna Berg" <anna@x.dk>', ("Anna Berg", "anna@x.dk")),
        ("anna.berg@x.dk", ("", "anna.berg@x.dk")),
        ("Anna anna@x.dk", ("Anna", "anna@x.dk")),
        ("<anna@x.dk>", ("", "anna@x.dk")),
        ("  ", ("", "")),
    ],
)
def test_a_participant_splits_into_name_and_address(typed, expected):
    assert split_participant(typed) == expected
