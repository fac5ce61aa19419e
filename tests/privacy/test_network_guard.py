"""A whole session under a network guard: nothing connects anywhere but the loopback servers.

The guard patches ``socket.socket.connect``/``connect_ex``,
``socket.create_connection`` and ``socket.getaddrinfo``: every attempt is
recorded, and anything not to 127.0.0.1, ::1 or localhost is refused (OSError)
before a packet leaves. Under it: the desktop app starts (main window, store
worker, keyring, outbox runner), the Whisper model is found and loaded (no
Hugging Face), a file is imported and transcribed, summarised by the built-in
summariser and by a language model on a loopback server, pushed to a loopback
CRM, exported and deleted. Local sockets (D-Bus for the keyring) are AF_UNIX
and allowed; PulseAudio is not used here. The guard sees Python's sockets in
this process, which is where Minuta's network code (httpx, urllib) runs.
"""

from __future__ import annotations

import gc
import ipaddress
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from tests.privacy.canaries import IMPORT_HEARD, IMPORT_SPEECH
from tests.privacy.session_steps import (
    delete,
    export_to,
    import_meeting,
    llm_answer,
    push_to_crm,
    summarize,
    transcript,
)

from minuta.app.session import init_store, open_app_store
from minuta.app.summaries import SummaryConfig, choose_backend

pytestmark = [pytest.mark.model, pytest.mark.gui]

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: object) -> bool:
    if host is None:
        return True  # a passive look-up (binding a server), not a destination
    text = host.decode() if isinstance(host, bytes) else str(host)
    text = text.strip("[]").split("%", 1)[0]
    if text.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


@dataclass
class NetworkGuard:
    """Records every connection attempt; refuses those that would leave the machine."""

    attempts: list[tuple[str, str, int]] = field(default_factory=list)  # (how, host, port)
    refused: list[tuple[str, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, how: str, host: object, port: object) -> None:
        entry = (how, str(host), int(port) if isinstance(port, int | str) and port else 0)
        with self.lock:
            self.attempts.append(entry)
            if not is_loopback(host):
                self.refused.append(entry)
                raise OSError(f"network guard: {how} to {host}:{port} refused")

    def connected_ports(self) -> set[int]:
        with self.lock:
            return {port for how, _host, port in self.attempts if how == "connect"}

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_create_connection = socket.create_connection
        real_getaddrinfo = socket.getaddrinfo
        guard = self

        def checked(sock: socket.socket, address: Any, how: str) -> None:
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                guard.check(how, address[0], address[1])

        def connect(sock: socket.socket, address: Any) -> None:
            checked(sock, address, "connect")
            real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            checked(sock, address, "connect")
            return real_connect_ex(sock, address)

        def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            guard.check("create_connection", address[0], address[1])
            return real_create_connection(address, *args, **kwargs)

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                guard.check("getaddrinfo", host, port)
            except OSError as exc:
                raise socket.gaierror(socket.EAI_NONAME, str(exc)) from None
            return real_getaddrinfo(host, port, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def network_guard(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    guard = NetworkGuard()
    guard.install(monkeypatch)
    return guard


def test_the_guard_refuses_the_internet_and_lets_loopback_through(network_guard) -> None:
    with pytest.raises(OSError, match="network guard"):
        socket.create_connection(("huggingface.co", 443), timeout=1)
    with pytest.raises(OSError, match="network guard"):
        socket.getaddrinfo("example.org", 443)
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe,
        pytest.raises(OSError, match="network guard"),
    ):
        probe.connect(("192.0.2.1", 80))  # TEST-NET-1: refused before any packet
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    assert ("connect", "127.0.0.1", port) in network_guard.attempts
    assert {host for _how, host, _port in network_guard.refused} == {
        "huggingface.co",
        "example.org",
        "192.0.2.1",
    }


@pytest.fixture
def desktop_app(qtbot, app_paths, tmp_path) -> Iterator[Any]:
    """Starts the desktop app as tests/ui's ``make_app`` does; shut down afterwards."""
    from PySide6.QtCore import QSettings

    from minuta.ui.application import MinutaApp
    from minuta.ui.garbage import GuiThreadCollector

    # As in the app: cycles freed on the GUI thread (unless tests/ui's collector already is).
    collector = GuiThreadCollector() if gc.isenabled() else None
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    started: list[MinutaApp] = []

    def start() -> MinutaApp:
        app = MinutaApp(app_paths, settings=settings, setup=False)
        started.append(app)
        app.start()
        return app

    yield start
    for app in started:
        app.shutdown()
    if collector is not None:
        collector.stop()


def test_a_whole_session_connects_only_to_the_loopback_crm_and_llm(
    network_guard,
    qtbot,
    desktop_app,
    app_paths,
    models_dir,
    speech,
    receiver,
    webhook,
    llm_server,
    tmp_path,
) -> None:
    store, _recovery = init_store(app_paths)
    try:
        store.acknowledge_recovery_key()
        webhook(store)
    finally:
        store.close()

    app = desktop_app()  # the main window, the store on its worker, the outbox runner
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=10_000)
    window = app.window
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not window.loading_label)
    app.shutdown()  # the store is closed: the services below open it as the CLI does

    from minuta.transcribe.catalogue import resolve
    from minuta.transcribe.engine import WhisperEngine

    engine = WhisperEngine(resolve("base", models_dir), device="cpu")
    engine.load()
    store = open_app_store(app_paths)
    try:
        wav = speech(IMPORT_SPEECH, name="guarded.wav")
        meeting_id = import_meeting(store, engine, wav, title="Harbour contract")
        assert IMPORT_HEARD in transcript(store, meeting_id)

        summarize(store, meeting_id)  # built-in: no connection at all
        for _ in range(3):
            llm_server.answer(llm_answer())
        config = SummaryConfig(backend="ollama", server_url=llm_server.url, model="llama3.2:latest")
        summarize(store, meeting_id, choose_backend(config))
        assert llm_server.chats()

        push_to_crm(store, meeting_id)
        assert len(receiver.received) == 1
        export_to(store, meeting_id, tmp_path / "exports")
        delete(store, meeting_id)
    finally:
        store.close()

    crm_port = int(receiver.url.split(":")[2].split("/")[0])
    assert network_guard.refused == []
    assert network_guard.connected_ports() == {crm_port, llm_server.port}
    destinations = {(host, port) for _how, host, port in network_guard.attempts}
    assert {host for host, _port in destinations} <= {"127.0.0.1", "::1", "localhost"}
