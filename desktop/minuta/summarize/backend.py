"""What every summary backend gets and gives, and how it fails.

Two kinds of backend stand behind :mod:`minuta.summarize.pipeline`:

* the built-in summariser (:mod:`minuta.summarize.builtin`) reads a
  :class:`SummaryRequest` and returns the result as the plain JSON shape of
  :data:`~minuta.summarize.schema.SUMMARY_SCHEMA`, exactly what a language
  model is asked for, so both go through the same parser and checks;
* a :class:`ChatBackend` (Ollama, an OpenAI-compatible server, llama.cpp in
  process) answers a list of chat messages with text constrained to a JSON
  Schema. The pipeline writes the prompt, validates and repairs the answer.

A backend never resolves dates or checks evidence: code does that afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

from minuta.core.models import Segment

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True, slots=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class SummaryRequest:
    """One meeting, as a summary backend sees it.

    ``segments`` are the stored transcript lines, with their ids (which the
    result cites) and speakers. ``template`` names a meeting type's template
    (see :mod:`minuta.summarize.templates`); ``user_name`` is who "I" is.
    """

    title: str
    language: str  # a Whisper code: "en", "da", "sv", "no", "fi", ...
    meeting_date: date
    segments: tuple[Segment, ...]
    participants: tuple[str, ...] = ()
    meeting_type: str = "customer_follow_up"
    user_name: str | None = None
    notes: str = ""
    # Instructions from the template (for a language model) and which sections it wants.
    focus: str = ""
    sections: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {"decisions", "action_items", "risks", "next_steps", "crm_suggestions", "email_draft"}
        )
    )


class Cancelled(Exception):
    """The user stopped the summary."""


class BackendError(Exception):
    """A backend could not answer; the message is for the user (no meeting content)."""


class BackendUnavailable(BackendError):
    """The server is not there (not running, wrong address, no such model)."""


class BackendTimeout(BackendError):
    """The server did not answer in time."""


class CancelToken:
    """Set from the GUI thread, read by the thread doing the work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True if cancelled meanwhile."""
        return self._event.wait(seconds)


class ChatBackend(Protocol):
    """A language model that answers chat messages with JSON fitting a schema."""

    @property
    def name(self) -> str:
        """The backend's kind for provenance: "ollama", "openai-compatible", "llama-cpp"."""
        ...

    @property
    def model(self) -> str:
        """The model's name, as the server knows it."""
        ...

    @property
    def context_tokens(self) -> int:
        """How many tokens of prompt and answer the model may be given."""
        ...

    def chat(
        self,
        messages: list[Message],
        schema: Mapping[str, Any] | None,
        *,
        timeout_s: float,
        cancel: CancelToken,
    ) -> str:
        """The model's answer text (JSON when ``schema`` is given).

        Raises BackendUnavailable, BackendTimeout, BackendError or Cancelled.
        """
        ...
