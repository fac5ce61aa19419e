"""Retention: when the audio and transcripts of past meetings are deleted.

One set of rules for all meetings, and optionally other rules for a meeting
type (the template its summary followed). While the rules are edited, the
page lists what they would delete in the next 30 days, computed on the store's
worker from the values on screen (not the saved ones) by the same function
the daily run uses. Read and written on the worker
(:func:`load_retention_page`, :func:`save_retention`), with the rest of the
settings on Save.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from minuta.app.retention import RetentionPreview
from minuta.core.retention import (
    AUDIO,
    Action,
    RetentionSettings,
)
from minuta.store.store import Store, require_store
from minuta.ui.dialogs.base import note_label
from minuta.ui.meeting.background import submit_for
from minuta.ui.settings.retention_policy import PolicyEditor
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

HORIZON_DAYS = 30
PREVIEW_DELAY_MS = 250  # after the last edit


@dataclass(frozen=True, slots=True)
class RetentionPageData:
    settings: RetentionSettings
    type_names: tuple[tuple[str, str], ...]  # (meeting type, its name), as in Summaries
    problem: str | None = None  # the stored rules could not be read: defaults are shown


def load_retention_page(store: Store | None) -> RetentionPageData:
    from minuta.app.retention import RetentionSettingsError, load_settings
    from minuta.store.settings import Setting
    from minuta.summarize.templates import all_templates

    store = require_store(store)
    names = tuple(
        (key, template.name)
        for key, template in all_templates(store.settings.get(Setting.SUMMARY_TEMPLATES)).items()
    )
    try:
        return RetentionPageData(load_settings(store), names)
    except RetentionSettingsError as exc:
        return RetentionPageData(RetentionSettings(), names, str(exc))


def save_retention(store: Store | None, settings: RetentionSettings) -> None:
    from minuta.app.retention import save_settings

    save_settings(require_store(store), settings)


def _preview(
    now: datetime, settings: RetentionSettings
) -> Callable[[Store | None], RetentionPreview]:
    def task(store: Store | None) -> RetentionPreview:
        from minuta.app.retention import preview

        return preview(require_store(store), now, HORIZON_DAYS, settings=settings)

    return task


class RetentionPage(QWidget):
    preview_shown = Signal(object)  # RetentionPreview, once listed

    def __init__(
        self,
        worker: StoreWorker,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._now = now
        self._stored: RetentionSettings | None = None
        self._settings = RetentionSettings()
        self._asked = 0  # the newest preview asked for; older answers are dropped
        self.loaded = False

        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Rules for"))
        self.scope_combo.addItem(self.tr("All meetings"), None)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.own_rules_box = QCheckBox(self.tr("&Own rules for this meeting type"))
        self.own_rules_box.setAccessibleName(self.tr("Own rules for this meeting type"))
        self.own_rules_box.setToolTip(
            self.tr("Otherwise the rules for all meetings apply to this type")
        )
        self.own_rules_box.toggled.connect(self._own_rules_toggled)
        self.editor = PolicyEditor()
        self.editor.changed.connect(self._policy_edited)
        self.problem_label = note_label("")
        self.problem_label.hide()
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_list = QListWidget()
        self.preview_list.setAccessibleName(self.tr("What these rules delete soon"))
        self.preview_list.setMaximumHeight(130)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        form = QFormLayout()
        scope_label = QLabel(self.tr("Rules &for:"))
        scope_label.setBuddy(self.scope_combo)
        form.addRow(scope_label, self.scope_combo)
        form.addRow("", self.own_rules_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.editor)
        layout.addWidget(
            note_label(
                self.tr(
                    "A meeting marked \u201cKeep this meeting\u201d is never deleted by these "
                    "rules. They are applied when Minuta starts and once a day."
                )
            )
        )
        layout.addWidget(self.problem_label)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_list)
        layout.addStretch(1)
        self.setTabOrder(self.scope_combo, self.own_rules_box)
        self.setTabOrder(self.own_rules_box, self.editor)
        self.setTabOrder(self.editor, self.preview_list)
        self._scope_changed()

    # --- the dialog's API ---------------------------------------------------------

    def set_data(self, data: RetentionPageData) -> None:
        """Show the stored rules (on the worker's answer), and what they delete soon."""
        self._stored = data.settings
        self._settings = data.settings
        self.scope_combo.blockSignals(True)
        while self.scope_combo.count() > 1:
            self.scope_combo.removeItem(1)
        for key, name in data.type_names:
            self.scope_combo.addItem(name, key)
        self.scope_combo.setCurrentIndex(0)
        self.scope_combo.blockSignals(False)
        self.problem_label.setText(data.problem or "")
        self.problem_label.setVisible(bool(data.problem))
        self.loaded = True
        self._scope_changed()
        self.refresh_preview()

    def values(self) -> RetentionSettings:
        return self._settings

    def changed_settings(self) -> RetentionSettings | None:
        """What to save: the rules as edited, or None when they are as stored (or not loaded)."""
        if not self.loaded or self._settings == self._stored:
            return None
        return self._settings

    @property
    def scope(self) -> str | None:
        """The meeting type whose rules are shown; None: all meetings."""
        data = self.scope_combo.currentData()
        return str(data) if data is not None else None

    # --- editing ------------------------------------------------------------------

    def _scope_changed(self) -> None:
        scope = self.scope
        own = scope is not None and scope in self._settings.per_type
        self.own_rules_box.setVisible(scope is not None)
        self.own_rules_box.blockSignals(True)
        self.own_rules_box.setChecked(own)
        self.own_rules_box.blockSignals(False)
        self.editor.set_policy(self._settings.policy_for(scope))
        self.editor.setEnabled(scope is None or own)

    def _own_rules_toggled(self, own: bool) -> None:
        scope = self.scope
        if scope is None:
            return
        # Own rules start as a copy of the rules for all meetings.
        policy = self._settings.global_policy if own else None
        self._settings = self._settings.with_policy(scope, policy)
        self._scope_changed()
        self._preview_timer.start()

    def _policy_edited(self) -> None:
        scope = self.scope
        if scope is not None and scope not in self._settings.per_type:
            return  # shows the rules for all meetings, read-only
        self._settings = self._settings.with_policy(scope, self.editor.policy())
        self._preview_timer.start()

    # --- the preview --------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Ask the worker what the rules on screen delete in the next days."""
        self._preview_timer.stop()
        if not self.loaded:
            return
        self._asked += 1
        asked = self._asked
        submit_for(
            self,
            self._worker,
            _preview(self._now(), self._settings),
            lambda shown: self._show_preview(asked, shown),
            self._preview_failed,
        )

    def _show_preview(self, asked: int, shown: RetentionPreview) -> None:
        if asked != self._asked:
            return  # the rules changed again meanwhile
        self.preview_list.clear()
        for action in shown.actions:
            self.preview_list.addItem(self._line(action, shown.now))
        count = len(shown.meeting_ids)
        if count == 0:
            text = self.tr("Nothing will be deleted in the next {days} days.")
        elif count == 1:
            text = self.tr("In the next {days} days, these rules delete from 1 meeting:")
        else:
            text = self.tr("In the next {days} days, these rules delete from {count} meetings:")
        self.preview_label.setText(text.format(days=shown.horizon_days, count=count))
        self.preview_list.setVisible(count > 0)
        self.preview_shown.emit(shown)

    def _line(self, action: Action, now: datetime) -> str:
        if action.what == AUDIO:
            what = self.tr("{title} \u2014 audio on {date}")
            due_now = self.tr("{title} \u2014 audio, due now")
        else:
            what = self.tr("{title} \u2014 transcript on {date}")
            due_now = self.tr("{title} \u2014 transcript, due now")
        if action.due_at <= now:
            return due_now.format(title=action.title)
        local = action.due_at.astimezone()
        date = QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")
        return what.format(title=action.title, date=date)

    def _preview_failed(self, exc: Exception) -> None:
        log.error("the retention preview failed: %s", type(exc).__name__)
        self.preview_list.clear()
        self.preview_list.hide()
        self.preview_label.setText(
            self.tr("What these rules delete could not be listed ({error}).").format(
                error=type(exc).__name__
            )
        )


__all__ = [
    "PolicyEditor",
    "RetentionPage",
    "RetentionPageData",
    "load_retention_page",
    "save_retention",
]
