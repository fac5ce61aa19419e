from __future__ import annotations

from datetime import date

import pytest

from minuta.summarize.dates import DueDate, find_due_dates, resolve

WED = date(2026, 11, 18)  # Wednesday, ISO week 47
NEW_YEAR = date(2026, 12, 30)  # Wednesday, ISO week 53 of 2026


@pytest.mark.parametrize(
    ("language", "text", "raw", "expected"),
    [
        # English
        ("en", "Send the quote by Friday.", "by Friday", date(2026, 11, 20)),
        ("en", "Call him on Wednesday", "on Wednesday", date(2026, 11, 25)),
        ("en", "Let's meet next Friday", "next Friday", date(2026, 11, 27)),
        ("en", "Friday next week works", "Friday next week", date(2026, 11, 27)),
        ("en", "Finish it this week", "this week", date(2026, 11, 20)),
        ("en", "Deliver next week", "next week", date(2026, 11, 27)),
        ("en", "Reply today", "today", date(2026, 11, 18)),
        ("en", "Reply tomorrow", "tomorrow", date(2026, 11, 19)),
        ("en", "Ship the day after tomorrow", "the day after tomorrow", date(2026, 11, 20)),
        ("en", "Answer in two weeks", "in two weeks", date(2026, 12, 2)),
        ("en", "Within 3 days please", "Within 3 days", date(2026, 11, 21)),
        ("en", "Renew in a month", "in a month", date(2026, 12, 18)),
        ("en", "Close it by the end of the month", "by the end of the month", date(2026, 11, 30)),
        ("en", "Budget by end of the year", "by end of the year", date(2026, 12, 31)),
        ("en", "Due December 5th", "Due December 5th", date(2026, 12, 5)),
        ("en", "Contract on the 3rd of March", "on the 3rd of March", date(2027, 3, 3)),
        ("en", "Invoice by the 5th", "by the 5th", date(2026, 12, 5)),
        ("en", "Pilot in week 49", "week 49", date(2026, 12, 4)),
        ("en", "Go live 2027-02-01", "2027-02-01", date(2027, 2, 1)),
        # Danish
        ("da", "Send tilbuddet på fredag", "på fredag", date(2026, 11, 20)),
        ("da", "Svar til fredag", "til fredag", date(2026, 11, 20)),
        ("da", "Det skal ligge klar inden fredag", "inden fredag", date(2026, 11, 20)),
        ("da", "Ring senest fredag", "senest fredag", date(2026, 11, 20)),
        ("da", "Mødet er næste fredag", "næste fredag", date(2026, 11, 27)),
        ("da", "Kan du på fredag i næste uge?", "på fredag i næste uge", date(2026, 11, 27)),
        ("da", "Det lukker vi denne uge", "denne uge", date(2026, 11, 20)),
        ("da", "Vi følger op i næste uge", "i næste uge", date(2026, 11, 27)),
        ("da", "Send det i dag", "i dag", date(2026, 11, 18)),
        ("da", "Jeg ringer i morgen", "i morgen", date(2026, 11, 19)),
        ("da", "Kontrakten kommer i overmorgen", "i overmorgen", date(2026, 11, 20)),
        ("da", "Vi tales ved om to uger", "om to uger", date(2026, 12, 2)),
        ("da", "Svar om 14 dage", "om 14 dage", date(2026, 12, 2)),
        ("da", "Betaling ved udgangen af måneden", "udgangen af måneden", date(2026, 11, 30)),
        ("da", "Inden månedens udgang", "Inden månedens udgang", date(2026, 11, 30)),
        ("da", "Levering den 5. december", "den 5. december", date(2026, 12, 5)),
        ("da", "Levering senest 5.12.", "senest 5.12.", date(2026, 12, 5)),
        ("da", "Opstart i uge 49", "i uge 49", date(2026, 12, 4)),
        ("da", "Budget inden udgangen af året", "inden udgangen af året", date(2026, 12, 31)),
        # Swedish
        ("sv", "Skicka offerten senast på torsdag", "senast på torsdag", date(2026, 11, 19)),
        ("sv", "Klart innan fredag", "innan fredag", date(2026, 11, 20)),
        ("sv", "Vi ses nästa fredag", "nästa fredag", date(2026, 11, 27)),
        ("sv", "Leverans nästa vecka", "nästa vecka", date(2026, 11, 27)),
        ("sv", "Ring i övermorgon", "i övermorgon", date(2026, 11, 20)),
        ("sv", "Återkom imorgon", "imorgon", date(2026, 11, 19)),
        ("sv", "Svar om två veckor", "om två veckor", date(2026, 12, 2)),
        ("sv", "Fakturera till månadsskiftet", "till månadsskiftet", date(2026, 11, 30)),
        ("sv", "Klart i slutet av månaden", "i slutet av månaden", date(2026, 11, 30)),
        ("sv", "Start vecka 49", "vecka 49", date(2026, 12, 4)),
        ("sv", "Start v. 50", "v. 50", date(2026, 12, 11)),
        ("sv", "Avtal den 5 december", "den 5 december", date(2026, 12, 5)),
        ("sv", "Senast den 5/12", "Senast den 5/12", date(2026, 12, 5)),
        # Norwegian
        ("no", "Send det på fredag", "på fredag", date(2026, 11, 20)),
        ("no", "Klart innen fredag", "innen fredag", date(2026, 11, 20)),
        ("no", "Møte neste fredag", "neste fredag", date(2026, 11, 27)),
        ("no", "Vi tar det neste uke", "neste uke", date(2026, 11, 27)),
        ("no", "Svar om to uker", "om to uker", date(2026, 12, 2)),
        ("no", "Innen utgangen av måneden", "Innen utgangen av måneden", date(2026, 11, 30)),
        ("no", "Oppstart uke 49", "uke 49", date(2026, 12, 4)),
        ("no", "Frist 5. desember", "5. desember", date(2026, 12, 5)),
        ("nb", "Ring i morgen", "i morgen", date(2026, 11, 19)),
        # Finnish: case endings on the same stem
        ("fi", "Lähetä tarjous perjantaina", "perjantaina", date(2026, 11, 20)),
        ("fi", "Valmis perjantaihin mennessä", "perjantaihin mennessä", date(2026, 11, 20)),
        ("fi", "Soita ennen perjantaita", "ennen perjantaita", date(2026, 11, 20)),
        ("fi", "Palaveri keskiviikkona", "keskiviikkona", date(2026, 11, 25)),
        ("fi", "Tapaaminen ensi perjantaina", "ensi perjantaina", date(2026, 11, 27)),
        ("fi", "Toimitus ensi viikolla", "ensi viikolla", date(2026, 11, 27)),
        ("fi", "Soitan huomenna", "huomenna", date(2026, 11, 19)),
        ("fi", "Vastaa ylihuomenna", "ylihuomenna", date(2026, 11, 20)),
        ("fi", "Tee se tänään", "tänään", date(2026, 11, 18)),
        ("fi", "Vastaus kahden viikon päästä", "kahden viikon päästä", date(2026, 12, 2)),
        ("fi", "Valmis kahdessa viikossa", "kahdessa viikossa", date(2026, 12, 2)),
        ("fi", "Lasku kuun loppuun mennessä", "kuun loppuun mennessä", date(2026, 11, 30)),
        ("fi", "Sopimus 5. joulukuuta", "5. joulukuuta", date(2026, 12, 5)),
        (
            "fi",
            "Raportti joulukuun 5. päivään mennessä",
            "joulukuun 5. päivään mennessä",
            date(2026, 12, 5),
        ),
        ("fi", "Aloitus viikolla 49", "viikolla 49", date(2026, 12, 4)),
        ("fi", "Aloitus viikko 50", "viikko 50", date(2026, 12, 11)),
        ("fi", "Toimitus 5.12.", "5.12.", date(2026, 12, 5)),
    ],
)
def test_single_deadline_in_sentence(language, text, raw, expected):
    (found,) = find_due_dates(text, language, WED)
    assert found == DueDate(raw, text.index(raw), text.index(raw) + len(raw), expected, False)
    assert resolve(text, language, WED) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Year rollover: meeting on Wednesday 30 December 2026, ISO week 53.
        ("en", "by Friday", date(2027, 1, 1)),
        ("en", "next week", date(2027, 1, 8)),
        ("da", "næste fredag", date(2027, 1, 8)),
        ("da", "i overmorgen", date(2027, 1, 1)),
        ("da", "udgangen af måneden", date(2026, 12, 31)),
        ("en", "end of next month", date(2027, 1, 31)),
        ("da", "den 5. januar", date(2027, 1, 5)),
        ("da", "5.1.", date(2027, 1, 5)),
        ("en", "by the 5th", date(2027, 1, 5)),
        ("en", "December 5", date(2027, 12, 5)),
        ("da", "uge 2", date(2027, 1, 15)),
        ("sv", "vecka 53", date(2027, 1, 1)),
        ("no", "om to uker", date(2027, 1, 13)),
        ("fi", "kuukauden päästä", date(2027, 1, 30)),
        ("fi", "vuoden loppuun mennessä", date(2026, 12, 31)),
    ],
)
def test_year_rollover(language, text, expected):
    assert resolve(text, language, NEW_YEAR) == expected


@pytest.mark.parametrize(
    ("meeting", "language", "text", "expected"),
    [
        # A bare weekday on that weekday means a week later.
        (date(2026, 11, 20), "da", "på fredag", date(2026, 11, 27)),
        # End of month on the last day rolls to the next month's end.
        (date(2026, 11, 30), "en", "end of the month", date(2026, 12, 31)),
        (date(2026, 12, 31), "sv", "i slutet av året", date(2027, 12, 31)),
        # Adding a month clamps to the shorter month.
        (date(2027, 1, 31), "en", "in one month", date(2027, 2, 28)),
        # A day of month already past rolls to next month.
        (date(2026, 11, 18), "en", "by the 10th", date(2026, 12, 10)),
        (date(2026, 11, 18), "en", "by the 18th", date(2026, 11, 18)),
        # Week 53 does not exist in 2027 when asked for from a 2027 meeting.
        (date(2027, 3, 1), "en", "week 53", None),
    ],
)
def test_conventions(meeting, language, text, expected):
    assert resolve(text, language, meeting) == expected


@pytest.mark.parametrize(
    ("language", "text", "raw"),
    [
        ("en", "We should do this soon", "soon"),
        ("en", "Fix it ASAP", "ASAP"),
        ("da", "Send det snart", "snart"),
        ("da", "Det skal ske hurtigt", "hurtigt"),
        ("da", "Svar så hurtigt som muligt", "så hurtigt som muligt"),
        ("sv", "Återkom snarast möjligt", "snarast möjligt"),
        ("no", "Send det snarest", "snarest"),
        ("fi", "Lähetä pian", "pian"),
        ("fi", "Vastaa mahdollisimman pian", "mahdollisimman pian"),
    ],
)
def test_vague_deadline_needs_a_date(language, text, raw):
    (found,) = find_due_dates(text, language, WED)
    assert (found.raw, found.date, found.needs_date) == (raw, None, True)
    assert resolve(text, language, WED) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Vi har brug for 5 licenser."),
        ("da", "Kunden kører version 2.5."),
        ("da", "Prisen er 2.5 mio. kr. for 12 brugere."),
        ("da", "Vi mødes kl. 10.30 med 3 sælgere."),
        ("da", "Vi talte med dem i fredags."),
        ("da", "Det sagde han sidste fredag."),
        ("sv", "Licensen kostar 12.50 kr per månad."),
        ("no", "De kjøpte 15 lisenser til 1.200 kr."),
        ("en", "It costs $5.12 per seat and we sold 30 seats."),
        ("en", "Version 2.5 fixed it for the 5th time."),
        ("en", "We met last Friday."),
        ("fi", "Meillä on 5 lisenssiä ja versio 2.5."),
        ("fi", "Tiimi kokoontuu perjantaisin."),
        ("fi", "Puhuimme viime perjantaina."),
    ],
)
def test_no_deadline(language, text):
    assert find_due_dates(text, language, WED) == []


def test_several_deadlines_in_one_sentence():
    text = (
        "Lars sender tilbuddet i morgen, Mette ringer senest på fredag"
        " og kontrakten kommer i uge 49."
    )
    found = find_due_dates(text, "da", WED)
    assert [(f.raw, f.date) for f in found] == [
        ("i morgen", date(2026, 11, 19)),
        ("senest på fredag", date(2026, 11, 20)),
        ("i uge 49", date(2026, 12, 4)),
    ]
    assert all(text[f.start : f.end] == f.raw for f in found)


def test_case_insensitive_and_region_codes():
    assert resolve("SENEST PÅ FREDAG", "da-DK", WED) == date(2026, 11, 20)
    assert resolve("Perjantaihin Mennessä", "fi_FI", WED) == date(2026, 11, 20)


def test_accents_are_exact():
    # "pa fredag" without å is not Danish; the weekday alone still counts.
    (found,) = find_due_dates("pa fredag", "da", WED)
    assert found.raw == "fredag"


def test_unsupported_language():
    with pytest.raises(ValueError, match="unsupported language"):
        find_due_dates("by Friday", "de", WED)
