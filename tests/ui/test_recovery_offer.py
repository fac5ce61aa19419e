"""At start, an interrupted recording is offered for recovery; nothing happens unasked."""

from __future__ import annotations

import pytest
from tests.recording.scripted_backend import ScriptedBackend
from ui_support import create_store, open_directly, wait_for_window

from minuta.app.recording import RecordingRequest, start_recording
from minuta.core.models import Consent, MeetingState

pytestmark = pytest.mark.gui


def interrupted_recording(app_paths) -> int:
    """A recording whose process 'died': state recording, journal left, no lock holder."""
    create_store(app_paths)
    store = open_directly(app_paths)
    try:
        session = start_recording(
            store, ScriptedBackend(), RecordingRequest(consent=Consent.INFORMED, title="Board call")
        )
        session.recorder.wait(0.5)  # half a second of recording, as the experiment
        session.recorder.stop()  # the audio is on disk; the database never heard of the end
        session._lock.release()
        return session.meeting_id
    finally:
        store.close()


def test_interrupted_recording_is_offered_and_recovered(qtbot, make_app, app_paths):
    meeting_id = interrupted_recording(app_paths)
    app = make_app()
    window = wait_for_window(qtbot, app)
    qtbot.waitUntil(
        lambda: app.recovery_offer is not None and app.recovery_offer.dialog is not None
    )
    offer = app.recovery_offer
    assert "Board call" in offer.dialog.informativeText()
    with qtbot.waitSignal(offer.recovered, timeout=10_000) as recovered:
        offer.recover_button.click()
    [result] = recovered.args[0]
    assert result.meeting_id == meeting_id
    qtbot.waitUntil(lambda: "Recovered 1 recording" in window.statusBar().currentMessage())
    app.shutdown()
    store = open_directly(app_paths)
    try:
        assert store.meetings.get(meeting_id).state is MeetingState.PROCESSING
        assert all(f.finalised for f in store.meetings.audio_files(meeting_id))
    finally:
        store.close()


def test_later_leaves_the_recording_as_it_is(qtbot, make_app, app_paths):
    meeting_id = interrupted_recording(app_paths)
    app = make_app()
    wait_for_window(qtbot, app)
    qtbot.waitUntil(
        lambda: app.recovery_offer is not None and app.recovery_offer.dialog is not None
    )
    with qtbot.waitSignal(app.recovery_offer.finished):
        app.recovery_offer.later_button.click()
    app.shutdown()
    store = open_directly(app_paths)
    try:
        assert store.meetings.get(meeting_id).state is MeetingState.RECORDING
    finally:
        store.close()


def test_nothing_to_offer_opens_no_dialog(qtbot, make_app, app_paths):
    create_store(app_paths, meetings=("Weekly sync",))
    app = make_app()
    wait_for_window(qtbot, app)
    qtbot.waitUntil(lambda: app.recovery_offer is not None and app.recovery_offer.done)
    assert app.recovery_offer.dialog is None
