"""Consent before recording: the rule every way of starting a recording goes through.

The app, the tray, the global hotkey and ``minuta record`` all end in
:func:`minuta.app.recording.start_recording`, which calls :func:`require_consent`
first: a recording without an answer that allows it cannot start, whatever the
entry point. Settings may make the question quicker (a remembered default that
is pre-selected), never skip it.
"""

from __future__ import annotations

from minuta.core.models import Consent


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
