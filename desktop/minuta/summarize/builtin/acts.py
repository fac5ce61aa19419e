"""What a clause does: commit the speaker, ask someone to do something, offer, accept.

The rules read sentence structure, not single words:

* a **commitment** has the speaker as subject near the start of the clause, with
  a modal and a task verb ("I'll send", "jeg kan skrive", "mä voin soittaa") or a
  present-tense task verb ("jeg sender", "jag skickar", "lähetän"), on either side
  of the pronoun in the verb-second languages ("Så vender jeg tilbage", "Det
  skickar jag"). Not when it is negated, hedged ("maybe", "nok", "kanske",
  "ehkä"), a wish ("I'd like to", "vil gerne"), a condition or a reported
  thought ("if I", "att jag", "että mä"), or in the past ("I've sent", "jeg har
  sendt", "mä lähetin", "oon laittanut");
* a **request** is a question to "you" with a modal and a task verb ("could you
  send", "kan du ringe", "voitko lähettää"), not a question answered in the
  meeting itself ("tell us about", "berätta", "kerrotko");
* an **offer** is "shall I …?" ("skal jeg", "ska jag", "lähetänkö");
* an **acceptance** is a reply that commits, or a short yes ("Sure, happy to",
  "Ja, gør det", "Joo, teen").
"""

from __future__ import annotations

from dataclasses import dataclass

from minuta.summarize.builtin.clauses import Word, clauses, words
from minuta.summarize.builtin.lexicon import Lexicon

# How far into a clause the speaker may stand ("Og så tager jeg", "And then I'll").
_SUBJECT_WITHIN = 4
# How many words after the subject a negation or hedge still concerns the promise.
_SCOPE = 4
# A yes longer than this is an answer to a question, not an acceptance of a task.
_SHORT_REPLY = 6
_YES_AFTER_NO = frozenset({"problem", "worries", "worry", "fara", "hätää", "problemo"})


@dataclass(frozen=True, slots=True)
class Commitment:
    task_start: int  # where the task begins in the clause ("send …" in "I'll send …")
    progressive: bool  # "I'm sending it": a promise only with a date


def _lead(found: list[Word], lexicon: Lexicon) -> list[Word]:
    """The words after leading interjections ("okay", "ja", "joo")."""
    start = 0
    while start < len(found) and found[start].text in lexicon.interjections:
        start += 1
    return found[start:]


def _verb_after(found: list[Word], index: int, lexicon: Lexicon) -> Word | None:
    """The first word from ``index`` on that is not an adverb ("also", "godt", "vielä")."""
    while index < len(found) and found[index].text in lexicon.adverbs:
        index += 1
    return found[index] if index < len(found) else None


def _is_task(word: Word | None, lexicon: Lexicon) -> bool:
    return (
        word is not None
        and word.text not in lexicon.non_action
        and word.text not in lexicon.negations
        and word.text not in lexicon.hedges
        and not word.text.isdigit()
    )


def _task_at(found: list[Word], index: int, lexicon: Lexicon) -> Commitment | None:
    """A promise whose task verb is the first non-adverb from ``index`` on, if it is one."""
    task = _verb_after(found, index, lexicon)
    if task is None or not _is_task(task, lexicon):
        return None
    return Commitment(task.start, progressive=False)


def _present_1sg(word: str, lexicon: Lexicon) -> bool:
    return bool(lexicon.present_1sg.fullmatch(word)) and word not in lexicon.non_action


def commitment(clause: str, lexicon: Lexicon) -> Commitment | None:
    """How ``clause`` commits its speaker, or None when it does not."""
    if lexicon.desire.search(clause):
        return None
    found = _lead(words(clause), lexicon)
    subject = next((i for i, w in enumerate(found[:_SUBJECT_WITHIN]) if w.text in lexicon.me), None)
    if subject is None:
        return _without_pronoun(found, lexicon)
    scope = {w.text for w in found[: subject + _SCOPE + 1]}
    if scope & (lexicon.negations | lexicon.hedges):
        return None
    if any(w.text in lexicon.subordinators for w in found[:subject]):
        return None
    return _after_subject(found, subject, lexicon) or _before_subject(found, subject, lexicon)


def _without_pronoun(found: list[Word], lexicon: Lexicon) -> Commitment | None:
    """ "Teen sen." (Finnish drops the pronoun), "Let me check with legal."."""
    if not found:
        return None
    if lexicon.drops_pronoun and found[0].text in lexicon.commit_verbs:
        return Commitment(found[0].start, progressive=False)
    texts = [w.text for w in found[:_SUBJECT_WITHIN]]
    if lexicon.code == "en" and "let" in texts:
        at = texts.index("let")
        if texts[at + 1 : at + 2] == ["me"]:
            return _task_at(found, at + 2, lexicon)
    return None


def _after_subject(found: list[Word], subject: int, lexicon: Lexicon) -> Commitment | None:
    """Subject first: "I'll send", "jeg sender", "mä voin soittaa", "I'm going to call"."""
    verb = _verb_after(found, subject + 1, lexicon)
    if verb is None:
        return None
    if verb.text in lexicon.commit_verbs or _present_1sg(verb.text, lexicon):
        return Commitment(verb.start, progressive=False)
    if verb.text in lexicon.modals:
        return _task_at(found, found.index(verb) + 1, lexicon)
    if verb.text == "am" and lexicon.code == "en":
        return _english_am(found, found.index(verb), lexicon)
    return None


def _english_am(found: list[Word], am: int, lexicon: Lexicon) -> Commitment | None:
    """ "I'm going to send …" promises; "I'm sending …" only with a date (the caller checks)."""
    rest = [w.text for w in found[am + 1 : am + 3]]
    if rest == ["going", "to"]:
        return _task_at(found, am + 3, lexicon)
    if rest and rest[0].endswith("ing") and rest[0] != "going":
        return Commitment(found[am + 1].start, progressive=True)
    return None


def _before_subject(found: list[Word], subject: int, lexicon: Lexicon) -> Commitment | None:
    """Verb second: "Så sender jeg", "Det gør jeg", "Så kan jeg skrive"."""
    if subject < 1 or lexicon.code in {"en", "fi"}:
        return None
    verb = found[subject - 1]
    if verb.text in lexicon.commit_verbs:
        return Commitment(found[0].start, progressive=False)
    if verb.text in lexicon.modals:
        return _task_at(found, subject + 1, lexicon)
    return None


def first_commitment(sentence: str, lexicon: Lexicon) -> tuple[str, Commitment] | None:
    """The first clause of ``sentence`` that commits its speaker, with how."""
    if sentence.rstrip().endswith("?"):
        return None
    for clause in clauses(sentence):
        found = commitment(clause, lexicon)
        if found is not None:
            return clause, found
    return None


def request_start(sentence: str, lexicon: Lexicon) -> int | None:
    """Where the task begins if ``sentence`` asks "you" to do something, else None."""
    if not sentence.rstrip().endswith("?") or lexicon.info_request.search(sentence):
        return None
    found = words(sentence)
    for i, word in enumerate(found):
        if word.text in lexicon.request_verbs:
            task = _verb_after(found, i + 1, lexicon)
            return task.start if task is not None else None
        if (
            word.text in lexicon.request_modals
            and i + 1 < len(found)
            and found[i + 1].text in lexicon.you
        ):
            index = i + 2
            while index < len(found) and found[index].text in lexicon.negations:
                index += 1  # "kan du ikke lige …"
            wanted = _task_at(found, index, lexicon)
            return wanted.task_start if wanted is not None else None
        if (
            word.text in lexicon.you
            and i + 1 < len(found)
            and lexicon.present_2sg.fullmatch(found[i + 1].text)
        ):
            return found[i + 1].start
    return None


def is_offer(sentence: str, lexicon: Lexicon) -> bool:
    return sentence.rstrip().endswith("?") and bool(lexicon.offer.search(sentence))


def accepts(reply: str, lexicon: Lexicon) -> bool:
    """Whether ``reply`` (the first sentence of the next turn) takes on what was asked."""
    found = words(reply)
    if not found:
        return False
    first = found[0].text
    if first in lexicon.no_words and not (len(found) > 1 and found[1].text in _YES_AFTER_NO):
        return False
    if first_commitment(reply, lexicon) is not None:
        return True
    return first in lexicon.yes_words and len(found) <= _SHORT_REPLY
