"""Finnish cues for the built-in summariser.

Finnish marks the person on the verb and often drops the pronoun: "(mä)
lähetän ne huomenna", "Joo, teen." A first person singular present verb ends
in a vowel and -n ("lähetän", "teen", "hoidan"); the past and the conditional
end in -in ("lähetin", "tekisin"), which is what ``present_1sg`` tells apart.
Requests are one word ("voitko", "ehditkö") or "sä teet … ?". Spoken forms
("mä", "sä", "oon", "voiksä") are listed next to the written ones.
"""

from __future__ import annotations

import re

from minuta.summarize.builtin.lexicon import Lexicon, phrases, word_set

FINNISH = Lexicon(
    code="fi",
    me=word_set("mä minä mää mie"),
    you=word_set("sä sinä sää sie te"),
    modals=word_set("voin aion ehdin pystyn lupaan yritän"),
    commit_verbs=word_set(
        "teen lähetän hoidan soitan laitan pyydän päivitän tarkistan katson varaan kysyn "
        "selvitän valmistelen toimitan korjaan kirjoitan otan järjestän tuon välitän jaan "
        "buukkaan sovin muistutan ilmoitan lisään testaan hankin kokoan tilaan luon "
        "tsekkaan palaan"
    ),
    non_action=word_set(
        "oon olen tiedän luulen ajattelen tykkään haluan veikkaan tarvitsen toivon uskon "
        "odotan pelkään tunnen näen kuulen ymmärrän muistan asun en sanon olla sanoa kertoa "
        "luvata ajatella ymmärtää muistaa odottaa nähdä kuulla"
    ),
    adverbs=word_set("myös vielä kyllä sitten heti nyt ihan vaan jo siis itse sit tosiaan"),
    negations=word_set("en et ei emme ette eivät älä"),
    hedges=word_set(
        "ehkä varmaan kai ehkäpä mahdollisesti luultavasti voisin voisi voisko pitäiskö pitäisikö"
    ),
    subordinators=word_set("jos kun että koska vaikka kuin jotta mikäli ennen"),
    interjections=word_set(
        "joo juu jo kyllä okei ok okay selvä hyvä kiitos no niin aivan just hmm öö tota siis "
        "sopii hienoa mahtavaa kiva totta"
    ),
    connectors=word_set("ja sitten sit mutta mut eli niin sekä myös"),
    yes_words=word_set(
        "joo juu kyllä okei ok selvä sopii totta tietysti toki ilman käy teen hoidan"
    ),
    no_words=word_set("ei en valitettavasti"),
    request_modals=frozenset(),
    request_verbs=word_set(
        "voitko voisitko voisitsä voitsä voiksä voisiksä ehditkö ehtisitkö pystytkö "
        "pystyisitkö jaksatko viitsisitkö hoidatko teetkö lähetätkö laitatko otatko "
        "tarkistatko katsotko soitatko selvitätkö päivitätkö varaatko kysytkö valmisteletko "
        "toimitatko"
    ),
    drops_pronoun=True,
    present_1sg=re.compile(r"\w*[aeouyäö]n", re.IGNORECASE),
    present_2sg=re.compile(r"\w*[aeiouyäö]t", re.IGNORECASE),
    desire=phrases(r"haluaisin", r"haluan", r"toivoisin"),
    offer=phrases(
        r"lähetänkö",
        r"teenkö",
        r"laitanko",
        r"hoidanko",
        r"soitanko",
        r"varaanko",
        r"katsonko",
        r"tarkistanko",
        r"otanko",
        r"kysynkö",
    ),
    info_request=phrases(
        r"kerro\w*",
        r"kerto\w*",
        r"kuvaile\w*",
        r"selit\w*",
        r"sano\w*",
        r"kuuluuko",
        r"kuuletko",
    ),
    decision=phrases(
        r"sovitaan",
        r"päätetään",
        r"(?:on|ollaan|olemme|oomme)\s+(?:nyt\s+)?(?:sovittu|päätetty|sopineet|päättäneet)",
        r"päätös\s+on",
        r"niin\s+tehdään",
        r"tehdään\s+niin",
        r"jatkoon",
        r"mennään\s+(?:tällä|sillä|näin)",
        r"voin\s+sanoa,?\s+että",
    ),
    risk=phrases(
        r"riski(?:t|ä|n|en|ssä|stä|nä|ksi)?",
        r"huol\w*",
        r"huolestu\w*",
        r"viivästy\w*",
        r"myöhässä",
        r"myöhästy\w*",
        r"ongelm\w*",
        r"odotetaan",
        r"odotamme",
        r"odotellaan",
        r"riippuu",
        r"hidas",
        r"hitaa\w*",
        r"tiukka",
        r"tiukalla",
        r"venyy",
        r"venyä",
        r"ilman\s+sitä",
        r"muuten\s+ei",
        r"kilpailij\w*",
        r"toinen\s+toimittaja",
        r"muita\s+(?:hakijoita|ehdokkaita|toimittajia)",
        r"liian\s+(?:kallis|korkea|hidas|myöhään)",
        r"liikaa",
        r"yli\s+(?:meidän\s+)?(?:haarukan|budjetin)",
        r"ylittyy",
        r"ylitys",
        r"väärin",
        r"kahdesti",
        r"kaksi\s+kertaa",
        r"jumissa",
        r"jatkuu\s+automaattisesti",
    ),
    risk_negated=phrases(r"ei\s+riitä", r"ei\s+ehdi", r"ei\s+skaalaudu"),
    notice_period=phrases(r"irtisanomisai\w*"),
    long_duration=phrases(
        r"(?:kaksi|kolme|neljä|viisi|kuusi|kahden|kolmen|[2-9])\s+kuukau\w*",
        r"(?:vuosi|vuoden|kaksi\s+vuotta)",
    ),
    budget=phrases(r"budjet\w*"),
    competitor=phrases(r"kilpailij\w*", r"toinen\s+toimittaja", r"muita\s+toimittajia"),
    decision_maker=phrases(
        r"toimitusjohtaja\w*",
        r"talousjohtaja\w*",
        r"hallitu\w*",
        r"johtoryhmä\w*",
        r"CFO",
        r"CEO",
    ),
    timeline=phrases(r"käyttöönot\w*", r"go-?live", r"lanseeraus\w*", r"takaraja\w*", r"deadline"),
    requirement=phrases(r"vaatimu\w*", r"pakko", r"täytyy\s+toimia", r"must"),
    plan=phrases(
        r"tavoite\s+on",
        r"tavoitteena\s+on",
        r"suunnitelma\s+on",
        r"tarkoitus\s+on",
        r"pyritään",
    ),
    next_step=phrases(
        r"seuraava\s+(?:askel|vaihe)",
        r"jatkotoimenpi\w*",
        r"pidetään\w*",
        r"sovitaan\s+(?:palaveri|tapaaminen)",
        r"(?:laitan|lähetän)\s+kutsun",
    ),
    meeting_words=phrases(
        r"palaveri\w*",
        r"tapaami\w*",
        r"kokou\w*",
        r"haastattelu\w*",
        r"demo\w*",
        r"esity\w*",
        r"puhelu\w*",
        r"workshop\w*",
        r"katselmo\w*",
    ),
    recurring=phrases(
        r"samaan\s+aikaan", r"joka\s+viikko", r"viikoittai\w*", r"tavalliseen\s+tapaan"
    ),
    when_question=phrases(r"milloin", r"mihin\s+mennessä"),
    deadline_cues=phrases(r"mennessä", r"ennen", r"viimeistään", r"sisällä"),
)
