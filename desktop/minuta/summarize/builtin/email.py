"""A calm follow-up e-mail from the summary, in the meeting's language.

Greeting (the other participants' first names, or "all"), thanks, the short
summary, what was agreed, the action items with owner and date written out
("fredag den 20. november"), next steps, an invitation to correct, and the
user's name. Everything but the fixed phrases comes from the transcript.
"""

from __future__ import annotations

from minuta.core.text import fold
from minuta.summarize.builtin.meeting import Found, Meeting
from minuta.summarize.builtin.wording import natural_date, word

_MAX_NAMES = 3
_MAX_ITEMS = 8


def _greeting(meeting: Meeting) -> str:
    language = meeting.request.language
    user = meeting.people.user_name
    others = [
        name.split()[0] for name in meeting.people.names if not (user and fold(name) == fold(user))
    ]
    if not others or len(others) > _MAX_NAMES:
        return word(language, "everyone")
    if len(others) == 1:
        names = others[0]
    else:
        names = f"{', '.join(others[:-1])} {word(language, 'and')} {others[-1]}"
    return word(language, "greeting").format(names=names)


def _action_line(meeting: Meeting, action: Found) -> str:
    details: list[str] = []
    if action.owner:
        details.append(action.owner)
    if action.due is not None:
        if action.due.date is not None:
            language = meeting.request.language
            details.append(natural_date(action.due.date, language, meeting.meeting_date))
        else:
            details.append(action.due.raw)
    return f"- {action.text}" + (f" ({', '.join(details)})" if details else "")


def _block(title: str, lines: list[str]) -> list[str]:
    return [title, *lines[:_MAX_ITEMS], ""] if lines else []


def compose(
    meeting: Meeting,
    summary: str,
    decisions: list[Found],
    actions: list[Found],
    steps: list[Found],
) -> dict[str, str]:
    language = meeting.request.language
    title = meeting.request.title.strip() or meeting.meeting_date.isoformat()
    body: list[str] = [_greeting(meeting), "", word(language, "thanks"), ""]
    if summary:
        body += [word(language, "summary"), summary, ""]
    body += _block(word(language, "decisions"), [f"- {d.text}" for d in decisions])
    body += _block(word(language, "actions"), [_action_line(meeting, a) for a in actions])
    body += _block(word(language, "next_steps"), [f"- {s.text}" for s in steps])
    body += [word(language, "closing"), "", word(language, "regards")]
    if meeting.people.user_name:
        body.append(meeting.people.user_name)
    return {"subject": _subject(language, title), "body": "\n".join(body)}


def _subject(language: str, title: str) -> str:
    """ "Follow-up: <title>", unless the title already says so ("Opfølgning – Vestergaard")."""
    template = word(language, "subject")
    prefix = fold(template.split(":")[0])
    return title if fold(title).startswith(prefix) else template.format(title=title)
