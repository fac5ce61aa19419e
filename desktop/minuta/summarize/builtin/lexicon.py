"""The words the built-in summariser listens for, per language.

A :class:`Lexicon` holds plain word sets (lower case, accents kept: "jeg",
"mä", "skickar") that :mod:`~minuta.summarize.builtin.clauses` compares with
a clause's words, and regular-expression fragments for phrases (decisions,
risks, plans) that are searched in the raw text, case-insensitively, with word
boundaries added here. The word lists themselves live in one module per
language family; this module only defines their shape and picks one.

Languages without a lexicon (Lithuanian, say) get the English one: an English
phrase in their meeting is still found, and nothing else is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from minuta.core.text import base_language
from minuta.summarize.dates import SUPPORTED_LANGUAGES


def phrases(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of ``alternatives`` as whole words, ignoring case."""
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set (word lists read best as one string)."""
    return frozenset(text.split())


NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Lexicon:
    """One language's cues. Word sets are lower case; patterns come from :func:`phrases`."""

    code: str
    # Who speaks: the first person singular, and "you" (singular and plural).
    me: frozenset[str]
    you: frozenset[str]
    # "can", "will", "skal", "voin": followed by the infinitive of the task.
    modals: frozenset[str]
    # Finite present forms that commit the speaker by themselves ("sender", "skickar", "lähetän").
    commit_verbs: frozenset[str]
    # Verbs after a modal that are no task ("be", "say", "think").
    non_action: frozenset[str]
    # Words skipped between a modal and its verb ("also", "godt", "gärna").
    adverbs: frozenset[str]
    negations: frozenset[str]
    hedges: frozenset[str]
    # Words that make what follows a condition or a reported thought ("if", "hvis", "että").
    subordinators: frozenset[str]
    # Small words at the start of a turn that carry no content ("okay", "ja", "joo").
    interjections: frozenset[str]
    # Words that link a clause to the one before ("and", "så", "sitten").
    connectors: frozenset[str]
    yes_words: frozenset[str]
    no_words: frozenset[str]
    # Requests: "can you", "kan du"; ``request_verbs`` are one-word requests ("voitko").
    request_modals: frozenset[str]
    request_verbs: frozenset[str] = frozenset()
    # Finnish marks the person on the verb and drops the pronoun: "(mä) lähetän", "(sä) teet".
    drops_pronoun: bool = False
    present_1sg: re.Pattern[str] = NEVER
    present_2sg: re.Pattern[str] = NEVER
    # A wish, not a promise ("I'd like to", "vil gerne", "jag vill").
    desire: re.Pattern[str] = NEVER
    # Offers: "shall I …?", "skal jeg …?", "lähetänkö …?"
    offer: re.Pattern[str] = NEVER
    # Questions answered in the meeting itself ("tell us about", "berätta"): no task.
    info_request: re.Pattern[str] = NEVER
    decision: re.Pattern[str] = NEVER
    risk: re.Pattern[str] = NEVER
    # Risk cues that hold their own negation ("not enough", "räcker inte").
    risk_negated: re.Pattern[str] = NEVER
    notice_period: re.Pattern[str] = NEVER
    long_duration: re.Pattern[str] = NEVER
    budget: re.Pattern[str] = NEVER
    competitor: re.Pattern[str] = NEVER
    decision_maker: re.Pattern[str] = NEVER
    timeline: re.Pattern[str] = NEVER
    requirement: re.Pattern[str] = NEVER
    # A stated plan with a date and no one person ("we aim for", "tavoite on").
    plan: re.Pattern[str] = NEVER
    next_step: re.Pattern[str] = NEVER
    meeting_words: re.Pattern[str] = NEVER
    recurring: re.Pattern[str] = NEVER
    when_question: re.Pattern[str] = NEVER
    # Expressions of a deadline (on top of the dates module's cues): "by", "senest".
    deadline_cues: re.Pattern[str] = NEVER


@cache
def lexicon_for(language: str) -> Lexicon:
    """The lexicon for a Whisper language code ("da", "nb", "fi-FI"); English when unknown."""
    from minuta.summarize.builtin.lang_en import ENGLISH
    from minuta.summarize.builtin.lang_fi import FINNISH
    from minuta.summarize.builtin.lang_scandi import DANISH, NORWEGIAN, SWEDISH

    known = {
        "en": ENGLISH,
        "da": DANISH,
        "sv": SWEDISH,
        "no": NORWEGIAN,
        "nb": NORWEGIAN,
        "nn": NORWEGIAN,
        "fi": FINNISH,
    }
    return known.get(base_language(language), ENGLISH)


def date_language(language: str) -> str | None:
    """The code the dates module knows for ``language``, or None."""
    code = base_language(language)
    return code if code in SUPPORTED_LANGUAGES else None
