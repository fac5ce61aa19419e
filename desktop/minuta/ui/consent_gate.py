"""The one way from "record" to a recording: ask about consent first.

Every entry point (the window's Record button, the tray's quick record, the
global hotkey) calls :meth:`ConsentGate.ask` and starts the recording only in
its ``on_allowed(record)`` callback, with that consent record (the answer, who
was told, how and when) in the recording request.
:func:`minuta.app.recording.start_recording` refuses any request without an
allowing answer: the last line of defence, should an entry point ever skip the
gate. A refusal records nothing but an audit event saying so.

The gate reads the consent settings on the store's worker, shows
:class:`~minuta.ui.dialogs.consent.ConsentDialog` with ``open()`` (never a
nested event loop), and remembers on the worker that the first-time notice
has been read. Only one question is open at a time: asking again while it is
open (the hotkey pressed twice) brings it to the front.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from minuta.app.consent import record_declined
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.store.store import Store, require_store
from minuta.ui.dialogs.consent import ConsentDialog, announcement_language, system_language
from minuta.ui.settings.values import parse_preselect
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

AllowedCallback = Callable[[ConsentRecord], None]


@dataclass(frozen=True, slots=True)
class ConsentSettings:
    preselect: Consent | None = None
    notice_seen: bool = False
    language: str | None = None  # the usual meeting language; None: detected


# --- on the worker thread ------------------------------------------------------------


def read_consent_settings(store: Store | None) -> ConsentSettings:
    settings = require_store(store).settings
    language = settings.get(Setting.TRANSCRIPTION_LANGUAGE)
    return ConsentSettings(
        preselect=parse_preselect(settings.get(Setting.CONSENT_PRESELECT)),
        notice_seen=bool(settings.get(Setting.CONSENT_NOTICE_SEEN)),
        language=None if language in (None, "", "auto") else str(language),
    )


def mark_notice_seen(store: Store | None) -> None:
    require_store(store).settings.set(Setting.CONSENT_NOTICE_SEEN, True)


def log_declined(method: ConsentMethod) -> Callable[[Store | None], int]:
    return lambda store: record_declined(require_store(store), method)


# --- on the GUI thread ---------------------------------------------------------------


@dataclass(slots=True)
class _Request:
    parent: QWidget | None
    language: str | None
    on_allowed: AllowedCallback
    participants: tuple[str, ...] = ()


class ConsentGate(QObject):
    """``ask()`` → dialog → ``on_allowed(record)`` only for an answer that allows recording."""

    declined = Signal()  # someone declined: nothing is recorded
    cancelled = Signal()  # the question was closed without an answer
    dialog_opened = Signal(object)  # the ConsentDialog, as it opens (for tests, and focus)

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._request: _Request | None = None
        self._dialog: ConsentDialog | None = None
        # How people were last told (not the policy: that comes with "internal"), for
        # this run: asked again each time, but one choice fewer.
        self._last_method: ConsentMethod | None = None

    @property
    def dialog(self) -> ConsentDialog | None:
        """The question now open, if any."""
        return self._dialog

    @property
    def asking(self) -> bool:
        """A question is open, or about to open."""
        return self._request is not None

    def ask(
        self,
        parent: QWidget | None,
        language: str | None,
        on_allowed: AllowedCallback,
        *,
        participants: Sequence[str] = (),
    ) -> None:
        """Ask before recording a meeting in ``language`` (None: the usual one).

        ``on_allowed`` is called once, after the dialog closed, and only with a
        record whose decision is :attr:`Consent.INFORMED` or :attr:`Consent.INTERNAL`.
        ``participants`` fill in who was told (the person can change it).
        """
        if self._request is not None:
            if self._dialog is not None:
                self._dialog.raise_()
                self._dialog.activateWindow()
            return
        self._request = _Request(parent, language, on_allowed, tuple(participants))
        self._worker.submit(read_consent_settings, self._show, self._read_failed)

    def _read_failed(self, exc: Exception) -> None:
        # The question is asked all the same: with the notice, and nothing pre-selected.
        log.warning("reading the consent settings failed: %s", type(exc).__name__)
        self._show(ConsentSettings())

    def _show(self, settings: ConsentSettings) -> None:
        request = self._request
        if request is None:
            return
        parent = request.parent if request.parent is not None and isValid(request.parent) else None
        dialog = ConsentDialog(
            language=announcement_language(request.language, settings.language, system_language()),
            preselect=settings.preselect,
            show_notice=not settings.notice_seen,
            informed=request.participants,
            method=self._last_method,
            parent=parent,
        )
        if parent is None:
            # From the tray or the hotkey, over a call in another program: keep it in sight.
            dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        dialog.finished.connect(lambda result: self._answered(dialog, result))
        self._dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        self.dialog_opened.emit(dialog)

    def _answered(self, dialog: ConsentDialog, result: int) -> None:
        request, self._request, self._dialog = self._request, None, None
        record = dialog.consent_record
        answered = result in (QDialog.DialogCode.Accepted, ConsentDialog.DECLINED)
        if dialog.notice_shown and answered:
            self._worker.submit(mark_notice_seen, None, self._mark_failed)
        dialog.deleteLater()
        if record is not None and record.method is not ConsentMethod.POLICY:
            self._last_method = record.method
        if request is None:
            return
        if (
            result == QDialog.DialogCode.Accepted
            and record is not None
            and record.decision.allows_recording
        ):
            request.on_allowed(record)
        elif result == ConsentDialog.DECLINED:
            method = record.method if record is not None else dialog.method
            self._worker.submit(log_declined(method), None, self._log_failed)
            self.declined.emit()
        else:
            self.cancelled.emit()

    @staticmethod
    def _log_failed(exc: Exception) -> None:
        # Nothing was recorded all the same; only the audit log misses the refusal.
        log.warning("logging a declined recording failed: %s", type(exc).__name__)

    @staticmethod
    def _mark_failed(exc: Exception) -> None:
        # Only means the notice is shown once more next time.
        log.warning("remembering the consent notice failed: %s", type(exc).__name__)
