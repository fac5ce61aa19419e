"""The settings the settings dialog and the first-start setup edit, as one value.

Read and written on the store's worker thread (these functions get the
:class:`~minuta.store.store.Store` from :meth:`StoreWorker.submit`); the GUI
only ever holds the plain :class:`StoredSettings`. Everything here may be
personal (a name, "Anna's AirPods"), so it lives in the encrypted store; the
quick-record hotkey, which is not, lives in ``QSettings`` (see ``hotkey.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minuta.app.recording_defaults import last_devices
from minuta.core.models import Consent
from minuta.store.settings import Setting
from minuta.store.store import Store, require_store
from minuta.transcribe import catalogue

# The only answers a setting may pre-select: declining is never a default.
PRESELECTABLE = (Consent.INFORMED, Consent.INTERNAL)


@dataclass(frozen=True, slots=True)
class StoredSettings:
    microphone: str | None = None  # a device id; None: the system default
    output: str | None = None  # a device id; None: the system default
    call_audio: bool = True  # record what the computer plays (the call) too
    language: str = "auto"  # a Whisper code, or "auto"
    model: str = catalogue.EMBEDDED_MODEL  # a catalogue name or a model folder
    user_name: str | None = None  # None: "me"
    consent_preselect: Consent | None = None


def parse_preselect(value: object) -> Consent | None:
    """The pre-selected consent answer a setting holds, if it is one that may be."""
    try:
        consent = Consent(str(value)) if value is not None else None
    except ValueError:
        return None
    return consent if consent in PRESELECTABLE else None


def clean_name(value: str | None) -> str | None:
    name = " ".join((value or "").split())
    return name or None


def load_settings(store: Store | None) -> StoredSettings:
    store = require_store(store)
    settings = store.settings
    devices = last_devices(store)  # as the next recording will use them
    return StoredSettings(
        microphone=devices.microphone,
        output=devices.output,
        call_audio=devices.call_audio,
        language=str(settings.get(Setting.TRANSCRIPTION_LANGUAGE) or "auto"),
        model=str(settings.get(Setting.TRANSCRIPTION_MODEL) or catalogue.EMBEDDED_MODEL),
        user_name=clean_name(settings.get(Setting.USER_NAME)),
        consent_preselect=parse_preselect(settings.get(Setting.CONSENT_PRESELECT)),
    )


def save_settings(
    store: Store | None, values: StoredSettings, models_dir: Path, *, setup_done: bool = False
) -> StoredSettings:
    """Write ``values`` in one transaction (and, from the setup, that it is done)."""
    store = require_store(store)
    preselect = values.consent_preselect
    if preselect is not None and preselect not in PRESELECTABLE:
        raise ValueError(f"{preselect.value!r} cannot be pre-selected")
    info = catalogue.find(values.model)
    # The model list offers only models that are here; a folder path is the
    # person's own choice, checked when it is loaded.
    if info is not None and not info.embedded and not catalogue.is_installed(models_dir, info.name):
        raise catalogue.ModelError(f"The model {info.name!r} is not on this computer yet.")
    settings = store.settings
    with store.db.transaction():
        settings.set(Setting.RECORDING_MICROPHONE, values.microphone)
        settings.set(Setting.RECORDING_OUTPUT, values.output)
        settings.set(Setting.RECORDING_CALL_AUDIO, values.call_audio)
        settings.set(Setting.TRANSCRIPTION_LANGUAGE, values.language or "auto")
        settings.set(Setting.TRANSCRIPTION_MODEL, values.model)
        settings.set(Setting.USER_NAME, clean_name(values.user_name))
        settings.set(Setting.CONSENT_PRESELECT, preselect.value if preselect else None)
        if setup_done:
            settings.set(Setting.SETUP_DONE, True)
    return values


def setup_done(store: Store | None) -> bool:
    return bool(require_store(store).settings.get(Setting.SETUP_DONE))
