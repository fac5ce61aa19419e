"""Consent before recording: the rule every way of starting a recording goes through.

The app, the tray, the global hotkey and ``minuta record`` all end in
:func:`minuta.app.recording.start_recording`, which calls :func:`require_consent`
first: a recording without an answer that allows it cannot start, whatever the
entry point. Settings may make the question quicker (a remembered default that
is pre-selected), never skip it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from minuta.core.audit import AuditKind
from minuta.core.consent import ConsentMethod, ConsentRecord, default_method
from minuta.core.models import Consent, Meeting, MeetingSource
from minuta.core.participants import split_participant

if TYPE_CHECKING:
    from minuta.store.store import Store


class ConsentRequiredError(Exception):
    """A recording was asked for without the participants' consent recorded."""

    def __init__(self, consent: Consent) -> None:
        if consent is Consent.DECLINED:
            message = "Someone declined to be recorded, so nothing is recorded."
        else:
            message = (
                "Before recording, tell everyone they are being recorded, then say so: "
                "everyone informed and agreed, or an internal meeting."
            )
        super().__init__(message)
        self.consent = consent


def parse_consent(value: str | Consent) -> Consent:
    try:
        return Consent(value)
    except ValueError:
        return Consent.UNKNOWN


def require_consent(value: str | Consent) -> Consent:
    """The consent if it allows recording; otherwise :class:`ConsentRequiredError`."""
    consent = parse_consent(value)
    if not consent.allows_recording:
        raise ConsentRequiredError(consent)
    return consent


def consent_record(
    decision: Consent,
    *,
    method: ConsentMethod | None = None,
    informed: Sequence[str] = (),
    announcement_language: str | None = None,
    note: str = "",
    at: datetime | None = None,
) -> ConsentRecord:
    """A record of ``decision`` made now; the method defaults to what the decision implies
    (an internal meeting: the workplace's policy; otherwise said at the start)."""
    return ConsentRecord(
        decision=decision,
        method=method if method is not None else default_method(decision),
        informed=tuple(informed),
        recorded_at=at or datetime.now(UTC),
        note=note,
        announcement_language=announcement_language,
    )


def audit_detail(record: ConsentRecord) -> dict[str, str]:
    """What the audit log keeps of a consent answer: the decision and the method, no names."""
    return {"decision": record.decision.value, "method": ConsentMethod(record.method).value}


def record_declined(store: Store, method: ConsentMethod) -> int:
    """Log that someone declined and nothing was recorded (no meeting exists, so no id)."""
    return store.audit.add(
        AuditKind.RECORDING_DECLINED, detail={"method": ConsentMethod(method).value}
    )


# Plain English for the command line and the exports; the app shows its own translations.
DECISION_TEXT = {
    Consent.INFORMED: "everyone informed and agreed",
    Consent.INTERNAL: "internal meeting",
    Consent.DECLINED: "someone declined",
    Consent.UNKNOWN: "not recorded",
}
METHOD_TEXT = {
    ConsentMethod.SPOKEN: "said at the start",
    ConsentMethod.CHAT: "posted in the call's chat",
    ConsentMethod.INVITATION: "in the meeting invitation",
    ConsentMethod.EMAIL: "by e-mail",
    ConsentMethod.WRITTEN: "consent in writing",
    ConsentMethod.POLICY: "covered by the workplace's policy",
}


def informed_names(informed: Sequence[str]) -> list[str]:
    """The people as names (the address only where no name was given)."""
    names = []
    for person in informed:
        name, email = split_participant(person)
        if name or email:
            names.append(name or email)
    return names


def when_text(at: datetime) -> str:
    """ "23 Nov 2026 10:02", in local time."""
    local = at.astimezone()
    return f"{local.day} {local.strftime('%b %Y %H:%M')}"


def describe_consent(meeting: Meeting, record: ConsentRecord | None) -> str:
    """One line for ``Consent: …``: the answer, how, when, and who was told.

    A meeting without a record is an imported file, or was recorded before
    records were kept (its answer alone is known then).
    """
    if record is None:
        if meeting.source is MeetingSource.IMPORT:
            return "not recorded (imported file)"
        decision = parse_consent(meeting.consent)
        if decision is Consent.UNKNOWN:
            return "not recorded"
        return f"{DECISION_TEXT[decision]} (no details recorded)"
    parts = [
        DECISION_TEXT[record.decision],
        f"{METHOD_TEXT[ConsentMethod(record.method)]}, {when_text(record.recorded_at)}",
    ]
    names = informed_names(record.informed)
    if names:
        parts.append("informed: " + ", ".join(names))
    line = " — ".join(parts)
    return f"{line} — {record.note.strip()}" if record.note.strip() else line


# What to say, or paste into the call's chat, before recording: short, plain, and
# in the meeting's language. Unknown languages fall back to English.
ANNOUNCEMENTS: dict[str, str] = {
    "en": (
        "Just so you know: I'm recording this meeting on my own computer to take notes. "
        "The recording stays with me and isn't shared. Is that all right with everyone?"
    ),
    "da": (
        "Bare så I ved det: Jeg optager dette møde på min egen computer for at tage noter. "
        "Optagelsen bliver hos mig og deles ikke. Er det i orden med alle?"
    ),
    "sv": (
        "Bara så att ni vet: jag spelar in det här mötet på min egen dator för att föra "
        "anteckningar. Inspelningen stannar hos mig och delas inte. Går det bra för alla?"
    ),
    "no": (
        "Bare så dere vet det: Jeg tar opp dette møtet på min egen datamaskin for å ta "
        "notater. Opptaket blir hos meg og deles ikke. Er det greit for alle?"
    ),
    "fi": (
        "Tiedoksi: nauhoitan tämän kokouksen omalle tietokoneelleni muistiinpanoja varten. "
        "Nauhoite pysyy minulla eikä sitä jaeta. Sopiiko se kaikille?"
    ),
    "lt": (
        "Noriu informuoti: šį susitikimą įrašau savo kompiuteryje, kad galėčiau užsirašyti "
        "pastabas. Įrašas lieka pas mane ir nėra platinamas. Ar visi sutinka?"
    ),
}


def announcement(language: str | None) -> str:
    """The announcement in ``language`` (a Whisper code such as "da"), else in English."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    if code in {"nb", "nn"}:
        code = "no"
    return ANNOUNCEMENTS.get(code, ANNOUNCEMENTS["en"])
