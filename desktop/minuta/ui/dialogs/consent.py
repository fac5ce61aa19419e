"""Before every recording: have the people in the meeting been told, and agreed?

The dialog shows what to say (or paste into the call's chat) in the meeting's
language, and three answers. Nothing is chosen unless the settings pre-select
an answer, so Record cannot be pressed by habit; with a pre-selected answer it
is one press of Enter. "Someone declined" never records: it closes calmly.
Under the answers: how they were told (an internal meeting picks the
workplace's policy) and who was told (the participants, editable).

Open it with ``open()``. Accepted means an answer that allows recording
(``consent``, and in full ``consent_record``); finishing with
:attr:`ConsentDialog.DECLINED` means someone declined; rejected means the person
cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minuta.app.consent import ANNOUNCEMENTS, announcement
from minuta.core.consent import ConsentMethod, ConsentRecord, parse_informed
from minuta.core.models import Consent
from minuta.ui.consent_text import method_text
from minuta.ui.dialogs.base import DIALOG_WIDTH, heading_label, note_label, text_label

# The announcement's languages, named in themselves: the person picks the meeting's.
ANNOUNCEMENT_LANGUAGES = (
    ("en", "English"),
    ("da", "Dansk"),
    ("sv", "Svenska"),
    ("no", "Norsk"),
    ("fi", "Suomi"),
    ("lt", "Lietuvių"),
)


def announcement_language(*candidates: str | None) -> str:
    """The first candidate with an announcement ("nb-NO" counts as "no"), else "en"."""
    for candidate in candidates:
        if not candidate:
            continue
        code = candidate.lower().replace("_", "-").split("-")[0]
        code = "no" if code in ("nb", "nn") else code
        if code in ANNOUNCEMENTS:
            return code
    return "en"


class ConsentDialog(QDialog):
    DECLINED = 2  # the dialog's result when someone declined (Accepted is 1, Rejected 0)

    def __init__(
        self,
        *,
        language: str | None = None,
        preselect: Consent | None = None,
        show_notice: bool = False,
        informed: Sequence[str] = (),
        method: ConsentMethod | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``informed``: the participants, as who was told; ``method``: how they are
        usually told (the last answer's); an internal meeting picks the policy."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you record"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self._consent = Consent.UNKNOWN
        self._confirmed: ConsentRecord | None = None

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading_label(self.tr("Does everyone know you are recording?")))

        self.notice: QLabel | None = None
        if show_notice:
            self.notice = text_label(
                self.tr(
                    "Recording people needs their knowledge, and in many countries their "
                    "consent. Tell everyone before you start, and record only if they agree. "
                    "Minuta asks before every recording and keeps your answer with the meeting."
                )
            )
            self.notice.setObjectName("consentNotice")
            layout.addWidget(self.notice)

        layout.addWidget(self._announcement_box(announcement_language(language)))

        self.informed_radio = QRadioButton(self.tr("Everyone is &informed and agreed"))
        self.internal_radio = QRadioButton(self.tr("I&nternal meeting"))
        self.declined_radio = QRadioButton(self.tr("Someone &declined — don't record"))
        self.internal_radio.setToolTip(
            self.tr("Colleagues only, where your workplace's own rules on recording apply")
        )
        self._choices = {
            Consent.INFORMED: self.informed_radio,
            Consent.INTERNAL: self.internal_radio,
            Consent.DECLINED: self.declined_radio,
        }
        self._group = QButtonGroup(self)
        for radio in self._choices.values():
            radio.setAccessibleName(radio.text().replace("&", ""))
            self._group.addButton(radio)
            layout.addWidget(radio)

        layout.addLayout(self._how_and_who(informed, method))

        self.declined_message = text_label(
            self.tr("That's fine: nothing will be recorded. You can still write notes by hand.")
        )
        self.declined_message.setObjectName("declinedMessage")
        self.declined_message.hide()
        layout.addWidget(self.declined_message)

        self.buttons = QDialogButtonBox()
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        self.cancel_button = cancel
        self.cancel_button.setAutoDefault(False)
        self.decline_button = self._button(
            self.tr("&Close without recording"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.record_button = self._button(
            self.tr("&Record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setAccessibleName(self.tr("Start recording"))
        self.record_button.setToolTip(self.tr("Start recording (Enter)"))
        self.cancel_button.clicked.connect(self.reject)
        self.record_button.clicked.connect(self._record)
        self.decline_button.clicked.connect(self._decline)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)

        self._group.buttonToggled.connect(lambda *_: self._refresh())
        if preselect in (Consent.INFORMED, Consent.INTERNAL):
            self._choices[preselect].setChecked(True)
        self._refresh()
        # With an answer already chosen, Enter records; otherwise start at the answers.
        (self.record_button if self.choice else self.informed_radio).setFocus()

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        assert button is not None
        button.setAutoDefault(False)  # Enter presses only the button the answer makes default
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _how_and_who(self, informed: Sequence[str], method: ConsentMethod | None) -> QFormLayout:
        # The policy is for internal meetings only: it is chosen with that answer.
        self._usual_method = method if method is not ConsentMethod.POLICY else None
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 0)
        self.method_combo = QComboBox()
        self.method_combo.setAccessibleName(self.tr("How you told them"))
        for each in ConsentMethod:
            self.method_combo.addItem(method_text(each), each.value)
        self.informed_field = QLineEdit(", ".join(informed))
        self.informed_field.setAccessibleName(self.tr("Who was told"))
        self.informed_field.setPlaceholderText(self.tr("Names, separated by commas"))
        self.informed_field.setToolTip(self.tr("Kept with the meeting, as its consent record"))
        how = QLabel(self.tr("How did you &tell them?"))
        how.setBuddy(self.method_combo)
        who = QLabel(self.tr("&Who was told"))
        who.setBuddy(self.informed_field)
        form.addRow(how, self.method_combo)
        form.addRow(who, self.informed_field)
        self._set_method(self._usual_method or ConsentMethod.SPOKEN)
        self.internal_radio.toggled.connect(self._internal_toggled)
        return form

    def _internal_toggled(self, internal: bool) -> None:
        # An internal meeting is covered by the workplace's policy; leaving it goes back.
        if internal:
            self._set_method(ConsentMethod.POLICY)
        elif self.method is ConsentMethod.POLICY:
            self._set_method(self._usual_method or ConsentMethod.SPOKEN)

    def _set_method(self, method: ConsentMethod) -> None:
        self.method_combo.setCurrentIndex(self.method_combo.findData(method.value))

    def _announcement_box(self, language: str) -> QFrame:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(14, 10, 14, 10)
        top = QHBoxLayout()
        top.addWidget(note_label(self.tr("Say it, or paste it into the call's chat:")), 1)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language of the announcement"))
        for code, name in ANNOUNCEMENT_LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        top.addWidget(self.language_combo)
        inner.addLayout(top)
        self.announcement_label = text_label(announcement(language))
        self.announcement_label.setObjectName("announcement")
        self.announcement_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.announcement_label.setAccessibleName(self.tr("Announcement"))
        inner.addWidget(self.announcement_label)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("C&opy"))
        self.copy_button.setAccessibleName(self.tr("Copy the announcement"))
        self.copy_button.setToolTip(self.tr("Copy it, then paste it into the call's chat"))
        self.copy_button.setAutoDefault(False)
        self.copied_label = note_label(self.tr("Copied. Paste it into the call's chat."))
        self.copied_label.hide()
        row.addWidget(self.copy_button)
        row.addWidget(self.copied_label)
        row.addStretch(1)
        inner.addLayout(row)
        self.copy_button.clicked.connect(self.copy_announcement)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        return box

    # --- state --------------------------------------------------------------------

    @property
    def choice(self) -> Consent | None:
        """The answer selected now (not yet confirmed)."""
        return next((c for c, radio in self._choices.items() if radio.isChecked()), None)

    @property
    def consent(self) -> Consent:
        """The confirmed answer: UNKNOWN until Record (or Close without recording)."""
        return self._consent

    @property
    def consent_record(self) -> ConsentRecord | None:
        """The confirmed answer in full (who, how, when): None until it is confirmed."""
        return self._confirmed

    @property
    def method(self) -> ConsentMethod:
        """How they were told, as chosen now."""
        return ConsentMethod(str(self.method_combo.currentData()))

    @property
    def informed(self) -> tuple[str, ...]:
        """Who was told, as typed now."""
        return parse_informed(self.informed_field.text())

    @property
    def notice_shown(self) -> bool:
        return self.notice is not None

    @property
    def announcement_text(self) -> str:
        return self.announcement_label.text()

    def _refresh(self) -> None:
        choice = self.choice
        allowed = choice is not None and choice.allows_recording
        declined = choice is Consent.DECLINED
        self.record_button.setEnabled(allowed)
        self.record_button.setVisible(not declined)
        self.decline_button.setVisible(declined)
        self.declined_message.setVisible(declined)
        # Enter does what the answer means, and nothing while there is none.
        self.record_button.setDefault(allowed)
        self.decline_button.setDefault(declined)

    def showEvent(self, event: QShowEvent) -> None:
        # As tall as the wrapped text needs (see StartupDialog.fit_height).
        width = max(self.width(), self.minimumWidth())
        height = self._layout.totalHeightForWidth(width)
        if height > 0:
            self.resize(width, height)
        super().showEvent(event)

    def _language_changed(self) -> None:
        self.announcement_label.setText(announcement(str(self.language_combo.currentData())))
        self.copied_label.hide()

    def copy_announcement(self) -> None:
        QGuiApplication.clipboard().setText(self.announcement_text)
        self.copied_label.show()

    # --- answers ------------------------------------------------------------------

    def _confirm(self, decision: Consent) -> None:
        self._consent = decision
        self._confirmed = ConsentRecord(
            decision=decision,
            method=self.method,
            informed=self.informed,
            recorded_at=datetime.now(UTC),
            announcement_language=str(self.language_combo.currentData()),
        )

    def _record(self) -> None:
        choice = self.choice
        if choice is not None and choice.allows_recording:
            self._confirm(choice)
            self.accept()

    def _decline(self) -> None:
        if self.choice is Consent.DECLINED:
            self._confirm(Consent.DECLINED)
            self.done(self.DECLINED)


def system_language() -> str:
    """The desktop's language code, for when the meeting's is not known."""
    return QLocale.system().name()
