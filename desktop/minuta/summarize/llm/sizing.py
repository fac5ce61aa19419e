"""How many tokens a prompt takes, and how large a context to ask a server for.

The count is :func:`minuta.summarize.prompt.text_tokens`, the estimate the
pipeline and "Ask this meeting" use when they cut a meeting to fit a model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from minuta.summarize.backend import BackendError, Message
from minuta.summarize.prompt import ANSWER_TOKENS, text_tokens

# The chat template's markers around each message.
MESSAGE_OVERHEAD_TOKENS = 8
# An answer shorter than this cannot hold a summary: refuse rather than truncate.
MIN_ANSWER_TOKENS = 512
# Context sizes are asked for in steps, so a server can reuse a loaded context.
CONTEXT_STEP = 2048


class PromptTooLong(BackendError):
    """The prompt does not fit the model's context (the pipeline should have split it)."""


def estimate_tokens(messages: Sequence[Message]) -> int:
    """A cautious token count for ``messages``, template markers included."""
    text = "".join(m.content for m in messages)
    return text_tokens(text) + MESSAGE_OVERHEAD_TOKENS * len(messages)


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
