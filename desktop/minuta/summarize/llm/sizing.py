"""How many tokens a prompt takes, and how large a context to ask a server for.

The count is an estimate from characters: about 3.5 characters a token for
Danish, Swedish, Norwegian and Finnish text (English needs fewer tokens), so it
errs on the large side. :mod:`minuta.summarize.prompt` counts with the same
ratio when it cuts a meeting into parts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from minuta.summarize.backend import BackendError, Message

CHARS_PER_TOKEN = 3.5
# The chat template's markers around each message.
MESSAGE_OVERHEAD_TOKENS = 8
# Room kept for the answer: a summary with its items and an e-mail draft.
ANSWER_TOKENS = 2048
# An answer shorter than this cannot hold a summary: refuse rather than truncate.
MIN_ANSWER_TOKENS = 512
# Context sizes are asked for in steps, so a server can reuse a loaded context.
CONTEXT_STEP = 2048


class PromptTooLong(BackendError):
    """The prompt does not fit the model's context (the pipeline should have split it)."""


def estimate_tokens(messages: Sequence[Message]) -> int:
    """A cautious token count for ``messages``, template markers included."""
    chars = sum(len(m.content) for m in messages)
    return math.ceil(chars / CHARS_PER_TOKEN) + MESSAGE_OVERHEAD_TOKENS * len(messages)


def check_fits(messages: Sequence[Message], context_tokens: int) -> int:
    """The prompt's estimated tokens; PromptTooLong when no answer would fit beside it."""
    prompt = estimate_tokens(messages)
    if prompt + MIN_ANSWER_TOKENS > context_tokens:
        raise PromptTooLong(
            f"The text is too long for this model (about {prompt} tokens; the model takes "
            f"{context_tokens}). Choose a model with a larger context."
        )
    return prompt


def context_for(
    messages: Sequence[Message], context_tokens: int, *, answer_tokens: int = ANSWER_TOKENS
) -> int:
    """The context to ask for: prompt plus answer, rounded up a step, at most the model's."""
    prompt = check_fits(messages, context_tokens)
    wanted = math.ceil((prompt + answer_tokens) / CONTEXT_STEP) * CONTEXT_STEP
    return min(wanted, context_tokens)
