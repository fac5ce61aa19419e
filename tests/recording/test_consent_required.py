"""The recording service refuses to start without consent that allows recording."""

from __future__ import annotations

import pytest

from minuta.app.consent import ConsentRequiredError
from minuta.app.recording import RecordingRequest, start_recording
from minuta.core.models import ChannelKind, Consent


@pytest.mark.parametrize("consent", [Consent.UNKNOWN, Consent.DECLINED])
def test_no_recording_without_consent(store, backend, app_paths, consent):
    request = RecordingRequest(
        title="Nordlys pricing",
        microphone="pulse:virtual_mic",
        output="pulse:call",
        consent=consent,
    )
    with pytest.raises(ConsentRequiredError) as refused:
        start_recording(store, backend, request)

    assert refused.value.consent is consent
    if consent is Consent.DECLINED:
        assert "declined" in str(refused.value)
    else:
        assert "tell everyone" in str(refused.value)
    assert store.meetings.list() == []
    audio = app_paths.store.audio_dir
    assert not audio.exists() or not any(audio.iterdir())


def test_a_string_that_is_not_an_answer_is_refused_too(store, backend):
    request = RecordingRequest(consent="yes")  # type: ignore[arg-type]
    with pytest.raises(ConsentRequiredError):
        start_recording(store, backend, request)
    assert store.meetings.list() == []


def test_an_allowing_answer_records_and_is_kept_with_the_meeting(store, backend, listener):
    request = RecordingRequest(
        title="Internal sync",
        microphone="pulse:virtual_mic",
        record_output=False,
        consent=Consent.INTERNAL,
    )
    session = start_recording(store, backend, request, listener=listener)
    try:
        listener.wait_delivering(ChannelKind.MICROPHONE)
    finally:
        finished = session.stop()
    meeting = store.meetings.get(finished.meeting_id)
    assert meeting.consent == Consent.INTERNAL.value
