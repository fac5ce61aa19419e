"""Sensitive topics are flagged precisely: private matters yes, ordinary business talk never."""

from __future__ import annotations

import pytest
from tests.summarize.gold import load_gold

from minuta.core.models import Segment
from minuta.summarize.sensitive import CATEGORIES, flag_lines, sensitive_categories

# Business talk that shares words with sensitive topics; none of it may be flagged.
BUSINESS = {
    "en": [
        "Let's do a quick health check of the project before the steering group.",
        "Our legal department reviews the contract on Monday.",
        "We chose option B, the cheaper one.",
        "Honestly, I'm sick of waiting for their API keys.",
        "The lawyers want one more clause on liability.",
        "We need to court the CFO before the budget round.",
        "The European Union rules on data transfers apply here.",
        "Office politics aside, the pricing is the real issue.",
        "Can we diagnose why the sync fails at night?",
        "The customer is a hospital group with four sites.",
        "Sue will send the revised quote tomorrow.",
        "We sell non-alcoholic beverages to the big chains.",
        "Let's vote on the logo next week.",
        "Party like it's go-live! Anyway, the cutover is on the 11th.",
        "The election of the new board is a formality for them.",
        "They are partners of ours in the Visma channel.",
        "It's a conservative estimate of two thousand records.",
        "Since covid, their field sales team works from home two days a week.",
        "The invoice module is separated from the core, so we can ship it alone.",
        "They run the ethnic food aisle in forty stores.",
        "We follow the release checklist religiously.",
    ],
    "da": [
        "Vi chose ikke noget endnu, valget står mellem model A og B.",
        "Vores returpolitik er tredive dage, og prispolitikken ligger fast.",
        "Det sidste parti varer fra leverandøren er forsinket.",
        "Det er en politisk beslutning i kommunen, så vi venter på byrådet.",
        "Det stemmer på kronen med tilbuddet.",
        "Juridisk afdeling kigger på kontrakten i morgen.",
        "Det var et sygt godt møde, de vil gerne købe.",
        "Jeg beder dem om teksterne inden fredag.",
        "Der er indlagt en buffer på to uger i planen.",
        "Det er en præstation, at vi nåede det hele.",
        "Udvalget mødes i næste uge og tager stilling til budgettet.",
        "Vi har valgt at starte med kun MobilePay.",
        "Kunden er et sygehus med fire afdelinger.",
        "Det giver psykologisk tryghed i teamet, når vi mødes ugentligt.",
        "Vi har kontor på Kirkebjerg Parkvej, så vi kan mødes der.",
        "Vi følger tjeklisten religiøst, ellers går det galt.",
    ],
    "no": [
        "Vi tok valget om å gå for skyløsningen.",
        "Det er et godt valg, og prisen er riktig.",
        "Kunden har en prestasjonsbasert bonusmodell for selgerne.",
        "Partiet med skannere kommer i uke fire.",
        "Juridisk avdeling ser på avtalen.",
        "Det er en helsesjekk av prosjektet før styremøtet.",
    ],
    "sv": [
        "Det stämmer, vi bestämde det förra veckan.",
        "Det var god stämning på workshopen med kunden.",
        "Bolagsstämman är i maj, så budgeten spikas efter det.",
        "Valet föll på alternativ B.",
        "Vi har ett bra val mellan två leverantörer.",
        "Vi stämmer av med produktchefen om Hogia-modulen.",
        "Det var sjukt bra att de kom med på mötet.",
        "Ordern är inlagd i systemet sedan i går.",
        "Facklitteratur om försäljning kan vi köpa in till teamet.",
        "Vår prispolicy är fast, men vi kan ge rabatt på volym.",
        "Juristerna går igenom avtalet innan vi skriver under.",
        "Kontoret ligger på Kyrkogatan 5 i Göteborg.",
        "Vi har separerade testmiljöer för varje kund.",
    ],
    "fi": [
        "Tehdään projektille terveystarkastus ennen ohjausryhmää.",
        "Valitsimme vaihtoehdon B, koska se on halvempi.",
        "Se on puolueeton arvio kustannuksista.",
        "Sopimus on raskas prosessi, mutta saadaan se valmiiksi.",
        "Siitä syytetään aina toimittajaa, mutta vika on rajapinnassa.",
        "Lakiosasto tarkistaa sopimuksen maanantaina.",
        "Mä oon sairaan innoissani tästä projektista, oikeesti.",
        "Asiakas on sairaala, jolla on neljä toimipistettä.",
        "Budjetissa on leikkaus, joten aloitetaan pienemmällä pilotilla.",
        "Meidän pitää vaalia asiakassuhdetta tosi hyvin.",
        "Heillä on toimisto Kirkkonummella ja Espoossa.",
    ],
    "lt": [
        "Duomenų rinkimas užtruks dvi savaites.",
        "Kita prekių partija atvyks kitą savaitę.",
        "Teisingas sprendimas yra pasirinkti variantą B.",
    ],
}

# Private matters, each with the one category it must be flagged as.
SENSITIVE = {
    "en": [
        ("Jonas has been on sick leave since March because of his back.", "health"),
        ("She was diagnosed with cancer last year.", "health"),
        ("He's burnt out, honestly, and off sick this week.", "health"),
        ("My wife is pregnant, so I'll be away in May.", "health"),
        ("I go to church every Sunday, so weekends are difficult.", "religion"),
        ("During Ramadan I'd prefer later meetings.", "religion"),
        ("Half of their warehouse staff are trade union members.", "union"),
        ("I'm the union rep, and I'll raise the overtime issue.", "union"),
        ("He voted for the socialist candidate, I think.", "politics"),
        ("My political views are nobody's business at work.", "politics"),
        ("They are suing their previous supplier over the delay.", "legal_dispute"),
        ("We might take them to court if they don't pay.", "legal_dispute"),
        ("He's going through a divorce right now.", "personal"),
        ("Her father passed away, so she's at the funeral on Friday.", "personal"),
    ],
    "da": [
        ("Hun er sygemeldt resten af måneden.", "health"),
        ("Han er langtidssygemeldt med stress.", "health"),
        ("Min kollega er gravid og går på barsel til sommer.", "health"),
        ("Han fik diagnosen i sidste uge.", "health"),
        ("Han går i kirke hver søndag.", "religion"),
        ("Hun er aktiv i folkekirken.", "religion"),
        ("Jeg er medlem af fagforeningen, så jeg spørger dem først.", "union"),
        ("Hun stemte på Socialdemokratiet ved folketingsvalget.", "politics"),
        ("Der kører en retssag mod den gamle leverandør.", "legal_dispute"),
        ("De har sagsøgt os for to millioner.", "legal_dispute"),
        ("Han er midt i en skilsmisse, så han er lidt presset.", "personal"),
        ("Begravelsen er på torsdag, så jeg er væk.", "personal"),
    ],
    "no": [
        ("Han er sykemeldt i to uker.", "health"),
        ("Hun fikk kreft i fjor.", "health"),
        ("Vi gikk til kirken på søndag.", "religion"),
        ("Han er tillitsvalgt i fagforeningen.", "union"),
        ("Jeg stemte på Arbeiderpartiet ved stortingsvalget.", "politics"),
        ("Det er en rettssak mellom dem og kommunen.", "legal_dispute"),
        ("Faren hennes gikk bort i helgen.", "personal"),
    ],
    "sv": [
        ("Han är sjukskriven hela veckan.", "health"),
        ("Hon var långtidssjukskriven för utmattningssyndrom.", "health"),
        ("Jag är med i Svenska kyrkan och sjunger i kören.", "religion"),
        ("Jag är med i facket, så jag frågar dem först.", "union"),
        ("Fackförbundet har sagt nej till övertiden.", "union"),
        ("Hon röstade på Miljöpartiet i riksdagsvalet.", "politics"),
        ("Det blir en rättegång i vår mot den gamla leverantören.", "legal_dispute"),
        ("De lämnade in en stämningsansökan i förra veckan.", "legal_dispute"),
        ("Han går igenom en skilsmässa just nu.", "personal"),
        ("Begravningen är på fredag.", "personal"),
    ],
    "fi": [
        ("Hän on sairauslomalla koko viikon.", "health"),
        ("Hän sairastui syöpään viime vuonna.", "health"),
        ("Mä oon raskaana, laskettu aika on huhtikuussa.", "health"),
        ("Käyn kirkossa joka sunnuntai.", "religion"),
        ("Mä kuulun ammattiliittoon, joten kysyn heiltä ensin.", "union"),
        ("Hän on luottamusmies meidän toimistolla.", "union"),
        ("Äänestin kokoomusta eduskuntavaaleissa.", "politics"),
        ("Meillä on oikeudenkäynti vanhan toimittajan kanssa.", "legal_dispute"),
        ("Asia on käräjäoikeudessa ensi kuussa.", "legal_dispute"),
        ("Mä oon keskellä avioeroa, joten tää syksy on raskas.", "personal"),
        ("Isän hautajaiset on perjantaina.", "personal"),
    ],
    "lt": [
        ("Jis serga ir turi nedarbingumo pažymą.", "health"),
        ("Sekmadienį einu į bažnyčią.", "religion"),
        ("Esu profsąjungos narys.", "union"),
        ("Byla dabar yra teisme.", "legal_dispute"),
        ("Jis išgyvena skyrybas.", "personal"),
    ],
}


@pytest.mark.parametrize(
    ("language", "text"),
    [(language, text) for language, texts in BUSINESS.items() for text in texts],
)
def test_business_talk_is_not_flagged(language: str, text: str) -> None:
    assert sensitive_categories(text, language) == ()
    assert sensitive_categories(text, language, meeting_type="project_status") == ()


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [
        (language, text, category)
        for language, cases in SENSITIVE.items()
        for text, category in cases
    ],
)
def test_private_matters_are_flagged(language: str, text: str, category: str) -> None:
    assert category in sensitive_categories(text, language)


def test_categories_come_in_a_fixed_order_and_only_known_ones() -> None:
    text = "After the divorce he was on sick leave, and now the trade union is suing them."
    found = sensitive_categories(text, "en")
    assert found == ("health", "union", "legal_dispute", "personal")
    assert set(found) <= set(CATEGORIES)


def test_nordic_meetings_share_their_lists_and_english_always_applies() -> None:
    # Transcription may label a Danish meeting Norwegian; people mix in English.
    assert sensitive_categories("Hun er sygemeldt.", "no") == ("health",)
    assert sensitive_categories("Han är sjukskriven.", "da") == ("health",)
    assert sensitive_categories("Hän on sick leave -listalla.", "fi") == ("health",)
    assert sensitive_categories("Hän on sairauslomalla.", "en") == ()  # English lists only
    assert sensitive_categories("Hän on sairauslomalla.", "de") == ("health",)  # unknown: all


def test_family_and_age_are_flagged_only_in_recruiting_interviews() -> None:
    lines = [
        ("en", "My wife loves your product, by the way."),
        ("en", "I'm thirty-four years old and have two kids."),
        ("da", "Mine børn er store nu, så rejser er ikke et problem."),
        ("sv", "Min fru kommer härifrån, så vi flyttar gärna."),
        ("fi", "Mulla on kaksi lasta ja vaimo töissä Oulussa."),
    ]
    for language, text in lines:
        assert sensitive_categories(text, language) == (), text
        found = sensitive_categories(text, language, meeting_type="recruiting_interview")
        assert found == ("personal",), text


def test_flag_lines_maps_segment_ids_and_skips_unstored_lines() -> None:
    segments = [
        Segment(0.0, 3.0, "The pilot starts in February.", id=1),
        Segment(3.0, 6.0, "Karin is on sick leave until then.", id=2),
        Segment(6.0, 9.0, "Hun er sygemeldt.", language="da", id=3),  # the line's own language
        Segment(9.0, 12.0, "He is on sick leave too.", id=None),
    ]
    assert flag_lines(segments, "en") == {2: ("health",), 3: ("health",)}


def _gold_segments(meeting):  # type: ignore[no-untyped-def]
    return [Segment(s.start, s.end, s.text, speaker=s.speaker, id=s.id) for s in meeting.segments]


# The gold meetings are business meetings. The only lines flagged are family
# remarks in recruiting interviews (a partner, a wife, grown-up children), which
# is what the recruiting template keeps out of the notes.
GOLD_FLAGS = {
    "da-recruiting-interview-1": {15: ("personal",)},  # "Mine børn er store nu"
    "en-recruiting-interview-1": {17: ("personal",)},  # "my partner got a job here"
    "sv-recruiting-interview-1": {15: ("personal",)},  # "min fru kommer härifrån"
}


@pytest.mark.parametrize("meeting", load_gold(), ids=lambda m: m.id)
def test_gold_meetings_flag_no_business_talk(meeting) -> None:  # type: ignore[no-untyped-def]
    segments = _gold_segments(meeting)
    assert flag_lines(segments, meeting.language) == {}
    flagged = flag_lines(segments, meeting.language, meeting_type=meeting.meeting_type)
    assert flagged == GOLD_FLAGS.get(meeting.id, {})
