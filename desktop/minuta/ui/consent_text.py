"""A meeting's consent in the app's words: one translated line, and the methods' names.

The command line and exports use the plain English of
:func:`minuta.app.consent.describe_consent`; the app says the same in the
user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from minuta.app.consent import informed_names, parse_consent
from minuta.core.consent import ConsentMethod, ConsentRecord
from minuta.core.models import Consent, Meeting, MeetingSource


def decision_text(decision: Consent) -> str:
    texts = {
        Consent.INFORMED: QCoreApplication.translate("ConsentText", "Everyone informed and agreed"),
        Consent.INTERNAL: QCoreApplication.translate("ConsentText", "Internal meeting"),
        Consent.DECLINED: QCoreApplication.translate("ConsentText", "Someone declined"),
        Consent.UNKNOWN: QCoreApplication.translate("ConsentText", "Not recorded"),
    }
    return texts[decision]


def method_text(method: ConsentMethod) -> str:
    """How they were told, as the consent dialog offers it."""
    texts = {
        ConsentMethod.SPOKEN: QCoreApplication.translate("ConsentText", "Said at the start"),
        ConsentMethod.CHAT: QCoreApplication.translate("ConsentText", "Posted in the call's chat"),
        ConsentMethod.INVITATION: QCoreApplication.translate(
            "ConsentText", "In the meeting invitation"
        ),
        ConsentMethod.EMAIL: QCoreApplication.translate("ConsentText", "By e-mail"),
        ConsentMethod.WRITTEN: QCoreApplication.translate("ConsentText", "In writing"),
        ConsentMethod.POLICY: QCoreApplication.translate(
            "ConsentText", "Covered by the workplace's policy"
        ),
    }
    return texts[ConsentMethod(method)]


def consent_summary(meeting: Meeting, record: ConsentRecord | None) -> str:
    """The answer; then how and when; then who was told: one line each.

    "Everyone informed and agreed\nSaid at the start · 23 Nov 2026 10:02\nInformed: Kari
    Nordmann, Ola Hansen".
    """
    if record is None:
        if meeting.source is MeetingSource.IMPORT:
            return QCoreApplication.translate("ConsentText", "Not recorded (imported file)")
        decision = parse_consent(meeting.consent)
        if decision is Consent.UNKNOWN:
            return decision_text(decision)
        return QCoreApplication.translate("ConsentText", "{answer} (no details recorded)").format(
            answer=decision_text(decision)
        )
    when = QLocale().toString(
        QDateTime.fromSecsSinceEpoch(int(record.recorded_at.timestamp())), "d MMM yyyy HH:mm"
    )
    lines = [decision_text(record.decision), f"{method_text(record.method)} · {when}"]
    names = informed_names(record.informed)
    if names:
        lines.append(
            QCoreApplication.translate("ConsentText", "Informed: {names}").format(
                names=", ".join(names)
            )
        )
    if record.note.strip():
        lines.append(record.note.strip())
    return "\n".join(lines)
