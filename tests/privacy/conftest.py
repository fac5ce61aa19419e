"""Fixtures for the privacy tests: restored logging, a private temp folder, loopback servers."""

from __future__ import annotations

import logging
import os

# Before any Qt import (the network guard test starts the main window): no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.privacy.canaries import WEBHOOK_SECRET
from tests.summarize.llm_server import FakeLLMServer
from tests.ui.crm_support import WebhookReceiver, connect_webhook, forget_tokens


@pytest.fixture
def logging_restored() -> Iterator[None]:
    """Whatever a test configures, the root logger, the hooks and the registry are put back."""
    from minuta.logs import clear_sensitive, reset_logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    hooks = (sys.excepthook, threading.excepthook)
    yield
    reset_logging()
    clear_sensitive()
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    sys.excepthook, threading.excepthook = hooks


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty temp folder that tempfile (and child processes) use for this test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    assert tempfile.gettempdir() == str(folder)
    return folder


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """The loopback CRM: a webhook receiver on 127.0.0.1 that keeps what arrives in memory."""
    server = WebhookReceiver().start()
    yield server
    server.stop()


@pytest.fixture
def webhook(receiver: WebhookReceiver):
    """Connects a store to the receiver, its signing secret (a canary) in the real keyring."""

    def connect(store) -> None:
        connect_webhook(store, receiver.url, WEBHOOK_SECRET)

    yield connect
    forget_tokens("webhook")


@pytest.fixture
def llm_server() -> Iterator[FakeLLMServer]:
    """The loopback language model: a fake Ollama on 127.0.0.1."""
    server = FakeLLMServer("ollama").start()
    yield server
    server.stop()
    assert server.problems == []
