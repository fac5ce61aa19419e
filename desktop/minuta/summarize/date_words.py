"""The words people use for deadlines, per language, for :mod:`minuta.summarize.dates`.

Everything here is a regular-expression fragment, matched case-insensitively
with word boundaries added by the engine. Finnish words are stems followed by
``\\w*`` because the case ending (perjantai-na, -hin, -ta, -sta) carries the
preposition; the engine reads the meaning from the surrounding phrase, not from
the ending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True)
class Vocabulary:
    """One language's deadline words. Tuples of weekdays and months start at Monday/January."""

    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    numbers: MappingProxyType[str, int]
    # Words that may precede a deadline ("by", "senest på"); they join the
    # matched span, and a bare "d/m" date is only read after one of them.
    cues: tuple[str, ...]
    # Words that may follow it ("mennessä", "at the latest").
    suffixes: tuple[str, ...] = ()
    # Words that make a weekday lie in the past ("last Friday"): no deadline.
    past: tuple[str, ...] = ()
    # Phrases: each category is a tuple of alternatives, see dates._build_rules.
    phrases: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )


_EN: Final = Vocabulary(
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    months=(
        "january|jan",
        "february|feb",
        "march|mar",
        "april|apr",
        "may",
        "june|jun",
        "july|jul",
        "august|aug",
        "september|sept|sep",
        "october|oct",
        "november|nov",
        "december|dec",
    ),
    numbers=MappingProxyType(
        {
            "a": 1,
            "an": 1,
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
            "eleven": 11,
            "twelve": 12,
            "fourteen": 14,
            "a couple of": 2,
        }
    ),
    cues=(
        "no later than",
        "not later than",
        "at the latest by",
        "latest by",
        "by",
        "on",
        "until",
        "till",
        "before",
        "due",
    ),
    suffixes=("at the latest",),
    past=("last", "past", "previous"),
    phrases=MappingProxyType(
        {
            "this_wd": (r"(?:this|coming)\s+<WD>",),
            "next_wd": (
                r"next\s+<WD>",
                r"<WD>\s+(?:of\s+)?next\s+week",
                r"next\s+week\s+(?:on\s+)?<WD>",
            ),
            "today": (
                r"today",
                r"tonight",
                r"(?:the\s+)?end\s+of\s+(?:the\s+)?day",
                r"eod",
                r"cob",
                r"close\s+of\s+business",
                r"this\s+(?:morning|afternoon|evening)",
                r"(?:right|straight|just|immediately)\s+after\s+(?:the|this)\s+(?:meeting|call)",
            ),
            "tomorrow": (r"tomorrow",),
            "overmorrow": (r"(?:the\s+)?day\s+after\s+tomorrow",),
            "this_week": (
                r"this\s+week",
                r"later\s+this\s+week",
                r"(?:the\s+)?end\s+of\s+(?:the|this)\s+week",
                r"(?:before|by)\s+the\s+weekend",
            ),
            "next_week": (r"next\s+week", r"(?:the\s+)?end\s+of\s+next\s+week"),
            "in_n": (
                r"(?:in|within)\s+<NUM>\s+(?P<unit>days?|weeks?|months?|fortnight)",
                r"(?:in|within)\s+the\s+next\s+<NUM>\s+(?P<unit>days|weeks|months)",
                r"<NUM>\s+(?P<unit>days?|weeks?|months?)\s+from\s+(?:now|today)",
            ),
            "month_end": (
                r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month",
                r"month[-\s]?end",
                r"eom",
            ),
            "next_month_end": (r"(?:the\s+)?end\s+of\s+next\s+month",),
            "named_month_end": (r"(?:the\s+)?end\s+of\s+<MONTH>",),
            "year_end": (
                r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year",
                r"year[-\s]?end",
                r"eoy",
            ),
            "day_month": (
                r"<MONTH>\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?",
                r"(?:the\s+)?(?P<day>\d{1,2})(?:(?:st|nd|rd|th)\s+(?:of\s+)?|\s+of\s+|\s+(?!may\b))<MONTH>\.?(?:,?\s+(?P<year>\d{4}))?",
            ),
            "day_only": (
                r"the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)(?!\s+(?:floor|times?|place|row|attempt|version"
                r"|item|point|century|anniversary|edition|grade|step|line|page)\b)",
            ),
            "week_number": (r"(?:calendar\s+)?(?:week|wk\.?|cw)\s*(?P<week>\d{1,2})",),
            "vague": (
                r"as\s+soon\s+as\s+possible",
                r"asap",
                r"soon",
                r"shortly",
                r"when\s+possible",
                r"in\s+the\s+coming\s+days",
                r"in\s+the\s+near\s+future",
                r"at\s+some\s+point",
            ),
        }
    ),
)

# Danish and Norwegian share most words; each keeps its own spelling of the rest.
_DA_NO_WEEKDAYS: Final = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

_DA: Final = Vocabulary(
    weekdays=_DA_NO_WEEKDAYS,
    months=(
        "januar|jan",
        "februar|feb",
        "marts|mar",
        "april|apr",
        "maj",
        "juni|jun",
        "juli|jul",
        "august|aug",
        "september|sept|sep",
        "oktober|okt",
        "november|nov",
        "december|dec",
    ),
    numbers=MappingProxyType(
        {
            "en": 1,
            "et": 1,
            "én": 1,
            "to": 2,
            "tre": 3,
            "fire": 4,
            "fem": 5,
            "seks": 6,
            "syv": 7,
            "otte": 8,
            "ni": 9,
            "ti": 10,
            "elleve": 11,
            "tolv": 12,
            "fjorten": 14,
            "et par": 2,
        }
    ),
    cues=(
        "senest på",
        "senest til",
        "senest den",
        "senest i",
        "senest",
        "til og med",
        "frem til",
        "i løbet af",
        "inden",
        "indtil",
        "til",
        "før",
        "på",
        "den",
        "i",
    ),
    suffixes=("senest", "eller før"),
    past=("sidste", "forrige", "i forrige", "i sidste"),
    phrases=MappingProxyType(
        {
            "this_wd": (r"(?:denne|kommende|førstkommende)\s+<WD>",),
            "next_wd": (
                r"næste\s+<WD>",
                r"<WD>\s+(?:i\s+)?næste\s+uge",
                r"(?:i\s+)?næste\s+uge\s+(?:på\s+)?<WD>",
            ),
            "today": (
                r"i\s?dag",
                r"i\s?aften",
                r"inden\s+dagens\s+udgang",
                r"i\s+(?:formiddag|eftermiddag)",
                r"(?:lige|straks|direkte)\s+efter\s+mødet",
            ),
            "tomorrow": (r"i\s?morgen",),
            "overmorrow": (r"i\s?overmorgen",),
            "this_week": (
                r"(?:i\s+)?denne\s+uge",
                r"ugen\s+ud",
                r"(?:udgangen|slutningen)\s+af\s+(?:denne\s+)?ugen",
                r"i\s+løbet\s+af\s+ugen",
                r"(?:inden|før)\s+weekenden",
            ),
            "next_week": (r"(?:i\s+)?næste\s+uge", r"(?:udgangen|slutningen)\s+af\s+næste\s+uge"),
            "in_n": (
                r"(?:om|inden\s+for|indenfor|inden)\s+<NUM>\s+(?P<unit>dage?|uger?|måned(?:er)?)",
            ),
            "month_end": (
                r"(?:udgangen|slutningen)\s+af\s+(?:denne\s+)?måned(?:en)?",
                r"månedens\s+udgang",
                r"sidst\s+på\s+måneden",
                r"månedsskiftet",
                r"ultimo(?:\s+måneden)?",
            ),
            "next_month_end": (
                r"(?:udgangen|slutningen)\s+af\s+næste\s+måned",
                r"ultimo\s+næste\s+måned",
            ),
            "named_month_end": (r"(?:(?:udgangen|slutningen)\s+af|ultimo)\s+<MONTH>",),
            "year_end": (
                r"(?:udgangen|slutningen)\s+af\s+året",
                r"årets\s+udgang",
                r"årsskiftet",
                r"nytår",
            ),
            "day_month": (
                r"(?:den\s+|d\.\s*)?(?P<day>\d{1,2})\.?\s*<MONTH>\.?(?:\s+(?P<year>\d{4}))?",
            ),
            "day_only": (r"den\s+(?P<day>\d{1,2})\.(?!\s*(?-i:[a-zæøå]))",),
            "week_number": (r"uge\s*(?P<week>\d{1,2})",),
            "vague": (
                r"så\s+hurtigt\s+som\s+muligt",
                r"hurtigst\s+muligt",
                r"snarest(?:\s+muligt)?",
                r"hurtigt",
                r"snart",
                r"asap",
                r"inden\s+længe",
                r"på\s+et\s+tidspunkt",
            ),
        }
    ),
)

_SV: Final = Vocabulary(
    weekdays=("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    months=(
        "januari|jan",
        "februari|feb",
        "mars|mar",
        "april|apr",
        "maj",
        "juni|jun",
        "juli|jul",
        "augusti|aug",
        "september|sept|sep",
        "oktober|okt",
        "november|nov",
        "december|dec",
    ),
    numbers=MappingProxyType(
        {
            "en": 1,
            "ett": 1,
            "två": 2,
            "tre": 3,
            "fyra": 4,
            "fem": 5,
            "sex": 6,
            "sju": 7,
            "åtta": 8,
            "nio": 9,
            "tio": 10,
            "elva": 11,
            "tolv": 12,
            "fjorton": 14,
            "ett par": 2,
        }
    ),
    cues=(
        "senast på",
        "senast till",
        "senast den",
        "senast i",
        "senast",
        "till och med",
        "fram till",
        "innan",
        "tills",
        "till",
        "före",
        "på",
        "under",
        "den",
        "i",
    ),
    suffixes=("senast",),
    past=("förra", "i förra", "sista"),
    phrases=MappingProxyType(
        {
            "this_wd": (r"(?:denna|kommande|nu\s+på)\s+<WD>",),
            "next_wd": (
                r"nästa\s+<WD>",
                r"<WD>\s+(?:i\s+|under\s+)?nästa\s+vecka",
                r"nästa\s+vecka\s+(?:på\s+)?<WD>",
            ),
            "today": (
                r"i\s?dag",
                r"i\s?kväll",
                r"under\s+dagen",
                r"i\s+(?:förmiddag|eftermiddag)",
                r"(?:direkt|precis|strax)\s+efter\s+mötet",
            ),
            "tomorrow": (r"i\s?morgon",),
            "overmorrow": (r"i\s?övermorgon",),
            "this_week": (
                r"(?:denna|den\s+här)\s+veckan?",
                r"i\s+veckan",
                r"(?:i\s+)?slutet\s+av\s+(?:den\s+här\s+)?veckan",
                r"veckan\s+ut",
                r"(?:innan|före)\s+helgen",
            ),
            "next_week": (r"nästa\s+vecka", r"(?:i\s+)?slutet\s+av\s+nästa\s+vecka"),
            "in_n": (
                r"(?:om|inom|inom\s+loppet\s+av)\s+<NUM>\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad)",
            ),
            "month_end": (
                r"(?:i\s+)?slutet\s+av\s+(?:den\s+här\s+)?månaden",
                r"månadsskiftet",
                r"månadens\s+slut",
                r"månadsslutet",
            ),
            "next_month_end": (r"(?:i\s+)?slutet\s+av\s+nästa\s+månad",),
            "named_month_end": (r"(?:(?:i\s+)?slutet\s+av|utgången\s+av)\s+<MONTH>",),
            "year_end": (r"(?:i\s+)?slutet\s+av\s+året", r"årets\s+slut", r"årsskiftet", r"nyår"),
            "day_month": (
                r"(?:den\s+)?(?P<day>\d{1,2})(?::e|:a)?\s*<MONTH>\.?(?:\s+(?P<year>\d{4}))?",
            ),
            "day_only": (r"den\s+(?P<day>\d{1,2}):(?:e|a)",),
            "week_number": (r"(?:vecka|vecka\s+nummer|v\.?|vk\.?)\s*(?P<week>\d{1,2})(?![.,]\d)",),
            "vague": (
                r"så\s+(?:snart|fort)\s+som\s+möjligt",
                r"(?:snarast|fortast)\s+möjligt",
                r"snarast",
                r"snart",
                r"asap",
                r"inom\s+kort",
                r"vid\s+tillfälle",
            ),
        }
    ),
)

_NO: Final = Vocabulary(
    weekdays=_DA_NO_WEEKDAYS,
    months=(
        "januar|jan",
        "februar|feb",
        "mars|mar",
        "april|apr",
        "mai",
        "juni|jun",
        "juli|jul",
        "august|aug",
        "september|sept|sep",
        "oktober|okt",
        "november|nov",
        "desember|des",
    ),
    numbers=MappingProxyType(
        {
            "en": 1,
            "ei": 1,
            "ett": 1,
            "et": 1,
            "to": 2,
            "tre": 3,
            "fire": 4,
            "fem": 5,
            "seks": 6,
            "sju": 7,
            "syv": 7,
            "åtte": 8,
            "ni": 9,
            "ti": 10,
            "elleve": 11,
            "tolv": 12,
            "fjorten": 14,
            "et par": 2,
            "ett par": 2,
        }
    ),
    cues=(
        "senest på",
        "senest til",
        "senest den",
        "senest i",
        "senest",
        "til og med",
        "frem til",
        "i løpet av",
        "innen",
        "inntil",
        "til",
        "før",
        "på",
        "den",
        "i",
    ),
    suffixes=("senest", "eller før"),
    past=("forrige", "sist", "i forrige"),
    phrases=MappingProxyType(
        {
            "this_wd": (r"(?:denne|kommende|førstkommende)\s+<WD>",),
            "next_wd": (
                r"neste\s+<WD>",
                r"<WD>\s+(?:i\s+)?neste\s+(?:uke|veke)",
                r"(?:i\s+)?neste\s+(?:uke|veke)\s+(?:på\s+)?<WD>",
            ),
            "today": (
                r"i\s?dag",
                r"i\s?kveld",
                r"i\s+(?:formiddag|ettermiddag)",
                r"(?:rett|like|straks|direkte)\s+etter\s+møtet",
            ),
            "tomorrow": (r"i\s?morgen",),
            "overmorrow": (r"i\s?overmorgen",),
            "this_week": (
                r"(?:i\s+)?denne\s+uk(?:en|a|e)",
                r"(?:utgangen|slutten)\s+av\s+uk(?:en|a)",
                r"uk(?:en|a)\s+ut",
                r"i\s+løpet\s+av\s+uk(?:en|a)",
                r"(?:innen|før)\s+helgen",
            ),
            "next_week": (
                r"(?:i\s+)?neste\s+(?:uke|veke)",
                r"(?:utgangen|slutten)\s+av\s+neste\s+uke",
            ),
            "in_n": (
                r"(?:om|innen|innenfor|innen\s+for)\s+<NUM>\s+(?P<unit>dager|dag|uker|uke|uka|veker|veke|måneder|måned)",
            ),
            "month_end": (
                r"(?:utgangen|slutten)\s+av\s+(?:denne\s+)?måned(?:en)?",
                r"månedsskiftet",
                r"månedsslutt",
                r"månedens\s+slutt",
                r"ultimo(?:\s+måneden)?",
            ),
            "next_month_end": (r"(?:utgangen|slutten)\s+av\s+neste\s+måned",),
            "named_month_end": (r"(?:(?:utgangen|slutten)\s+av|ultimo)\s+<MONTH>",),
            "year_end": (r"(?:utgangen|slutten)\s+av\s+året", r"årsskiftet", r"nyttår"),
            "day_month": (
                r"(?:den\s+|d\.\s*)?(?P<day>\d{1,2})\.?\s*<MONTH>\.?(?:\s+(?P<year>\d{4}))?",
            ),
            "day_only": (r"den\s+(?P<day>\d{1,2})\.(?!\s*(?-i:[a-zæøå]))",),
            "week_number": (r"(?:uke|veke)\s*(?P<week>\d{1,2})",),
            "vague": (
                r"så\s+(?:snart|fort)\s+som\s+mulig",
                r"(?:snarest|raskest)\s+mulig",
                r"snarest",
                r"snart",
                r"asap",
                r"om\s+ikke\s+lenge",
            ),
        }
    ),
)

_FI_NUMBERS: Final = {
    # Genitive ("kahden viikon päästä") and inessive ("kahdessa viikossa").
    "yhden": 1,
    "kahden": 2,
    "kolmen": 3,
    "neljän": 4,
    "viiden": 5,
    "kuuden": 6,
    "seitsemän": 7,
    "kahdeksan": 8,
    "yhdeksän": 9,
    "kymmenen": 10,
    "parin": 2,
    "yhdessä": 1,
    "kahdessa": 2,
    "kolmessa": 3,
    "neljässä": 4,
    "viidessä": 5,
    "kuudessa": 6,
    "seitsemässä": 7,
    "kahdeksassa": 8,
    "yhdeksässä": 9,
    "kymmenessä": 10,
    "parissa": 2,
}

_FI: Final = Vocabulary(
    # Stems: the ending says on/by/from; "-sin" (perjantaisin, "on Fridays") is habitual.
    weekdays=(
        r"maanantai(?!sin\b)\w*",
        r"tiistai(?!sin\b)\w*",
        r"keskiviik(?:k?o)(?!isin\b)\w*",
        r"torstai(?!sin\b)\w*",
        r"perjantai(?!sin\b)\w*",
        r"lauantai(?!sin\b)\w*",
        r"sunnuntai(?!sin\b)\w*",
    ),
    months=tuple(
        stem + r"kuu\w*"
        for stem in (
            "tammi",
            "helmi",
            "maalis",
            "huhti",
            "touko",
            "kesä",
            "heinä",
            "elo",
            "syys",
            "loka",
            "marras",
            "joulu",
        )
    ),
    numbers=MappingProxyType(_FI_NUMBERS),
    cues=("viimeistään", "ennen"),
    suffixes=("mennessä", "viimeistään"),
    past=("viime", "viimeksi", "edellisenä"),
    phrases=MappingProxyType(
        {
            "this_wd": (r"(?:tänä|tulevana|tulevaan)\s+<WD>",),
            "next_wd": (r"ensi\s+<WD>", r"ensi\s+viikon\s+<WD>"),
            "today": (
                r"tänään",
                r"tänä\s+iltana",
                r"päivän\s+loppuun",
                r"heti\s+(?:palaverin|kokouksen|tapaamisen|puhelun)\s+jälkeen",
            ),
            "tomorrow": (r"huomenna", r"huomiseen", r"huomiseksi"),
            "overmorrow": (r"ylihuomenna", r"ylihuomiseen"),
            "this_week": (
                r"tällä\s+viikolla",
                r"tämän\s+viikon\s+(?:aikana|loppuun|lopussa)",
                r"viikon\s+loppuun",
                r"viikonloppuun",
                r"viikonloppua",
            ),
            "next_week": (
                r"ensi\s+viiko(?:lla|lle|n\s+aikana|n\s+loppuun|n\s+lopussa)",
                r"ensi\s+viikkoon",
            ),
            "in_n": (
                r"(?:<NUM>\s+)?(?P<unit>päivän|viikon|kuukauden)\s+(?:päästä|kuluttua|kuluessa|sisällä|sisään)",
                r"<NUM>\s+(?P<unit>päivässä|viikossa|kuukaudessa)",
            ),
            "month_end": (
                r"(?:tämän\s+)?(?:kuun|kuukauden)\s+(?:loppuun|lopussa|loppua|vaihteeseen|vaihteessa|vaihdetta)",
                r"kuunvaihteeseen",
                r"kuunvaihteessa",
                r"kuunvaihdetta",
            ),
            "next_month_end": (
                r"ensi\s+(?:kuun|kuukauden)\s+(?:loppuun|lopussa|loppua|vaihteeseen|vaihteessa)",
            ),
            "named_month_end": (r"<MONTH>\s+(?:loppuun|lopussa|loppua)",),
            "year_end": (
                r"(?:tämän\s+)?vuoden\s+(?:loppuun|lopussa|loppua)",
                r"vuodenvaihteeseen",
                r"vuodenvaihteessa",
                r"vuodenvaihdetta",
            ),
            "day_month": (
                r"(?P<day>\d{1,2})\.\s*(?:päivä\w*\s+)?<MONTH>(?:\s+(?P<year>\d{4}))?",
                r"<MONTH>\s+(?P<day>\d{1,2})\.(?:\s*päivä\w*)?",
            ),
            "day_only": (r"(?:kuun\s+)?(?P<day>\d{1,2})\.\s*päivä\w*",),
            "week_number": (
                r"(?:viikko|viikolla|viikkoon|viikon|viikoksi|vko|vk)\.?\s*(?P<week>\d{1,2})",
                r"(?P<week>\d{1,2})\.\s*(?:viikolla|viikolle|viikon|viikkoon)",
            ),
            "vague": (
                r"mahdollisimman\s+pian",
                r"heti\s+kun\s+mahdollista",
                r"piakkoin",
                r"pian",
                r"asap",
                r"lähiaikoina",
            ),
        }
    ),
)

VOCABULARIES: Final[MappingProxyType[str, Vocabulary]] = MappingProxyType(
    {"en": _EN, "da": _DA, "sv": _SV, "no": _NO, "nb": _NO, "nn": _NO, "fi": _FI}
)

__all__ = ["VOCABULARIES", "Vocabulary"]
