"""Language models on this computer: Ollama, OpenAI-compatible servers, llama.cpp in process.

Each backend implements :class:`~minuta.summarize.backend.ChatBackend`. Only
loopback addresses are ever contacted (:mod:`.loopback`); :mod:`.detect` finds
running servers and opens a backend on one. Importing this package is cheap:
llama-cpp-python is imported only when its backend is built.
"""

from minuta.summarize.llm._http import AnswerTruncated
from minuta.summarize.llm.sizing import PromptTooLong

__all__ = ["AnswerTruncated", "PromptTooLong"]
