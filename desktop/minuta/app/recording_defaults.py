"""The devices and language a recording uses when the user does not choose again.

The desktop app remembers the microphone and call output of the last
recording that started, so the next one (from the window, the tray or a
hotkey) records from the same devices. Device ids can carry a person's name,
so they are kept in the encrypted settings, never in a plain config file.
Consent is never remembered here: every recording asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from minuta.app.recording import RecordingRequest
from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.transcribe.catalogue import ModelError
from minuta.transcribe.languages import normalise_language


@dataclass(frozen=True, slots=True)
class LastDevices:
    microphone: str | None  # a device id; None: the system default
    output: str | None  # a device id; None: the system default
    call_audio: bool  # False: microphone only (an in-person meeting)


def last_devices(store: Store) -> LastDevices:
    microphone = store.settings.get(Setting.RECORDING_MICROPHONE)
    output = store.settings.get(Setting.RECORDING_OUTPUT)
    return LastDevices(
        microphone if isinstance(microphone, str) and microphone else None,
        output if isinstance(output, str) and output else None,
        bool(store.settings.get(Setting.RECORDING_CALL_AUDIO)),
    )


def remember_devices(store: Store, request: RecordingRequest) -> None:
    """Keep the request's devices for the next recording.

    A microphone-only recording keeps the call output chosen before: the next
    call is likely to use it again.
    """
    with store.db.transaction():
        store.settings.set(Setting.RECORDING_MICROPHONE, request.microphone)
        store.settings.set(Setting.RECORDING_CALL_AUDIO, request.record_output)
        if request.record_output:
            store.settings.set(Setting.RECORDING_OUTPUT, request.output)


def language_setting(store: Store) -> str | None:
    """The chosen transcription language: a code, ``"mixed"``, or None (detect it)."""
    # The final pass's module loads the transcription stack: only when asked.
    from minuta.app.recording_transcription import MIXED

    value = store.settings.get(Setting.TRANSCRIPTION_LANGUAGE)
    if not isinstance(value, str):
        return None
    if value.strip().lower() == MIXED:
        return MIXED
    try:
        return normalise_language(value)
    except ModelError:
        return None  # a setting from a newer version, say: detecting is always safe


def quick_request(store: Store, consent: Consent, *, title: str | None = None) -> RecordingRequest:
    """A recording from the remembered devices and language (the tray, a hotkey)."""
    devices = last_devices(store)
    return RecordingRequest(
        title=title,
        microphone=devices.microphone,
        output=devices.output,
        record_output=devices.call_audio,
        consent=consent,
        language=language_setting(store),
    )
