"""Takes the README's screenshots of the real app, on an X server (Xvfb).

    xvfb-run -s "-screen 0 1400x900x24" python docs/screenshots/take_screenshots.py

Everything is real and private to the run: a temporary store whose key is in a
private gnome-keyring, a private PulseAudio server with virtual devices, the
embedded Whisper model. Demo meetings are imported from synthetic speech; the
recording is a real one, with the far end's voice played into the call device.
Writes main-window.png, recording.png, meeting.png, summary.png and tray-menu.png here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from tests.harness.pulse import play, start_pulse  # noqa: E402

from ui import _keyring_session  # noqa: E402  (bench/ui.py: a private keyring session)

SIZE = (1180, 760)
DEMO_MEETINGS = (
    (
        "Nordlys: pricing call",
        "en-us",
        "Thanks for making time. We looked at the offer for the pilot. The price per seat "
        "works for us, but we need the data to stay in the Nordics. Can you confirm that?",
        ("Sofie Lund", "Jonas Berg"),
    ),
    (
        "Kickoff med Aarhus Logistik",
        "da",
        "Velkommen til opstartsmødet. Vi gennemgår tidsplanen og aftaler de næste skridt. "
        "Leveringen starter i marts, og vi mødes igen om to uger.",
        ("Mette Holm",),
    ),
    (
        "Rekrytering: backendutvecklare",
        "sv",
        "Tack för att du kom. Berätta gärna om ditt senaste projekt och vad du lärde dig "
        "av det. Vi återkommer med besked på fredag.",
        ("Elin Svensson",),
    ),
)
CALL_SPEECH = (
    "Hello, and thanks for joining. We reviewed the proposal with the team yesterday. "
    "The budget is approved for the first phase, and we would like to start in March. "
    "Could you send the contract by Friday?"
)


def _speech(folder: Path, name: str, voice: str, text: str) -> Path:
    path = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(path), text], check=True)
    return path


def _prepare(root: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "minuta.cli", "init"], env=env, check=True)
    for number, (title, voice, text, _people) in enumerate(DEMO_MEETINGS):
        wav = _speech(root, f"demo-{number}", voice, text)
        subprocess.run(
            [
                *(sys.executable, "-m", "minuta.cli", "import", str(wav)),
                *("--title", title, "--language", voice.split("-")[0]),
            ],
            env=env,
            check=True,
            capture_output=True,
        )


def _name_participants() -> None:
    from minuta.app.paths import default_paths
    from minuta.app.session import open_app_store
    from minuta.store.settings import Setting

    store = open_app_store(default_paths())
    try:
        by_title = {m.title: m.id for m in store.meetings.list()}
        with store.db.transaction():
            for title, _voice, _text, people in DEMO_MEETINGS:
                store.meetings.update_details(by_title[title], participants=people)
            store.settings.set(Setting.SUMMARY_BACKEND, "builtin")
            store.settings.set(Setting.USER_NAME, "Sofie Lund")
    finally:
        store.close()


def _run_app(call_wav: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minuta.app.paths import default_paths
    from minuta.app.recording import RecordingRequest
    from minuta.audio.decode import decode_file
    from minuta.ui.application import MinutaApp
    from minuta.ui.garbage import GuiThreadCollector
    from minuta.ui.icons import icon
    from minuta.ui.theme import apply_theme

    app = QApplication([sys.argv[0]])
    GuiThreadCollector(app)
    app.setApplicationName("Minuta")
    app.setWindowIcon(icon("minuta"))
    apply_theme(app)
    app.setQuitOnLastWindowClosed(False)
    minuta = MinutaApp(default_paths(), setup=False)
    speech = decode_file(call_wav).samples
    env = dict(os.environ)

    def shoot(widget, name: str) -> None:
        widget.grab().save(str(HERE / name))
        print(f"wrote {HERE / name}")

    def ready() -> None:
        ws = minuta.workspace
        window = minuta.window
        assert ws is not None and window is not None
        window.resize(*SIZE)
        QTimer.singleShot(300, lambda: (shoot(window, "main-window.png"), record()))

    def record() -> None:
        ws = minuta.workspace
        assert ws is not None
        ws.gate.dialog_opened.connect(consent)
        ws.controller.started.connect(lambda _id: talk())
        ws.controller.final_pass_done.connect(reviewed)
        ws.record(
            RecordingRequest(
                title="Nordlys: contract follow-up",
                microphone="pulse:virtual_mic",
                output="pulse:call",
            )
        )

    def consent(dialog) -> None:
        QTimer.singleShot(200, lambda: (shoot(dialog, "consent.png"), agree(dialog)))

    def agree(dialog) -> None:
        dialog.informed_radio.setChecked(True)
        dialog.record_button.click()

    def talk() -> None:
        ws = minuta.workspace
        assert ws is not None
        notes = "Budget approved for phase 1.\nStart in March; contract by Friday."
        QTimer.singleShot(2000, lambda: ws.recording_view.notes_edit.setPlainText(notes))
        player = threading.Thread(target=play, args=(env, "call", speech, 16_000), daemon=True)
        player.start()
        QTimer.singleShot(6000, lambda: ws.controller.highlight("Budget approved"))

        def live_text_shown() -> None:
            # While the far end is still talking: the meters move, live text is coming in.
            view = ws.recording_view
            if view.transcript_model.rowCount() >= 2 or not player.is_alive():
                shoot(minuta.window, "recording.png")
            else:
                QTimer.singleShot(250, live_text_shown)

        QTimer.singleShot(8000, live_text_shown)

        def when_played() -> None:
            if player.is_alive():
                QTimer.singleShot(200, when_played)
                return
            QTimer.singleShot(1500, stop)

        when_played()

    def stop() -> None:
        ws = minuta.workspace
        assert ws is not None and minuta.window is not None
        ws.tray.build_menu()
        menu = ws.tray.menu
        menu.popup(minuta.window.mapToGlobal(minuta.window.rect().center()))
        QTimer.singleShot(300, lambda: (shoot(menu, "tray-menu.png"), menu.hide(), end()))

    def end() -> None:
        ws = minuta.workspace
        assert ws is not None
        ws.controller.stop()

    def reviewed(meeting_id: int) -> None:
        ws = minuta.workspace
        assert ws is not None
        view = ws.open_meeting(meeting_id)

        def shown() -> None:
            if view.model.rowCount() == 0:
                QTimer.singleShot(200, shown)
                return
            view.jump_to(view.model.segment_at(min(1, view.model.rowCount() - 1)).start)
            QTimer.singleShot(500, lambda: (shoot(minuta.window, "meeting.png"), summary(view)))

        QTimer.singleShot(500, shown)

    def summary(view) -> None:
        # The Summary tab, drafted by the built-in summariser, with room to read it.
        tab = view.summary_tab
        view.side_tabs.setCurrentWidget(tab)
        view.splitter.setSizes([560, 620])
        tab.generated.connect(
            lambda: QTimer.singleShot(
                500, lambda: (shoot(minuta.window, "summary.png"), app.quit())
            )
        )
        tab.generate()

    minuta.workspace_ready.connect(lambda: QTimer.singleShot(500, ready))
    minuta.start()
    try:
        app.exec()
    finally:
        minuta.shutdown()


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="minuta-shots-"))
    keyring, env = _keyring_session(root)
    env.pop("QT_QPA_PLATFORM", None)  # the X server's look, not the offscreen one
    env.setdefault("MINUTA_UI_LANGUAGE", "en")
    pulse = start_pulse(root / "pulse", env)
    env.update(pulse.env)
    try:
        _prepare(root, env)
        call_wav = _speech(root, "call", "en-us", CALL_SPEECH)
        os.environ.update(env)
        os.environ.pop("QT_QPA_PLATFORM", None)
        _name_participants()
        _run_app(call_wav)
    finally:
        pulse.stop()
        assert keyring.stdin is not None
        keyring.stdin.close()
        keyring.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
