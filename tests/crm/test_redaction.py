"""Personal data is found before a CRM push, precisely, and redaction removes exactly it."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minuta.crm import identity_numbers, phone_numbers
from minuta.crm.redaction import (
    REDACTED,
    Finding,
    FindingKind,
    find_personal_data,
    iban_valid,
    redact,
)

EMAIL, PHONE, IBAN = FindingKind.EMAIL, FindingKind.PHONE, FindingKind.IBAN
ID, NAME, SENSITIVE = FindingKind.NATIONAL_ID, FindingKind.NAME, FindingKind.SENSITIVE

# Identity numbers below were computed for these tests (checksums worked by hand
# and by a separate script), except the published examples 811228-9874,
# 701063-2391 (Skatteverket), 131052-308T (DVV) and 33309240064 (Lithuanian registry).
DK, SE, NO, FI, LT = (
    "Danish CPR",
    "Swedish personnummer",
    "Norwegian fødselsnummer",
    "Finnish henkilötunnus",
    "Lithuanian asmens kodas",
)

# (language, text, kind, the text found, detail)
FOUND = [
    # E-mail
    ("da", "Skriv til anna.berg@firma.dk i morgen.", EMAIL, "anna.berg@firma.dk", ""),
    ("sv", "Mejla lars+crm@exempel.se.", EMAIL, "lars+crm@exempel.se", ""),
    ("no", "Send tilbudet til kari@bedrift.no, takk.", EMAIL, "kari@bedrift.no", ""),
    ("fi", "Sähköposti: jari.virtanen@yritys.fi", EMAIL, "jari.virtanen@yritys.fi", ""),
    ("lt", "Rašykite jonas@įmonė.lt rytoj.", EMAIL, "jonas@įmonė.lt", ""),
    ("en", "Email john_smith@example.co.uk (work).", EMAIL, "john_smith@example.co.uk", ""),
    # Phone numbers, international and national
    ("da", "Ring på +45 12 34 56 78 efter frokost.", PHONE, "+45 12 34 56 78", ""),
    ("da", "Hans mobil er 20 12 34 56.", PHONE, "20 12 34 56", ""),
    ("da", "Nummeret er 2012 3456.", PHONE, "2012 3456", ""),
    ("da", "Tlf. 20123456", PHONE, "20123456", ""),
    ("sv", "Ring +46 70-123 45 67 i morgon.", PHONE, "+46 70-123 45 67", ""),
    ("sv", "Mobilen är 070-123 45 67.", PHONE, "070-123 45 67", ""),
    ("sv", "Växeln: 08-123 456 78.", PHONE, "08-123 456 78", ""),
    ("sv", "Från utlandet: 0046 70-123 45 67.", PHONE, "0046 70-123 45 67", ""),
    ("sv", "Ring +46 (0)70-123 45 67.", PHONE, "+46 (0)70-123 45 67", ""),
    ("no", "Ring meg på +47 912 34 567.", PHONE, "+47 912 34 567", ""),
    ("no", "Mobil 912 34 567 hele dagen.", PHONE, "912 34 567", ""),
    ("fi", "Soita numeroon +358 40 123 4567.", PHONE, "+358 40 123 4567", ""),
    ("fi", "Puhelin 040 123 4567 on auki.", PHONE, "040 123 4567", ""),
    ("fi", "Vaihde 09 1234 5678.", PHONE, "09 1234 5678", ""),
    ("lt", "Skambinkite +370 612 34567.", PHONE, "+370 612 34567", ""),
    ("lt", "Mobilusis 8 612 34567.", PHONE, "8 612 34567", ""),
    ("en", "Call +44 20 7946 0958 tomorrow.", PHONE, "+44 20 7946 0958", ""),
    ("en", "Call +44 (0)20 7946 0958.", PHONE, "+44 (0)20 7946 0958", ""),
    ("en", "Office: 020 7946 0958.", PHONE, "020 7946 0958", ""),
    ("en", "Call +45 12 34 56 78 2 times.", PHONE, "+45 12 34 56 78", ""),
    # IBAN, spaced and compact
    ("da", "Konto DK50 0040 0440 1162 43.", IBAN, "DK50 0040 0440 1162 43", "IBAN DK"),
    ("da", "Konto DK5000400440116243 tak.", IBAN, "DK5000400440116243", "IBAN DK"),
    ("sv", "IBAN SE45 5000 0000 0583 9825 7466", IBAN, "SE45 5000 0000 0583 9825 7466", "IBAN SE"),
    ("no", "Kontonummer NO93 8601 1117 947.", IBAN, "NO93 8601 1117 947", "IBAN NO"),
    ("fi", "Tili FI21 1234 5600 0007 85.", IBAN, "FI21 1234 5600 0007 85", "IBAN FI"),
    ("lt", "Sąskaita LT12 1000 0111 0100 1000.", IBAN, "LT12 1000 0111 0100 1000", "IBAN LT"),
    ("en", "Pay to GB29 NWBK 6016 1331 9268 19.", IBAN, "GB29 NWBK 6016 1331 9268 19", "IBAN GB"),
    ("en", "DE89370400440532013000 is theirs.", IBAN, "DE89370400440532013000", "IBAN DE"),
    ("en", "EE38 2200 2210 2014 5685", IBAN, "EE38 2200 2210 2014 5685", "IBAN EE"),
    ("en", "LV80 BANK 0000 4351 9500 1", IBAN, "LV80 BANK 0000 4351 9500 1", "IBAN LV"),
    ("en", "FR14 2004 1010 0505 0001 3M02 606", IBAN, "FR14 2004 1010 0505 0001 3M02 606",
     "IBAN FR"),
    ("en", "DK50 0040 0440 1162 43 12 pcs", IBAN, "DK50 0040 0440 1162 43", "IBAN DK"),
    # Danish CPR: modulus 11, and (hyphenated only) a post-2007 number without it
    ("da", "CPR 150385-1004.", ID, "150385-1004", DK),
    ("da", "CPR 1503851004.", ID, "1503851004", DK),
    ("da", "CPR 150385-1005.", ID, "150385-1005", DK),
    ("da", "Født 29. februar 2000: 290200-4001.", ID, "290200-4001", DK),
    # Swedish personnummer in all its spellings, and a samordningsnummer
    ("sv", "Personnummer 811228-9874.", ID, "811228-9874", SE),
    ("sv", "Personnummer 19811228-9874.", ID, "19811228-9874", SE),
    ("sv", "Personnummer 198112289874.", ID, "198112289874", SE),
    ("sv", "Personnummer 8112289874.", ID, "8112289874", SE),
    ("sv", "Över hundra år: 811228+9874.", ID, "811228+9874", SE),
    ("sv", "Samordningsnummer 701063-2391.", ID, "701063-2391", SE),
    # Norwegian fødselsnummer, with a space, a D-number, born in 2005
    ("no", "Fødselsnummer 15038512010.", ID, "15038512010", NO),
    ("no", "Fødselsnummer 150385 12010.", ID, "150385 12010", NO),
    ("no", "D-nummer 55038512004.", ID, "55038512004", NO),
    ("no", "Født 2005: 01010552059.", ID, "01010552059", NO),
    # Finnish henkilötunnus: old and 2023 century signs
    ("fi", "Henkilötunnus 131052-308T.", ID, "131052-308T", FI),
    ("fi", "Henkilötunnus 010594Y9032.", ID, "010594Y9032", FI),
    ("fi", "Henkilötunnus 010105A456E.", ID, "010105A456E", FI),
    # Lithuanian asmens kodas for each century
    ("lt", "Asmens kodas 33309240064.", ID, "33309240064", LT),
    ("lt", "Asmens kodas 48503151233.", ID, "48503151233", LT),
    ("lt", "Asmens kodas 50501012342.", ID, "50501012342", LT),
    # Names of people who were not in the meeting, inflected too
    ("da", "Vi talte med Jørgen Hansen om prisen.", NAME, "Jørgen Hansen", "not a participant"),
    ("da", "Jeg ringer til Per i morgen.", NAME, "Per", "not a participant"),
    ("sv", "Det är Lena som styr budgeten.", NAME, "Lena", "not a participant"),
    ("sv", "Vår ekonomichef Anna Maria Lind", NAME, "Anna Maria Lind", "not a participant"),
    ("no", "Vi møtte Kjell Olsen på messen.", NAME, "Kjell Olsen", "not a participant"),
    ("fi", "Soitan Jarille tänään.", NAME, "Jarille", "not a participant"),
    ("fi", "Kerro Mikolle huomenna.", NAME, "Mikolle", "not a participant"),
    ("lt", "Paskambinkite Jonui rytoj.", NAME, "Jonui", "not a participant"),
    ("en", "I'll talk to Marte so she knows.", NAME, "Marte", "not a participant"),
    ("en", "Send it to Will by Friday.", NAME, "Will", "not a participant"),
    ("en", "Per Hansen called.", NAME, "Per Hansen", "not a participant"),
    # Sensitive sentences, whole
    ("da", "Prisen er fin. Hun er sygemeldt med stress. Vi ses.", SENSITIVE,
     "Hun er sygemeldt med stress.", "health"),
    ("sv", "Han är långtidssjukskriven.", SENSITIVE, "Han är långtidssjukskriven.", "health"),
    ("no", "Jeg stemte på Arbeiderpartiet ved stortingsvalget.", SENSITIVE,
     "Jeg stemte på Arbeiderpartiet ved stortingsvalget.", "politics"),
    ("fi", "Käyn kirkossa joka sunnuntai.", SENSITIVE, "Käyn kirkossa joka sunnuntai.", "religion"),
    ("lt", "Esu profsąjungos narys.", SENSITIVE, "Esu profsąjungos narys.", "union"),
    ("en", "OK.\nThey are suing their previous supplier.\nNext.", SENSITIVE,
     "They are suing their previous supplier.", "legal_dispute"),
    ("en", "After the divorce he was on sick leave.", SENSITIVE,
     "After the divorce he was on sick leave.", "health, personal"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "kind", "found", "detail"), FOUND)
def test_personal_data_is_found(
    language: str, text: str, kind: FindingKind, found: str, detail: str
) -> None:
    findings = find_personal_data(text, participants=["Mette Holm"], language=language)
    assert [(f.kind, f.text, f.detail) for f in findings] == [(kind, found, detail)]
    (finding,) = findings
    assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(("language", "text", "kind", "found", "detail"), FOUND)
def test_found_without_a_language_too(
    language: str, text: str, kind: FindingKind, found: str, detail: str
) -> None:
    findings = find_personal_data(text, participants=["Mette Holm"])
    assert (kind, found) in [(f.kind, f.text) for f in findings]


# Everyday numbers and words that must never be flagged.
NOTHING = [
    # Dates, times, years
    ("da", "Mødet er 2026-11-23 kl. 10:30."),
    ("da", "Deadline 23.11.2026, og igen 23-11-2026 og 23/11/2026."),
    ("da", "Vi mødes 23 11 2026 eller 2026 11 23."),
    ("sv", "Leverans 2026-11-23 10:30-11:30, vecka 48."),
    ("no", "Fra 2024 til 2026, altså 2024-2026 og 2024 2026."),
    ("fi", "Palaveri 23.11.2026 klo 10.30-11.30."),
    ("lt", "Susitikimas 2026-11-23 10:00."),
    ("en", "Between 10.30 and 11.45 on Nov 23, 2026; the year 1999 2000 problem."),
    ("en", "On 05-11-2026 10:30 we start."),
    # Amounts and percentages
    ("da", "Prisen er 40 000 kr. om året, eller 1.250.000 kr. i alt."),
    ("da", "Budget: 12 500 000 kr og DKK 2 500 000."),
    ("sv", "Det kostar 12 500 000 SEK, ungefär 40 000 kr per månad."),
    ("no", "Tilbudet er NOK 1 250 000, og 12 345 678 kr totalt."),
    ("fi", "Hinta on EUR 12 500 tai 12 500 €, ja 20 % alennus."),
    ("lt", "Kaina 12 500 eurų, nuolaida 15 %."),
    ("en", "It costs EUR 12 500, $ 1 250 000 or £40 000; growth +12 % and +15 000 000."),
    ("en", "Revenue grew +46 000 000 kr last year."),
    # Versions, counts, order numbers, postcodes
    ("en", "We run version 2.4.1 (build 12345) on 3 servers with 250 users."),
    ("en", "Order PO-2026-1234 ships 12 34 units? No: 1234 units, ref 12-34."),
    ("fi", "Osoite: Mannerheimintie 1, 00100 Helsinki."),
    ("da", "Kampagnen kører i uge 48 49 50 51, og 12,5 % af 250 kunder svarede."),
    ("lt", "Užsakymo numeris 12345678."),
    ("sv", "Faktura 123456 och kundnummer 98765."),
    ("da", "ISBN 978-3-16-148410-0 og CVR 12345678."),
    # Identity numbers and IBANs with a wrong check digit, or an impossible date
    ("da", "CPR 1503851005 og 300285-1004."),
    ("sv", "Personnummer 811228-9873 och 19811228-9873."),
    ("no", "Fødselsnummer 15038512011."),
    ("fi", "Henkilötunnus 131052-308U ja 010594Y9033."),
    ("lt", "Asmens kodas 33309240065."),
    ("da", "Konto DK50 0040 0440 1162 44 og DK50 0040 0440 1162 4."),
    ("en", "GB29 NWBK 6016 1331 9268 18 and ZZ00 0000 0000 0000 0."),
    # Names: the participants, words that are names, names that are not on the list
    ("da", "Per mail sender vi tilbuddet til Mette."),
    ("sv", "Inga problem, Mette fixar det."),
    ("en", "Will you send it? Mark the date. Sue will send the quote. Grace period ends Jan 5."),
    ("en", "Ask Siri to set a reminder for the Kent office."),
    ("fi", "Aino kysymys on hinta. Satu on totta."),
    ("en", "Thanks Mette, I will."),
]


@pytest.mark.parametrize(("language", "text"), NOTHING)
def test_everyday_text_is_not_flagged(language: str, text: str) -> None:
    assert find_personal_data(text, participants=["Mette Holm"], language=language) == []
    assert find_personal_data(text, participants=["Mette Holm"]) == []


def test_checksums_are_what_decides() -> None:
    assert identity_numbers.danish_valid("1503851004", hyphenated=False)
    assert not identity_numbers.danish_valid("1503851005", hyphenated=False)
    # Since 2007 not every CPR number passes modulus 11: hyphenated, a valid date is enough.
    assert identity_numbers.danish_valid("1503851005", hyphenated=True)
    assert not identity_numbers.danish_valid("3002851004", hyphenated=True)
    assert identity_numbers.luhn_valid("8112289874")
    assert identity_numbers.swedish_valid("7010632391")  # day 63: samordningsnummer
    assert identity_numbers.norwegian_valid("55038512004")  # day 55: D-number
    assert not identity_numbers.norwegian_valid("15138512010")  # month 13
    assert identity_numbers.finnish_valid("131052", "-", "308", "T")
    assert not identity_numbers.finnish_valid("131052", "G", "308", "T")
    assert identity_numbers.lithuanian_check("3330924006") == 4
    assert iban_valid("DK5000400440116243")
    assert not iban_valid("DK50004004401162430")  # valid checksum is not enough: length
    assert not iban_valid("DK5000400440116244")


def test_the_meeting_language_decides_what_an_ambiguous_number_is() -> None:
    # 120512-1237 is a date-valid CPR number and a Luhn-valid personnummer.
    text = "Nummer 120512-1237."
    assert find_personal_data(text, language="da")[0].detail == DK
    assert find_personal_data(text, language="sv-SE")[0].detail == SE
    # Without a language, the reading with a real checksum wins.
    assert find_personal_data(text)[0].detail == SE


def test_a_phone_looking_run_inside_an_id_or_iban_is_reported_once() -> None:
    for text, kind in [
        ("Mobil 1503851004", ID),
        ("Tlf. 1503851004", ID),
        ("Phone 15038512010", ID),
        # Its bank code and account start read as 0045 2012 3456, a Danish number.
        ("Konto DK64 0045 2012 3456 78.", IBAN),
    ]:
        assert list(phone_numbers.scan(text)), text  # the phone check alone sees a number
        assert [f.kind for f in find_personal_data(text)] == [kind]


def test_findings_are_sorted_and_never_overlap() -> None:
    text = (
        "Anna Berg (anna@x.dk, +45 12 34 56 78) and Lars Holm met. "
        "CPR 150385-1004, konto DK50 0040 0440 1162 43. Lars is on sick leave, ring 20 12 34 56."
    )
    findings = find_personal_data(text, participants=["Anna Berg <anna@x.dk>"], language="en")
    assert [(f.kind, f.text) for f in findings] == [
        (EMAIL, "anna@x.dk"),
        (PHONE, "+45 12 34 56 78"),
        (NAME, "Lars Holm"),
        (ID, "150385-1004"),
        (IBAN, "DK50 0040 0440 1162 43"),
        # The sensitive sentence takes in the name and the number inside it.
        (SENSITIVE, "Lars is on sick leave, ring 20 12 34 56."),
    ]


@pytest.mark.parametrize(
    ("participant", "named"),
    [
        ("Anna Berg", "Anna"),
        ("Anna Berg", "Anna Berg"),
        ("anna berg", "ANNA Berg"),
        ("Anna Berg <anna@x.dk>", "Anna Berg"),
        ("<anna.berg@x.dk>", "Anna Berg"),
        ("anna.berg@x.dk", "Anna"),
        ("anna@x.dk", "Anna Svensson"),  # known by first name only: any Anna may be her
        ("Jørgen Hansen", "Jorgen"),  # accents folded
        ("Anne-Marie Holm", "Anne-Marie Holm"),
        ("Anna Virtanen", "Annalle"),  # inflected first name
        ("Anna Virtanen", "Anna Virtaselle"),  # and surname
        ("Jonas Kazlauskas", "Jonui Kazlauskui"),
    ],
)
def test_participants_are_not_flagged_by_name(participant: str, named: str) -> None:
    text = f"Ja, {named} sender det."
    assert find_personal_data(text, participants=[participant]) == []
    assert find_personal_data(text, user_name=participant) == []


def test_participants_are_not_flagged_but_others_are() -> None:
    text = "Anna og Lars talte med Anna Svensson og Mette."
    findings = find_personal_data(text, participants=["Anna Berg", "Lars Holm"], user_name="Mette")
    assert [(f.kind, f.text) for f in findings] == [(NAME, "Anna Svensson")]
    # Two participants share a first name: it still names one of them.
    assert find_personal_data("Spørg Anna.", participants=["Anna Berg", "Anna Holm"]) == []


def test_participants_e_mail_addresses_are_still_flagged() -> None:
    text = "Anna Berg skriver fra anna@x.dk."
    findings = find_personal_data(text, participants=["Anna Berg <anna@x.dk>"])
    assert [(f.kind, f.text) for f in findings] == [(EMAIL, "anna@x.dk")]


def test_redact_keeps_the_rest_byte_for_byte() -> None:
    text = "Hej!\n  Ring\t+45 12 34 56 78 (mobil), mail\u00a0lars@x.dk …\r\nCPR: 150385-1004 ✓"
    redacted = redact(text, find_personal_data(text))
    assert (
        redacted == f"Hej!\n  Ring\t{REDACTED} (mobil), mail\u00a0{REDACTED} …\r\nCPR: {REDACTED} ✓"
    )
    assert REDACTED == "[redacted]"


def test_redact_merges_overlapping_findings_and_refuses_stale_ones() -> None:
    text = "abc anna@x.dk def"
    a = Finding(4, 8, NAME, "anna")
    b = Finding(4, 13, EMAIL, "anna@x.dk")
    assert redact(text, [b, a]) == f"abc {REDACTED} def"
    assert redact(text, []) == text
    with pytest.raises(ValueError, match="scan the text again"):
        redact("abc lars@x.dk def", [b])


# Pieces of text for the property below: personal data and the text around it.
_PIECES = st.sampled_from(
    [
        "anna.berg@firma.dk",
        "x@y.io",
        "DK50 0040 0440 1162 43",
        "DK5000400440116243",
        "GB29 NWBK 6016 1331 9268 19",
        "LV80 BANK 0000 4351 9500 1",
        "150385-1004",
        "1503851004",
        "811228-9874",
        "19811228-9874",
        "15038512010",
        "131052-308T",
        "010594Y9032",
        "33309240064",
        "+45 12 34 56 78",
        "070-123 45 67",
        "Lars",
        "kr",
        "40 000",
        "2026-11-23",
        "CPR",
        "konto",
        "tlf.",
        "1",
        "-",
        "@",
        ".",
        "DK",
        "hej",
    ]
)
_GLUE = st.sampled_from(["", " ", ", ", ". ", "\n", "-", "/", ":", "(", ")"])
_STRICT_KINDS = {EMAIL, IBAN, ID}


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), max_size=8))
def test_redacted_text_has_no_e_mail_iban_or_id_left(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    redacted = redact(text, find_personal_data(text))
    left = [f for f in find_personal_data(redacted) if f.kind in _STRICT_KINDS]
    assert left == [], (text, redacted)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
        st.text(alphabet="0123456789 -+.,:/()@DKSEATYkr\n", max_size=200),
    )
)
def test_any_text_gives_sorted_findings_that_match_it(text: str) -> None:
    findings = find_personal_data(text, participants=["Anna Berg"], language="da")
    assert all(text[f.start : f.end] == f.text and f.start < f.end for f in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
    redact(text, findings)
