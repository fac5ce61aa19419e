"""Common first names of the people Minuta's users meet, for spotting names before a CRM push.

A compact list, not a census: the most common given names in Denmark, Sweden,
Norway, Finland, Lithuania and English-speaking countries. Names that are
also everyday words somewhere ("Per", "Bo", "Liv", "Aino", "Mark", "Rasa") are
listed in :data:`COMMON_WORDS` as well: at the start of a sentence, where every
word is capitalised, they only count as a name when a surname follows.
:data:`NEEDS_SURNAME` holds those that are capitalised words even mid-sentence
("Christian", "Kent", "Siri"): they count only with a surname.

Finnish and Lithuanian inflect names ("Annalle", "Jono"); :func:`name_forms`
spells out the common forms so a lookup stays a dictionary hit.
"""

from __future__ import annotations

from collections.abc import Iterable


def _names(block: str) -> list[str]:
    return [name.lower() for name in block.split()]


DANISH = """
Anders Anne Anna Asger Bent Birgit Birgitte Birthe Bjarne Bo Bodil Camilla Carsten Charlotte
Christian Claus Clara Connie Dorte Ellen Emil Emma Esben Finn Flemming Frederik Freja Gitte
Grethe Hanne Hans Helle Henrik Ida Inge Inger Jakob Jan Jens Jesper Jette Johanne Jonas Jytte
Jørgen Karen Karina Kasper Kim Kirsten Kirstine Knud Kristian Kurt Lars Lasse Laura Lene Line
Lise Lone Louise Lucas Mads Magnus Maja Malene Marianne Martin Mathias Mette Michael Mikkel
Morten Nanna Niels Nikolaj Noah Ole Oliver Palle Per Peter Pia Poul Preben Rasmus Rikke Rune
Sanne Signe Simon Sofie Steen Susanne Svend Søren Thomas Tina Tobias Torben Trine Troels Ulla
Ulrik Vibeke Victor Villads William
"""

SWEDISH = """
Agneta Alice Alva Anders Anna Annika Astrid Axel Birgitta Björn Camilla Carina Cecilia Christina
Daniel Ebba Elias Elin Elisabeth Ella Elsa Emelie Emma Erik Eva Ewa Filip Fredrik Gunilla Gunnar
Gustav Göran Hanna Helena Henrik Hugo Håkan Inger Ingela Ingrid Jenny Joakim Johan Johanna Jonas
Josefin Jörgen Karin Karl Kent Kerstin Klara Kristina Lars Leif Lena Lennart Liam Linda Linnea
Lisa Lotta Louise Ludvig Magnus Maja Malin Maria Marie Markus Mats Mattias Mikael Mona Monica
Niklas Nils Olivia Olof Oscar Oskar Patrik Per Pernilla Peter Petra Saga Sanna Sara Sofia Stefan
Sten Stina Susanne Sven Therese Tomas Torbjörn Ulf Ulla Ulrika Viktor Wilma Ylva Åke Åsa
"""

NORWEGIAN = """
Aksel Andreas Anne Arne Asbjørn Audun Berit Bjørg Bjørn Eirik Eivind Emma Espen Even Frode Geir
Gro Gunn Guro Harald Hege Heidi Hilde Håkon Ida Inger Ingeborg Ingrid Ingvild Jan Jonas Jorunn
Jostein Kari Kjell Knut Kristin Kristoffer Lars Leif Liv Magnus Maja Marit Marte Martin Nora Odd
Olav Ole Per Randi Rune Sigurd Silje Sindre Siri Sofie Solveig Stian Ståle Svein Synnøve Terje
Thomas Tone Tor Torstein Tove Trond Vegard Øyvind
"""

FINNISH = """
Aino Aleksi Anna Anne Antti Anu Ari Eero Eetu Eija Elina Emilia Esa Hanna Hannu Harri Heikki Heli
Helena Henna Ilkka Jaana Jani Janne Jari Jarmo Johanna Joonas Jouni Juha Juho Jukka Jussi Kaisa
Kalle Kari Katja Kimmo Kirsi Laura Lauri Leena Liisa Marja Marjut Markku Marko Matti Merja Mervi
Mika Mikko Minna Niina Nina Olli Onni Otto Outi Pasi Paula Pekka Petri Petteri Pirjo Pirkko
Päivi Raija Riikka Riitta Ritva Sami Sanna Sari Satu Seppo Sirpa Suvi Taina Tapio Tarja Teemu
Timo Tiina Toni Tuija Tuomas Tuula Ulla Veera Ville
"""

LITHUANIAN = """
Agnė Aistė Algirdas Andrius Antanas Arnas Asta Aurimas Aušra Austėja Dalia Daiva Darius Domantas
Dovydas Eglė Emilija Gabija Gediminas Giedrė Giedrius Gintarė Goda Greta Ieva Ignas Indrė Inga
Irena Jolanta Jonas Jurgita Justinas Karolis Kęstutis Kristina Laura Lina Linas Lukas Mantas
Marius Matas Milda Mindaugas Monika Ona Paulius Petras Rasa Rimantas Rokas Rūta Saulius Simona
Skaistė Tadas Tomas Ugnė Urtė Viktorija Vilma Vytautas Živilė Žygimantas
"""

ENGLISH = """
Aaron Adam Alex Alexander Amanda Amy Andrew Andy Angela Anna Anthony Ashley Barbara Ben Benjamin
Betty Bill Brandon Brian Carol Charles Charlotte Chloe Chris Christopher Claire Cynthia Dan Daniel
David Deborah Dennis Donald Donna Edward Elizabeth Emily Emma Eric Frank Gary George Grace Gregory
Hannah Harry Helen Henry Jack Jacob James Jane Jason Jeffrey Jennifer Jenny Jerry Jessica Jim Joe
John Jonathan Joseph Joshua Julia Justin Karen Kate Kathleen Kelly Ken Kenneth Kevin Kimberly
Larry Laura Lauren Linda Lisa Lucy Mark Mary Matt Matthew Max Megan Melissa Michael Michelle Mike
Nancy Nathan Nicholas Nick Oliver Olivia Patricia Patrick Paul Peter Rachel Rebecca Richard Rob
Robert Ronald Ryan Sam Samuel Sandra Sarah Scott Sharon Sophia Sophie Stephanie Stephen Steve
Steven Sue Susan Thomas Tim Timothy Tom Tony Tyler Victoria Will William
"""

# Everyday words in one of the six languages, or capitalised anyway at the start of a sentence.
COMMON_WORDS = frozenset(
    _names(
        """
    aino aušra ben bent bill bo dalia even finn frank goda grace gro hans inga jack jan kari line
    linas liv lone mark matas matt max nick odd onni per rasa rob rokas rune saga sanna satu sten
    sue suvi tim tom tone tor will
    """
    )
)

# Capitalised mid-sentence too (a religion, a county, a voice assistant): need a surname.
NEEDS_SURNAME = frozenset(_names("christian kent siri"))

_LITHUANIAN_ENDINGS = {
    "as": ("o", "ui", "ą", "u", "e", "ai"),
    "is": ("io", "iui", "į", "iu", "yje", "i"),
    "us": ("aus", "ui", "ų", "umi"),
    "a": ("os", "ai", "ą", "oje"),
    "ė": ("ės", "ei", "ę", "e", "ėje"),
}
_FINNISH_ENDINGS = ("n", "lle", "lta", "lla", "sta", "ssa", "ksi", "a", "ä", "kin", "nkin")
# Finnish consonant gradation weakens a double stop before most endings: Antti -> Antin.
_GRADATION = (("kk", "k"), ("tt", "t"), ("pp", "p"))


def _finnish_forms(name: str) -> Iterable[str]:
    stems = {name}
    for strong, weak in _GRADATION:
        if strong in name[-4:]:
            cut = name.rindex(strong)
            stems.add(name[:cut] + weak + name[cut + len(strong) :])
    for stem in stems:
        for ending in _FINNISH_ENDINGS:
            yield stem + ending


def _lithuanian_forms(name: str) -> Iterable[str]:
    for nominative, endings in _LITHUANIAN_ENDINGS.items():
        if name.endswith(nominative):
            stem = name[: -len(nominative)]
            yield from (stem + ending for ending in endings)
            return


def name_forms() -> dict[str, str]:
    """Lower-case name or inflected form -> the name's lower-case base form."""
    forms: dict[str, str] = {}
    # Finnish and Lithuanian mark the genitive differently (and "Anus" is no name).
    for block in (DANISH, SWEDISH, NORWEGIAN, ENGLISH):
        for name in _names(block):
            if not name.endswith(("s", "x", "z")):
                forms.setdefault(name + "s", name)  # Nordic genitive: "Annas bil"
    for name in _names(FINNISH):
        for form in _finnish_forms(name):
            forms.setdefault(form, name)
    for name in _names(LITHUANIAN):
        for form in _lithuanian_forms(name):
            forms.setdefault(form, name)
    # Base forms last: a name always stands for itself ("Jonas", not "Jona" + s).
    for block in (DANISH, SWEDISH, NORWEGIAN, FINNISH, LITHUANIAN, ENGLISH):
        for name in _names(block):
            forms[name] = name
    return forms
