"""Summaries for the app and the command line: settings, what to summarise, where to keep it.

The store calls here run on the store's worker thread (the GUI passes them to
:meth:`~minuta.ui.store_worker.StoreWorker.submit`); :func:`choose_backend`,
:func:`generate` and :func:`ask` can take seconds to minutes and run on a
thread of their own. None of them touches the network except the language-model
server the user configured (or one found on this machine's loopback address).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from minuta.core.models import Segment
from minuta.core.summary import MeetingSummary
from minuta.store.settings import Setting
from minuta.store.store import Store
from minuta.summarize.ask import Answer, ask_builtin, ask_model
from minuta.summarize.backend import (
    CancelToken,
    ChatBackend,
    SummaryRequest,
)
from minuta.summarize.evidence import check_summary, transcript_hash
from minuta.summarize.pipeline import DEFAULT_TIMEOUT_S, Progress, summarize
from minuta.summarize.templates import (
    DEFAULT_TEMPLATE,
    Template,
    all_templates,
    apply_template,
    override_for,
)

BACKENDS = ("auto", "builtin", "ollama", "openai-compatible", "llama-cpp")


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    backend: str = "auto"  # one of BACKENDS
    server_url: str | None = None  # None: the backend's usual loopback address
    model: str | None = None  # None: the server's first model
    default_template: str = DEFAULT_TEMPLATE
    templates: Mapping[str, Template] | None = None

    def template(self, key: str | None) -> Template:
        templates = self.templates or all_templates(None)
        chosen = templates.get(key or self.default_template)
        return chosen or templates.get(self.default_template) or templates[DEFAULT_TEMPLATE]


def load_config(store: Store) -> SummaryConfig:
    settings = store.settings
    backend = str(settings.get(Setting.SUMMARY_BACKEND) or "auto")
    overrides = settings.get(Setting.SUMMARY_TEMPLATES)
    return SummaryConfig(
        backend=backend if backend in BACKENDS else "auto",
        server_url=settings.get(Setting.SUMMARY_SERVER_URL) or None,
        model=settings.get(Setting.SUMMARY_MODEL) or None,
        default_template=str(settings.get(Setting.SUMMARY_DEFAULT_TEMPLATE) or DEFAULT_TEMPLATE),
        templates=all_templates(overrides if isinstance(overrides, Mapping) else None),
    )


def save_config(store: Store, config: SummaryConfig) -> None:
    """Store the backend choice and default template (templates: :func:`save_template`)."""
    if config.backend not in BACKENDS:
        raise ValueError(f"unknown summary backend {config.backend!r}")
    if config.server_url:
        from minuta.summarize.llm.detect import is_loopback_url

        if not is_loopback_url(config.server_url):
            raise ValueError("the language-model server must run on this computer")
    with store.db.transaction():
        store.settings.set(Setting.SUMMARY_BACKEND, config.backend)
        store.settings.set(Setting.SUMMARY_SERVER_URL, config.server_url or None)
        store.settings.set(Setting.SUMMARY_MODEL, config.model or None)
        store.settings.set(Setting.SUMMARY_DEFAULT_TEMPLATE, config.default_template)


def save_template(store: Store, template: Template | None, key: str) -> None:
    """Keep the user's edit of a template; None puts the built-in one back."""
    current = store.settings.get(Setting.SUMMARY_TEMPLATES)
    overrides: dict[str, Any] = dict(current) if isinstance(current, Mapping) else {}
    if template is None:
        overrides.pop(key, None)
    else:
        overrides[key] = override_for(template)
    store.settings.set(Setting.SUMMARY_TEMPLATES, overrides)


def load_request(store: Store, meeting_id: int, template_key: str | None = None) -> SummaryRequest:
    """What the summary is made from: the meeting's lines, people, date and template."""
    meeting = store.meetings.get(meeting_id)
    segments = _lines(store, meeting_id)
    config = load_config(store)
    user_name = store.settings.get(Setting.USER_NAME) or None
    request = SummaryRequest(
        title=meeting.title,
        language=meeting.language or _majority_language(segments) or "en",
        meeting_date=meeting.started_at.astimezone().date(),
        segments=segments,
        participants=meeting.participants,
        user_name=user_name,
        notes=meeting.notes,
    )
    return apply_template(request, config.template(template_key))


def _majority_language(segments: tuple[Segment, ...]) -> str | None:
    counts: dict[str, int] = {}
    for segment in segments:
        if segment.language:
            counts[segment.language] = counts.get(segment.language, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _spoken(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    # The lines a summary is made from: empty ones say nothing.
    return tuple(s for s in segments if s.text.strip())


def _lines(store: Store, meeting_id: int) -> tuple[Segment, ...]:
    return _spoken(store.meetings.segments(meeting_id))


@dataclass(frozen=True, slots=True)
class Draft:
    summary: MeetingSummary  # its quotes checked against the transcript as it is now
    transcript_changed: bool  # the transcript is not the one it was drafted from


def latest_draft(
    store: Store, meeting_id: int, segments: Sequence[Segment] | None = None
) -> Draft | None:
    """The newest draft, its quotes checked again against the transcript as it is now.

    A transcript can change after a summary was drafted (a corrected line, the
    final pass run again with another model, which gives the lines new ids): an
    item whose line is gone or no longer says its quote shows as unverified.
    ``segments`` are the meeting's lines, when the caller has read them already.
    """
    summary = store.summaries.latest(meeting_id)
    if summary is None:
        return None
    lines = _spoken(segments) if segments is not None else _lines(store, meeting_id)
    changed = transcript_hash(lines) != summary.provenance.transcript_hash
    return Draft(check_summary(summary, lines), changed)


def save_summary(store: Store, meeting_id: int, summary: MeetingSummary) -> None:
    """Keep a new draft of the meeting's summary (an edit or approval is a new draft)."""
    with store.db.transaction():
        store.summaries.save(meeting_id, summary)


def choose_backend(config: SummaryConfig) -> ChatBackend | None:
    """The language model to use, or None for the built-in summariser.

    "auto" looks for a server on this computer's loopback address only and uses
    the built-in summariser when there is none. Run off the GUI thread: it may
    wait up to about a second for local servers to answer.
    """
    if config.backend == "builtin":
        return None
    from minuta.summarize.llm.detect import detect_servers, open_backend

    if config.backend == "auto":
        # A server still loading its model, or one with no model yet, cannot answer.
        ready = [s for s in detect_servers() if s.ready and s.models]
        if not ready:
            return None
        server = ready[0]
        model = config.model if config.model in server.models else None
        return open_backend(server.kind, server.base_url, model)
    return open_backend(config.backend, config.server_url, config.model)


def generate(
    request: SummaryRequest,
    backend: ChatBackend | None,
    *,
    cancel: CancelToken,
    progress: Callable[[Progress], None] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> MeetingSummary:
    """A new draft (not yet stored): see :func:`minuta.summarize.pipeline.summarize`."""
    return summarize(request, backend, cancel=cancel, progress=progress, timeout_s=timeout_s)


def ask(
    request: SummaryRequest,
    question: str,
    backend: ChatBackend | None,
    *,
    cancel: CancelToken,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Answer:
    """An answer with citations (a language model), or the best matching passages."""
    if backend is None:
        return ask_builtin(question, request.segments, request.language)
    # A model that fails gives way to the built-in answer inside ask_model.
    return ask_model(
        question, request.segments, request.language, backend, cancel=cancel, timeout_s=timeout_s
    )
