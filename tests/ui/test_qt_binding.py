"""The Qt binding keeps Python's reference counts: a guard against a known-bad PySide6.

PySide6 6.12.0 drops one reference to ``None`` each time a Python slot returns
(and to ``True``/``False`` for bool signal arguments). On Python 3.11, where
these objects are not immortal, a running app then aborts with "deallocating
None" after a few thousand signals. 6.11.3 is fine.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui

CALLS = 200


class _Emitter(QObject):
    flag = Signal(bool)


def _refcount_drift(emit, value: object) -> int:
    before = sys.getrefcount(value)
    for _ in range(CALLS):
        emit()
    return sys.getrefcount(value) - before


def _message(what: str) -> str:
    return (
        f"PySide6 {PySide6.__version__} loses a reference to {what} on each signal: a "
        "long-running app will abort. Use a PySide6 without this bug (6.11.3 is fine)."
    )


def test_slots_returning_none_keep_none_alive(qapp):
    # A signal Qt emits itself, into a Python slot that returns None.
    source = QObject()
    source.objectNameChanged.connect(lambda _name: None)
    names = iter(range(CALLS))
    drift = _refcount_drift(lambda: source.setObjectName(str(next(names))), None)
    assert drift > -CALLS // 2, _message("None")


def test_bool_signal_arguments_keep_true_alive(qapp):
    emitter = _Emitter()
    emitter.flag.connect(lambda _value: 1)
    assert _refcount_drift(lambda: emitter.flag.emit(True), True) > -CALLS // 2, _message("True")
