"""A real language-model server on this computer, when one is named.

Set MINUTA_TEST_LLM_URL (for example http://127.0.0.1:11434 for Ollama or
http://127.0.0.1:8080 for llama-server); MINUTA_TEST_LLM_KIND ("ollama" or
"openai-compatible") and MINUTA_TEST_LLM_MODEL are optional: the kind is found
by asking the server, the model defaults to the server's first.
"""

from __future__ import annotations

import json
import os

import pytest

from minuta.summarize.backend import BackendUnavailable, CancelToken, Message
from minuta.summarize.llm import ollama
from minuta.summarize.llm.detect import open_backend
from minuta.summarize.schema import SUMMARY_SCHEMA, parse_summary

URL = os.environ.get("MINUTA_TEST_LLM_URL")

pytestmark = pytest.mark.skipif(
    not URL, reason="MINUTA_TEST_LLM_URL is not set (no real language-model server to ask)"
)

TRANSCRIPT = """\
[1] Anna: Thanks for joining. We agreed to run the pilot with twenty licences.
[2] Mark: Good. I will send the signed order form by Friday.
[3] Anna: One risk: your IT team has not approved single sign-on yet.
[4] Mark: Right, I'll ask Petra in IT about single sign-on this week.
[5] Anna: Then let's meet again on the 14th to review the pilot."""

# A short instruction of the test's own: the product's prompt lives in minuta.summarize.prompt.
INSTRUCTION = (
    "You write meeting notes as JSON that fits the given schema. Use only what the "
    "transcript says. Every item cites the numbers of the lines it comes from in "
    "evidence.segment_ids and quotes those lines' words in evidence.quote. Put the "
    "words said about a deadline in 'due' and never a computed date. Empty lists are fine."
)


def _kind(url: str) -> str:
    kind = os.environ.get("MINUTA_TEST_LLM_KIND")
    if kind:
        return kind
    try:
        ollama.list_models(url)
    except BackendUnavailable:
        return "openai-compatible"
    return "ollama"


@pytest.mark.timeout(1200)
def test_a_real_server_writes_a_summary_that_parses() -> None:
    assert URL is not None
    backend = open_backend(_kind(URL), URL, os.environ.get("MINUTA_TEST_LLM_MODEL") or None)
    messages = [
        Message("system", INSTRUCTION),
        Message("user", f"Meeting: Pilot follow-up (English)\n\nTranscript:\n{TRANSCRIPT}"),
    ]
    text = backend.chat(messages, SUMMARY_SCHEMA, timeout_s=900, cancel=CancelToken())

    summary, items, email = parse_summary(json.loads(text))
    assert summary or items or email
    for item in items:
        assert item.evidence
