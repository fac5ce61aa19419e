"""A language-model backend that answers from a script, for testing the orchestration.

It implements :class:`~minuta.summarize.backend.ChatBackend` as a real server
backend does: it honours the timeout (waiting on the cancel token, so a cancel
ends the wait at once) and raises the backend errors. Each scripted answer is
a string (the model's text), an exception to raise, or :data:`STALL` (wait the
full timeout and fail as a server that does not answer).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from minuta.summarize.backend import BackendTimeout, Cancelled, CancelToken, Message

STALL = object()


@dataclass
class Call:
    messages: list[Message]
    schema: Mapping[str, Any] | None
    timeout_s: float


@dataclass
class ScriptedBackend:
    answers: list[object]
    context_tokens: int = 8192
    name: str = "scripted"
    model: str = "script-1"
    calls: list[Call] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)

    def chat(
        self,
        messages: list[Message],
        schema: Mapping[str, Any] | None,
        *,
        timeout_s: float,
        cancel: CancelToken,
    ) -> str:
        self.calls.append(Call(list(messages), schema, timeout_s))
        self.entered.set()
        if not self.answers:
            raise AssertionError("the backend was asked more often than scripted")
        answer = self.answers.pop(0)
        if answer is STALL:
            if cancel.wait(timeout_s):
                raise Cancelled()
            raise BackendTimeout(f"no answer within {timeout_s:g} s")
        if isinstance(answer, BaseException):
            raise answer
        assert isinstance(answer, str)
        return answer

    def prompt_text(self, call: int = 0) -> str:
        return "\n".join(m.content for m in self.calls[call].messages)
