"""The built-in summariser's own words, per language: e-mail phrases, CRM labels, dates.

These are written into the result (the e-mail goes to the customer in the
meeting's language), so they follow the meeting's language, not the app's.
Languages without a table here get English.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

_MONTHS: Final = {
    "en": "January February March April May June July August September October November December",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
}
_WEEKDAYS: Final = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag",
    "no": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    # Finnish: the essive ("perjantaina", on Friday) reads naturally after a task.
    "fi": "maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina sunnuntaina",
}

WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "subject": "Follow-up: {title}",
        "greeting": "Hi {names},",
        "everyone": "Hi all,",
        "and": "and",
        "thanks": "Thank you for the meeting.",
        "summary": "A short summary of what we discussed:",
        "decisions": "What we agreed:",
        "actions": "Action items:",
        "next_steps": "Next steps:",
        "closing": "Please let me know if I have missed or misunderstood anything.",
        "regards": "Best regards,",
        "next_activity": "Next activity",
        "follow_up": "Follow-up task",
        "budget": "Budget",
        "competitor": "Competitor",
        "decision_maker": "Decision maker",
        "timeline": "Timeline",
        "requirement": "Requirement",
    },
    "da": {
        "subject": "Opfølgning: {title}",
        "greeting": "Hej {names}",
        "everyone": "Hej alle",
        "and": "og",
        "thanks": "Tak for mødet.",
        "summary": "Her er et kort referat af det, vi talte om:",
        "decisions": "Det aftalte vi:",
        "actions": "Opgaver:",
        "next_steps": "Næste skridt:",
        "closing": "Sig endelig til, hvis jeg har glemt eller misforstået noget.",
        "regards": "Venlig hilsen",
        "next_activity": "Næste aktivitet",
        "follow_up": "Opfølgningsopgave",
        "budget": "Budget",
        "competitor": "Konkurrent",
        "decision_maker": "Beslutningstager",
        "timeline": "Tidsplan",
        "requirement": "Krav",
    },
    "sv": {
        "subject": "Uppföljning: {title}",
        "greeting": "Hej {names}!",
        "everyone": "Hej alla!",
        "and": "och",
        "thanks": "Tack för mötet.",
        "summary": "Här är en kort sammanfattning av det vi pratade om:",
        "decisions": "Det här kom vi överens om:",
        "actions": "Uppgifter:",
        "next_steps": "Nästa steg:",
        "closing": "Hör gärna av dig om jag har missat eller missförstått något.",
        "regards": "Vänliga hälsningar",
        "next_activity": "Nästa aktivitet",
        "follow_up": "Uppföljningsuppgift",
        "budget": "Budget",
        "competitor": "Konkurrent",
        "decision_maker": "Beslutsfattare",
        "timeline": "Tidsplan",
        "requirement": "Krav",
    },
    "no": {
        "subject": "Oppfølging: {title}",
        "greeting": "Hei {names}!",
        "everyone": "Hei alle sammen!",
        "and": "og",
        "thanks": "Takk for møtet.",
        "summary": "Her er et kort sammendrag av det vi snakket om:",
        "decisions": "Dette ble vi enige om:",
        "actions": "Oppgaver:",
        "next_steps": "Neste steg:",
        "closing": "Si gjerne fra hvis jeg har glemt eller misforstått noe.",
        "regards": "Vennlig hilsen",
        "next_activity": "Neste aktivitet",
        "follow_up": "Oppfølgingsoppgave",
        "budget": "Budsjett",
        "competitor": "Konkurrent",
        "decision_maker": "Beslutningstaker",
        "timeline": "Tidsplan",
        "requirement": "Krav",
    },
    "fi": {
        "subject": "Yhteenveto: {title}",
        "greeting": "Hei {names}!",
        "everyone": "Hei kaikki!",
        "and": "ja",
        "thanks": "Kiitos tapaamisesta.",
        "summary": "Tässä lyhyt yhteenveto siitä, mistä puhuimme:",
        "decisions": "Sovimme seuraavaa:",
        "actions": "Tehtävät:",
        "next_steps": "Seuraavat askeleet:",
        "closing": "Kerrothan, jos jotain puuttuu tai ymmärsin jotain väärin.",
        "regards": "Ystävällisin terveisin",
        "next_activity": "Seuraava tapahtuma",
        "follow_up": "Jatkotehtävä",
        "budget": "Budjetti",
        "competitor": "Kilpailija",
        "decision_maker": "Päättäjä",
        "timeline": "Aikataulu",
        "requirement": "Vaatimus",
    },
}


def language_key(language: str) -> str:
    """The table to use for a Whisper code: "nb"/"nn" are Norwegian, unknown is English."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    code = "no" if code in {"nb", "nn"} else code
    return code if code in WORDS else "en"


def word(language: str, key: str) -> str:
    return WORDS[language_key(language)][key]


def natural_date(day: date, language: str, meeting_date: date) -> str:
    """``day`` as written in ``language``: "Friday 20 November", "fredag den 20. november"."""
    code = language_key(language)
    weekday = _WEEKDAYS[code].split()[day.weekday()]
    year = f" {day.year}" if day.year != meeting_date.year else ""
    if code == "fi":
        return f"{weekday} {day.day}.{day.month}.{day.year if year else ''}"
    month = _MONTHS[code].split()[day.month - 1]
    if code == "da":
        return f"{weekday} den {day.day}. {month}{year}"
    if code == "no":
        return f"{weekday} {day.day}. {month}{year}"
    return f"{weekday} {day.day} {month}{year}"
