from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minuta.store.errors import InvalidRecoveryKeyError
from minuta.store.recovery import SECRET_BYTES, RecoveryKey


@given(st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES))
def test_formatted_key_parses_back(secret):
    key = RecoveryKey(secret)
    text = key.formatted()
    groups = text.split("-")
    assert len(groups) == 9
    assert all(len(g) == 5 for g in groups)
    assert RecoveryKey.parse(text) == key
    assert RecoveryKey.parse(text.lower().replace("-", " ")) == key


def test_lookalike_digits_are_read_as_letters():
    key = RecoveryKey(bytes(range(SECRET_BYTES)))
    text = key.formatted()
    assert "O" in text or "I" in text or "B" in text
    typed = text.replace("O", "0").replace("I", "1").replace("B", "8")
    assert RecoveryKey.parse(typed) == key


@given(st.binary(min_size=SECRET_BYTES, max_size=SECRET_BYTES), st.integers(0, 44), st.data())
def test_any_single_typo_is_caught(secret, position, data):
    compact = RecoveryKey(secret).formatted().replace("-", "")
    wrong = data.draw(
        st.sampled_from([c for c in "ACDEFGHJKLMNPQRSTUVWXYZ234567" if c != compact[position]])
    )
    typo = compact[:position] + wrong + compact[position + 1 :]
    # A changed body character must fail the checksum (or decode to another key
    # that then fails it); a changed checksum character always fails.
    with pytest.raises(InvalidRecoveryKeyError):
        RecoveryKey.parse(typo)


@pytest.mark.parametrize("text", ["", "ABCDE", "ABCDE-" * 9, "!!!!!" * 9])
def test_malformed_keys_get_a_clear_message(text):
    with pytest.raises(InvalidRecoveryKeyError) as caught:
        RecoveryKey.parse(text)
    assert "recovery key" in str(caught.value)


def test_repr_never_shows_the_secret():
    key = RecoveryKey.generate()
    assert key.secret.hex() not in repr(key)
    assert key.formatted() not in repr(key)
