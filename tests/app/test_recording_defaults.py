"""What the next recording uses when nobody chooses again: the last devices, the language."""

from __future__ import annotations

from minuta.app.recording import RecordingRequest
from minuta.app.recording_defaults import (
    LastDevices,
    language_setting,
    last_devices,
    quick_request,
    remember_devices,
)
from minuta.core.models import Consent
from minuta.store.settings import Setting


def test_nothing_remembered_means_the_defaults_with_call_audio(store):
    assert last_devices(store) == LastDevices(None, None, True)


def test_the_devices_of_a_recording_are_remembered(store):
    remember_devices(store, RecordingRequest(microphone="pulse:headset", output="pulse:speakers"))
    assert last_devices(store) == LastDevices("pulse:headset", "pulse:speakers", True)


def test_an_in_person_meeting_keeps_the_call_output_for_next_time(store):
    remember_devices(store, RecordingRequest(microphone=None, output="pulse:speakers"))
    remember_devices(store, RecordingRequest(microphone="pulse:room", record_output=False))
    assert last_devices(store) == LastDevices("pulse:room", "pulse:speakers", False)


def test_the_language_setting_as_the_final_pass_takes_it(store):
    assert language_setting(store) is None  # "auto" by default: detected
    for stored, meant in (("da", "da"), ("DAN", "da"), ("mixed", "mixed"), ("xx-nope", None)):
        store.settings.set(Setting.TRANSCRIPTION_LANGUAGE, stored)
        assert language_setting(store) == meant


def test_a_quick_request_uses_what_is_remembered_and_the_consent_given(store):
    remember_devices(store, RecordingRequest(microphone="pulse:room", record_output=False))
    store.settings.set(Setting.TRANSCRIPTION_LANGUAGE, "sv")
    request = quick_request(store, Consent.INTERNAL, title="Stand-up")
    assert request == RecordingRequest(
        title="Stand-up",
        microphone="pulse:room",
        output=None,
        record_output=False,
        consent=Consent.INTERNAL,
        language="sv",
    )
