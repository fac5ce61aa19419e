"""The built-in summariser on small meetings in each language: owners, dates, e-mails, shape."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minuta.core.models import ChannelKind, Segment
from minuta.core.summary import ItemKind
from minuta.summarize.backend import SummaryRequest
from minuta.summarize.builtin import summarize_builtin
from minuta.summarize.dates import resolve
from minuta.summarize.evidence import quote_holds
from minuta.summarize.schema import SUMMARY_SCHEMA, parse_summary

MEETING_DATE = date(2026, 11, 19)  # a Thursday: "Friday" is 20 November
ALL_LISTS = ("decisions", "action_items", "risks", "next_steps", "crm_suggestions")


def _request(
    language: str,
    lines: list[tuple[str, str]],
    participants: tuple[str, ...] = (),
    **changes: Any,
) -> SummaryRequest:
    segments = tuple(
        Segment(start=10.0 * n, end=10.0 * n + 8, text=text, speaker=speaker, id=n + 1)
        for n, (speaker, text) in enumerate(lines)
    )
    request = SummaryRequest(
        title="Opfølgning",
        language=language,
        meeting_date=MEETING_DATE,
        segments=segments,
        participants=participants or tuple(dict.fromkeys(s for s, _ in lines)),
    )
    return replace(request, **changes)


def _checked(request: SummaryRequest) -> dict[str, Any]:
    """The result, after checking it is exactly the schema's shape and its evidence holds."""
    result = summarize_builtin(request)
    jsonschema.validate(result, SUMMARY_SCHEMA)
    parse_summary(result)
    texts = {s.id: s.text for s in request.segments}
    for name in ALL_LISTS:
        for item in result[name]:
            cited = " ".join(texts[i] for i in item["evidence"]["segment_ids"])
            assert item["evidence"]["quote"] in cited, item
            assert quote_holds(item["evidence"]["quote"], cited)
    return result


def _action(result: dict[str, Any], owner: str | None) -> dict[str, Any]:
    found = [a for a in result["action_items"] if a["owner"] == owner]
    assert len(found) == 1, result["action_items"]
    return found[0]


# --- English ---------------------------------------------------------------------


def test_english_request_accepted_by_the_named_person_makes_them_the_owner():
    result = _checked(
        _request(
            "en",
            [
                ("Anna Berg", "Thanks for joining. Let's go through the pilot."),
                ("Anna Berg", "Jonas, can you send the price list by Friday?"),
                ("Jonas Holm", "Sure, no problem."),
            ],
        )
    )
    item = _action(result, "Jonas Holm")
    assert item["text"] == "Send the price list by Friday"
    assert item["due"] == "by Friday"
    assert item["evidence"]["segment_ids"] == [2, 3]
    assert resolve(item["due"], "en", MEETING_DATE) == date(2026, 11, 20)


def test_a_request_that_ends_the_recording_is_a_task_without_an_owner_yet():
    lines = [
        ("Them", "We reviewed the proposal with the team yesterday."),
        ("Them", "Could you send the contract by Friday?"),
    ]
    result = _checked(_request("en", lines))
    item = _action(result, None)
    assert item["text"] == "Send the contract by Friday"
    assert item["due"] == "by Friday"
    # Asked mid-meeting and left unanswered, the same words are no task.
    unanswered = _checked(_request("en", [*lines, ("Them", "Anyway, the weather is nice.")]))
    assert unanswered["action_items"] == []


def test_english_commitments_and_the_things_that_are_not():
    result = _checked(
        _request(
            "en",
            [
                ("Priya Nair", "I'll escalate that to their account manager today."),
                ("Ole Brandt", "I'm in the car, so I'll be on mute mostly."),
                ("Mikko Rantala", "I ran it on the test environment yesterday."),
                ("Ole Brandt", "I can't commit to a pilot today."),
                ("Mikko Rantala", "Maybe we could also record the training sessions?"),
                ("Priya Nair", "I'd rather wait with that."),
            ],
        )
    )
    assert [(a["owner"], a["due"]) for a in result["action_items"]] == [("Priya Nair", "today")]


def test_when_question_gives_the_promise_its_date():
    result = _checked(
        _request(
            "en",
            [
                ("Mikko Rantala", "I'll exclude those and rerun the script."),
                ("Priya Nair", "When can that be done?"),
                ("Mikko Rantala", "I'd say tomorrow, end of day."),
            ],
        )
    )
    item = _action(result, "Mikko Rantala")
    assert item["due"] == "tomorrow"
    assert item["evidence"]["segment_ids"] == [1, 2, 3]


def test_i_is_the_user_on_the_microphone_line():
    segments = (
        Segment(0, 4, "I'll send the contract tomorrow.", channel=ChannelKind.MICROPHONE, id=1),
        Segment(5, 9, "Great, thanks.", speaker="them", id=2),
    )
    result = _checked(
        _request("en", [], ("Sara Lund", "Per Berg"), segments=segments, user_name="Sara Lund")
    )
    assert _action(result, "Sara Lund")["due"] == "tomorrow"
    assert result["email_draft"]["body"].endswith("Best regards,\nSara Lund")
    assert "Hi Per," in result["email_draft"]["body"]


def test_english_decision_and_risk():
    result = _checked(
        _request(
            "en",
            [
                ("Karin Dahl", "If we don't get API access by Friday, the go-live is at risk."),
                ("Priya Nair", "Okay, so let's decide that: go-live stays on January 11th."),
                ("Ole Brandt", "Agreed."),
                ("Priya Nair", "Maybe, let's think about that. Not a decision today."),
            ],
        )
    )
    assert [d["text"] for d in result["decisions"]] == ["Go-live stays on January 11th"]
    assert [r["evidence"]["segment_ids"] for r in result["risks"]] == [[1]]


# --- Danish ----------------------------------------------------------------------

DANISH = [
    ("Mette Holm", "Hej Jonas, det er Mette fra Dataløkke."),
    ("Jonas Berg", "Vi har besluttet, at vi kører med jer, hvis prisen kommer på plads."),
    ("Mette Holm", "Jonas, kan du sende mig kontaktpersonen hos Nordkyst IT?"),
    ("Jonas Berg", "Ja, det gør jeg i dag."),
    ("Mette Holm", "Så vender jeg tilbage med et nyt tilbud inden fredag."),
    ("Jonas Berg", "Måske kunne vi også lave en kort demo for Henriette."),
    ("Jonas Berg", "Vores IT-partner er ret langsom, det kan trække ud."),
]


def test_danish_kan_du_answered_ja_makes_the_addressee_owner():
    result = _checked(_request("da", DANISH))
    item = _action(result, "Jonas Berg")
    assert item["text"] == "Sende mig kontaktpersonen hos Nordkyst IT"
    assert item["due"] == "i dag"
    assert item["evidence"]["segment_ids"] == [3, 4]


def test_danish_verb_second_promise_with_its_due_words():
    result = _checked(_request("da", DANISH))
    item = _action(result, "Mette Holm")
    assert item["due"] == "inden fredag"
    assert resolve(item["due"], "da", MEETING_DATE) == date(2026, 11, 20)
    # "Måske kunne vi …" is a suggestion nobody took on.
    assert len(result["action_items"]) == 2
    assert [d["evidence"]["segment_ids"] for d in result["decisions"]] == [[2]]
    assert [r["evidence"]["segment_ids"] for r in result["risks"]] == [[7]]


def test_danish_email():
    result = _checked(_request("da", DANISH, user_name="Mette Holm", title="Vestergaard Køl"))
    email = result["email_draft"]
    assert email["subject"] == "Opfølgning: Vestergaard Køl"
    body = email["body"]
    assert body.startswith("Hej Jonas\n\nTak for mødet.")
    assert "Det aftalte vi:\n- Vi har besluttet, at vi kører med jer" in body
    assert "- Så vender jeg tilbage med et nyt tilbud inden fredag (Mette Holm, fredag den " in body
    assert "fredag den 20. november" in body
    assert "(Jonas Berg, torsdag den 19. november)" in body
    assert body.endswith("Venlig hilsen\nMette Holm")


def test_a_title_that_already_says_follow_up_is_the_subject():
    result = _checked(_request("da", DANISH, title="Opfølgning – Vestergaard Køl"))
    assert result["email_draft"]["subject"] == "Opfølgning – Vestergaard Køl"


# --- Swedish ---------------------------------------------------------------------


def test_swedish_request_to_the_next_speaker():
    result = _checked(
        _request(
            "sv",
            [
                ("Elin Forsberg", "Jag vill se ett underlag först."),
                ("Elin Forsberg", "Kan du skicka det till mig senast på fredag?"),
                ("Niklas Holm", "Ja, det fixar jag."),
                ("Elin Forsberg", "Då bestämmer vi det. Piloten startar den första februari."),
                ("Sara Lindgren", "Det beror ju på om skannrarna kommer."),
            ],
        )
    )
    item = _action(result, "Niklas Holm")
    assert item["due"] == "senast på fredag"
    assert [d["text"] for d in result["decisions"]] == ["Piloten startar den första februari"]
    assert [r["evidence"]["segment_ids"] for r in result["risks"]] == [[5]]


# --- Norwegian (no gold data: the cues are tested here) ----------------------------

NORWEGIAN = [
    ("Kari Nordmann", "Ola, kan du sende tilbudet innen fredag?"),
    ("Ola Hansen", "Ja, det gjør jeg."),
    ("Kari Nordmann", "Jeg sender kontrakten i morgen."),
    ("Ola Hansen", "Vi har bestemt at vi går for pilotprosjektet i Bergen."),
    ("Ola Hansen", "Jeg er litt bekymret for at leveransen blir forsinket."),
    ("Kari Nordmann", "Kanskje vi kunne ta en demo også."),
]


@pytest.mark.parametrize("language", ["no", "nb", "nn"])
def test_norwegian_owners_dates_decision_and_risk(language: str):
    result = _checked(_request(language, NORWEGIAN))
    ola = _action(result, "Ola Hansen")
    assert ola["due"] == "innen fredag"
    assert ola["evidence"]["segment_ids"] == [1, 2]
    kari = _action(result, "Kari Nordmann")
    assert kari["due"] == "i morgen"
    assert len(result["action_items"]) == 2
    assert [d["evidence"]["segment_ids"] for d in result["decisions"]] == [[4]]
    assert [r["evidence"]["segment_ids"] for r in result["risks"]] == [[5]]


def test_norwegian_email():
    result = _checked(_request("nb", NORWEGIAN, user_name="Kari Nordmann", title="Kontrakt"))
    body = result["email_draft"]["body"]
    assert result["email_draft"]["subject"] == "Oppfølging: Kontrakt"
    assert body.startswith("Hei Ola!\n\nTakk for møtet.")
    assert "(Kari Nordmann, fredag 20. november)" in body
    assert body.endswith("Vennlig hilsen\nKari Nordmann")


# --- Finnish ---------------------------------------------------------------------

FINNISH = [
    ("Heidi Laine", "Voitko lähettää esimerkkilaskut perjantaihin mennessä?"),
    ("Tuula Mäkelä", "Joo, mä lähetän ne."),
    ("Heidi Laine", "Mä päivitän tarjouksen ja lähetän sen teille huomenna."),
    ("Ville Koskinen", "Me ollaan sovittu, että jatketaan teidän kanssa."),
    ("Tuula Mäkelä", "Meillä oli pari ongelmaa ALV-laskennan kanssa."),
    ("Ville Koskinen", "Pitäiskö meidän ehkä pitää vielä yksi demo?"),
]


def test_finnish_voitko_and_joo_make_the_one_who_answers_the_owner():
    result = _checked(_request("fi", FINNISH))
    tuula = _action(result, "Tuula Mäkelä")
    assert tuula["text"] == "Lähettää esimerkkilaskut perjantaihin mennessä"
    assert tuula["due"] == "perjantaihin mennessä"
    assert resolve(tuula["due"], "fi", MEETING_DATE) == date(2026, 11, 20)
    assert _action(result, "Heidi Laine")["due"] == "huomenna"
    assert len(result["action_items"]) == 2
    assert [d["evidence"]["segment_ids"] for d in result["decisions"]] == [[4]]
    assert [r["evidence"]["segment_ids"] for r in result["risks"]] == [[5]]


def test_finnish_email():
    result = _checked(_request("fi", FINNISH, user_name="Heidi Laine", title="Laskutus"))
    body = result["email_draft"]["body"]
    assert result["email_draft"]["subject"] == "Yhteenveto: Laskutus"
    assert body.startswith("Hei Tuula ja Ville!\n\nKiitos tapaamisesta.")
    assert "Tehtävät:" in body
    assert "(Tuula Mäkelä, perjantaina 20.11.)" in body
    assert body.endswith("Ystävällisin terveisin\nHeidi Laine")


# --- shape, sections and odd input -------------------------------------------------


def test_only_the_requested_sections_are_filled():
    request = _request("da", DANISH, sections=frozenset({"action_items"}))
    result = _checked(request)
    assert result["action_items"]
    assert result["summary"]
    for name in ("decisions", "risks", "next_steps", "crm_suggestions"):
        assert result[name] == []
    assert result["email_draft"] == {"subject": "", "body": ""}
    _summary, items, email = parse_summary(result)
    assert {item.kind for item in items} == {ItemKind.ACTION_ITEM}
    assert email is None


def test_empty_transcript_gives_an_empty_valid_result():
    result = _checked(_request("en", []))
    assert result["summary"] == ""
    assert all(result[name] == [] for name in ALL_LISTS)
    assert parse_summary(result) == ("", (), None)


def test_lines_without_ids_are_never_cited():
    segments = (Segment(0, 3, "I'll send the proposal by Friday.", speaker="Anna"),)
    assert summarize_builtin(_request("en", [], ("Anna",), segments=segments))["action_items"] == []


@pytest.mark.parametrize("language", ["lt", "xx-YY", "", "EN-gb", "pt"])
def test_other_languages_get_english_cues_and_a_summary(language: str):
    lines = [
        ("Jonas", "Labas, ačiū, kad prisijungėte prie susitikimo šiandien ryte."),
        ("Rūta", "Kainų pasiūlymą atsiųsiu iki penktadienio, kaip sutarėme susitikime."),
        ("Jonas", "Puiku, tada susitikimas kitą savaitę, ir aptarsime kainų pasiūlymą."),
        ("Rūta", "I'll send the contract by Friday."),
    ]
    result = _checked(_request(language, lines))
    assert result["summary"]
    assert [a["owner"] for a in result["action_items"]] == ["Rūta"]
    assert result["email_draft"]["body"].startswith("Hi Jonas and Rūta,")


def test_an_hour_long_meeting_takes_well_under_two_seconds():
    lines = [line for _ in range(143) for line in DANISH][:1000]
    request = _request("da", lines)
    started = time.perf_counter()
    result = summarize_builtin(request)
    elapsed = time.perf_counter() - started
    assert len(request.segments) == 1000
    assert result["action_items"]
    assert elapsed < 2.0, f"{elapsed:.2f} s"


def test_an_accepted_offer_is_the_offering_speakers_task():
    result = _checked(
        _request(
            "da",
            [
                ("Jonas Berg", "Vores IT-partner skal godkende alle nye systemer."),
                ("Mette Holm", "Skal jeg sende dem vores sikkerhedsdokumentation direkte?"),
                ("Jonas Berg", "Ja, gør det."),
            ],
        )
    )
    item = _action(result, "Mette Holm")
    assert item["text"] == "Sende dem vores sikkerhedsdokumentation direkte"
    assert item["evidence"]["segment_ids"] == [2, 3]


def test_a_bare_promise_takes_its_task_from_the_line_before():
    result = _checked(
        _request(
            "sv",
            [
                ("Elin Forsberg", "Och så måste någon skriva testfallen för returflödet."),
                ("Niklas Holm", "Jag kan ta det, men inte förrän nästa vecka."),
            ],
        )
    )
    item = _action(result, "Niklas Holm")
    assert item["text"] == "Och så måste någon skriva testfallen för returflödet"
    assert item["due"] == "nästa vecka"
    assert item["evidence"]["segment_ids"] == [1, 2]


def test_a_long_sentence_is_quoted_by_its_beginning():
    long = "I'll send the proposal by Friday, " + ", ".join(["with all the options"] * 30) + "."
    result = _checked(_request("en", [("Anna Berg", long)]))
    quote = result["action_items"][0]["evidence"]["quote"]
    assert len(quote) <= 300
    assert long.startswith(quote)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Anna Berg", "Jonas Holm", "me", "Speaker 2"]),
            st.text(
                alphabet=st.sampled_from(list("aeiouæøåäö ,.?!'-:IjegkandusenrtfyJ0123456789")),
                max_size=120,
            ),
        ),
        max_size=12,
    ),
    st.sampled_from(["en", "da", "sv", "no", "fi", "lt"]),
)
@settings(max_examples=150, deadline=None)
def test_any_transcript_gives_a_valid_result(lines: list[tuple[str, str]], language: str):
    _checked(_request(language, lines, ("Anna Berg", "Jonas Holm"), user_name="Anna Berg"))
