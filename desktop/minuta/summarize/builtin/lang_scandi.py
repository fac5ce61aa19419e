"""Danish, Swedish and Norwegian cues for the built-in summariser.

The three languages put the verb second: "Så sender jeg", "Det skickar jag",
"Resten tar jeg". The commitment rules therefore look on both sides of the
pronoun (see :mod:`minuta.summarize.builtin.clauses`); here are only the words.
"""

from __future__ import annotations

from minuta.summarize.builtin.lexicon import Lexicon, phrases, word_set

DANISH = Lexicon(
    code="da",
    me=word_set("jeg"),
    you=word_set("du"),
    modals=word_set("kan skal vil"),
    commit_verbs=word_set(
        "sender skriver ringer booker bestiller tager tjekker undersøger kigger laver finder "
        "ordner klarer gør sørger følger vender rykker mailer inviterer sætter forbereder "
        "opdaterer arrangerer deler henter afklarer spørger kontakter tilføjer retter fikser "
        "beder samler indkalder planlægger melder giver noterer tester sikrer leverer "
        "præsenterer skaffer booker"
    ),
    non_action=word_set(
        "være have se sige fortælle love forestille forstå huske lide leve vente tro mene tænke "
        "ikke"
    ),
    adverbs=word_set(
        "godt lige også bare hurtigt gerne selv så altid straks jo nu først sagtens helt"
    ),
    negations=word_set("ikke aldrig ingen intet ej"),
    hedges=word_set("måske nok muligvis eventuelt vist formentlig kunne ville skulle"),
    subordinators=word_set("hvis når at fordi om selvom mens da"),
    interjections=word_set(
        "okay ok ja jo jep fint godt super perfekt fedt øh øhm hmm altså jamen nå tak klart "
        "selvfølgelig absolut præcis"
    ),
    connectors=word_set("og så men også nu"),
    yes_words=word_set(
        "ja jo jep jamen selvfølgelig klart absolut okay ok fint gerne sagtens enig super perfekt"
    ),
    no_words=word_set("nej desværre ikke"),
    request_modals=word_set("kan kunne vil gider"),
    desire=phrases(r"vil\s+(?:\w+\s+)?gerne", r"har\s+lyst", r"ønsker"),
    offer=phrases(r"skal\s+jeg"),
    info_request=phrases(
        r"fortæl\w*",
        r"beskriv\w*",
        r"forklar\w*",
        r"sige\s+(?:lidt|noget)\s+om",
        r"give\s+et\s+eksempel",
        r"høre\s+mig",
        r"præsentere\s+dig",
        r"vil\s+du\s+(?:ikke\s+)?have",
    ),
    decision=phrases(
        r"lad\s+os\s+(?:beslutte|aftale|sige|vælge)",
        r"vi\s+(?:har\s+)?(?:besluttet|beslutter|aftalt|aftaler|vedtaget)",
        r"det\s+er\s+(?:besluttet|aftalt)",
        r"beslutningen\s+er",
        r"det\s+gør\s+vi",
        r"så\s+gør\s+vi\s+det",
        r"vi\s+kører\s+med",
        r"går\s+videre\s+med",
        r"gå\s+videre\s+(?:med|til)",
        r"uden\s+for\s+scope",
        r"kan\s+jeg\s+(?:godt\s+)?sige,?\s+at",
    ),
    risk=phrases(
        r"risiko(?:en|er|erne)?",
        r"risikabel\w*",
        r"bekymr\w*",
        r"forsink\w*",
        r"problem\w*",
        r"venter\s+(?:\w+\s+)?(?:stadig\s+)?på",
        r"mangler\s+stadig",
        r"afhæng\w*\s+af",
        r"langsom\w*",
        r"stramt",
        r"trække\s+ud",
        r"uden\s+det",
        r"ellers\s+bliver\s+det",
        r"konkurrent\w*",
        r"(?:en\s+)?anden\s+leverandør",
        r"andre\s+(?:leverandører|kandidater)",
        r"for\s+(?:dyrt|dyr|høj|langsom|sent)",
        r"høje\s+ende",
        r"over\s+(?:budget|budgettet|rammen)",
        r"to\s+gange",
        r"overskrid\w*",
        r"forlænges\s+automatisk",
    ),
    risk_negated=phrases(r"ikke\s+nok", r"rækker\s+ikke", r"når\s+det\s+ikke"),
    notice_period=phrases(r"opsigelse\w*"),
    long_duration=phrases(r"(?:to|tre|fire|fem|seks|[2-9])\s+måneder", r"(?:et|to|tre|[1-9])\s+år"),
    budget=phrases(r"budget\w*"),
    competitor=phrases(r"konkurrent\w*", r"anden\s+leverandør", r"andre\s+leverandører"),
    decision_maker=phrases(
        r"økonomichef\w*",
        r"adm\.?\s+direktør",
        r"direktør\w*",
        r"bestyrelse\w*",
        r"indkøbschef\w*",
        r"CFO",
        r"CEO",
    ),
    timeline=phrases(r"go-?live", r"gå\s+live", r"idriftsætt\w*", r"lancering\w*", r"deadline"),
    requirement=phrases(r"skal\s+kunne", r"krav\w*", r"et\s+must", r"must-?have"),
    plan=phrases(
        r"(?:vi\s+)?regner\s+(?:vi\s+)?med",
        r"planen\s+er",
        r"målet\s+er",
        r"(?:vi\s+)?sigter\s+(?:vi\s+)?(?:mod|efter|på)",
        r"(?:vi\s+)?forventer\s+(?:vi\s+)?at",
        r"(?:vi\s+)?planlægger\s+(?:vi\s+)?at",
    ),
    next_step=phrases(
        r"næste\s+skridt",
        r"opfølg\w*",
        r"lad\s+os\s+(?:booke|sætte|aftale\s+et|holde|mødes|tage)",
        r"vi\s+(?:sender|booker|holder|mødes|ses)",
    ),
    meeting_words=phrases(
        r"møde\w*",
        r"samtale\w*",
        r"demo\w*",
        r"status\w*",
        r"workshop\w*",
        r"opkald",
        r"præsentation\w*",
        r"gennemgang\w*",
    ),
    recurring=phrases(r"samme\s+tid", r"som\s+sædvanlig", r"hver\s+uge", r"ugentlig\w*"),
    when_question=phrases(r"hvornår", r"hvilken\s+dato"),
    deadline_cues=phrases(r"inden", r"senest", r"før", r"inden\s+for"),
)

SWEDISH = Lexicon(
    code="sv",
    me=word_set("jag"),
    you=word_set("du ni"),
    modals=word_set("kan ska skall kommer"),
    commit_verbs=word_set(
        "skickar ringer bokar kollar mejlar mailar fixar tar gör ordnar återkommer kontaktar "
        "skriver uppdaterar förbereder bjuder sätter följer tittar undersöker stämmer hinner "
        "lägger delar skapar sammanställer löser pratar hör meddelar påminner testar levererar "
        "presenterar hämtar frågar"
    ),
    non_action=word_set(
        "vara ha se säga berätta lova tänka förstå minnas tro tycka vänta leva inte"
    ),
    adverbs=word_set(
        "också även gärna bara snabbt själv väl ju direkt först då att absolut såklart"
    ),
    negations=word_set("inte aldrig ingen inget inga ej"),
    hedges=word_set("kanske nog möjligen eventuellt troligen antagligen skulle kunde"),
    subordinators=word_set("om när att eftersom fast medan ifall"),
    interjections=word_set(
        "okej ok okay ja jo japp precis bra perfekt toppen absolut visst självklart gärna eh "
        "hmm alltså jaha tack jättebra"
    ),
    connectors=word_set("och så men då sen också nu"),
    yes_words=word_set(
        "ja jo japp absolut visst självklart gärna okej ok okay toppen perfekt klart"
    ),
    no_words=word_set("nej tyvärr inte"),
    request_modals=word_set("kan kunde skulle orkar hinner vill"),
    desire=phrases(r"vill", r"skulle\s+vilja", r"har\s+lust"),
    offer=phrases(r"ska\s+jag", r"skall\s+jag"),
    info_request=phrases(
        r"berätta\w*",
        r"beskriv\w*",
        r"förklara\w*",
        r"säga\s+(?:lite|något|nåt)\s+om",
        r"ge\s+ett\s+exempel",
        r"höra\s+mig",
        r"presentera\s+dig",
        r"vill\s+(?:du|ni)\s+ha",
    ),
    decision=phrases(
        r"då\s+bestämmer\s+vi",
        r"vi\s+(?:har\s+)?(?:bestämt|bestämmer|beslutat|beslutar|kommit\s+överens)",
        r"det\s+är\s+(?:bestämt|beslutat)",
        r"beslutet\s+är",
        r"då\s+kör\s+vi",
        r"det\s+gör\s+vi",
        r"gå\s+vidare\s+med",
        r"går\s+vidare\s+med",
        r"utanför\s+scope",
        r"jag\s+kan\s+säga\s+att",
    ),
    risk=phrases(
        r"risk(?:en|er|erna|erar|abel|abelt|fyllt)?",
        r"oro",
        r"orolig\w*",
        r"oroar",
        r"försen\w*",
        r"problem\w*",
        r"väntar\s+(?:\w+\s+)?(?:fortfarande\s+)?på",
        r"beror\s+(?:\w+\s+)?på",
        r"beroende\s+av",
        r"långsam\w*",
        r"tajt",
        r"snävt",
        r"dra\s+ut\s+på\s+tiden",
        r"utan\s+det",
        r"annars\s+blir\s+det",
        r"konkurrent\w*",
        r"(?:en\s+)?annan\s+leverantör",
        r"andra\s+(?:leverantörer|kandidater)",
        r"kandidater\s+till",
        r"för\s+(?:dyrt|dyr|hög|högt|långsam|sent)",
        r"över\s+(?:budget|budgeten|ramen)",
        r"två\s+gånger",
        r"överskrid\w*",
        r"förlängs\s+automatiskt",
    ),
    risk_negated=phrases(r"räcker\s+inte", r"inte\s+tillräck\w*", r"hinner\s+inte"),
    notice_period=phrases(r"uppsägning\w*"),
    long_duration=phrases(
        r"(?:två|tre|fyra|fem|sex|[2-9])\s+månader", r"(?:ett|två|tre|[1-9])\s+år"
    ),
    budget=phrases(r"budget\w*"),
    competitor=phrases(r"konkurrent\w*", r"annan\s+leverantör", r"andra\s+leverantörer"),
    decision_maker=phrases(
        r"ekonomichef\w*", r"vd:n", r"vd", r"styrelse\w*", r"inköpschef\w*", r"CFO", r"CEO"
    ),
    timeline=phrases(r"go-?live", r"driftstart\w*", r"lansering\w*", r"deadline", r"utrullning"),
    requirement=phrases(r"måste\s+(?:funka|fungera)", r"krav\w*", r"ett\s+måste", r"måste\s+ha"),
    plan=phrases(
        r"(?:vi\s+)?räknar\s+(?:vi\s+)?med",
        r"planen\s+är",
        r"målet\s+är",
        r"(?:vi\s+)?siktar\s+(?:vi\s+)?(?:mot|på)",
        r"(?:vi\s+)?planerar\s+(?:vi\s+)?att",
    ),
    next_step=phrases(
        r"nästa\s+steg",
        r"uppföljning\w*",
        r"låt\s+oss\s+(?:boka|sätta|ta|träffas)",
        r"vi\s+(?:bokar|skickar|ses|träffas)",
    ),
    meeting_words=phrases(
        r"möte\w*",
        r"samtal\w*",
        r"demo\w*",
        r"workshop\w*",
        r"avstämning\w*",
        r"genomgång\w*",
        r"presentation\w*",
        r"intervju\w*",
    ),
    recurring=phrases(r"samma\s+tid", r"som\s+vanligt", r"varje\s+vecka", r"veckovis\w*"),
    when_question=phrases(r"när", r"vilket\s+datum"),
    deadline_cues=phrases(r"senast", r"före", r"innan", r"till", r"inom"),
)

NORWEGIAN = Lexicon(
    code="no",
    me=word_set("jeg eg"),
    you=word_set("du dere"),
    modals=word_set("kan skal vil"),
    commit_verbs=word_set(
        "sender skriver ringer booker bestiller tar sjekker undersøker lager finner ordner "
        "fikser gjør sørger følger mailer inviterer setter forbereder oppdaterer arrangerer "
        "deler henter avklarer spør kontakter legger tester leverer presenterer skaffer melder "
        "purrer"
    ),
    non_action=word_set(
        "være ha se si fortelle love tenke forstå huske tro mene vente leve like ikke"
    ),
    adverbs=word_set("gjerne også bare fort selv jo nå først straks godt altså"),
    negations=word_set("ikke ikkje aldri ingen ingenting"),
    hedges=word_set("kanskje muligens nok eventuelt antakelig sannsynligvis kunne ville skulle"),
    subordinators=word_set("hvis viss om når at fordi mens dersom"),
    interjections=word_set(
        "ok okei okay ja jo jepp greit fint supert perfekt flott eh hmm altså takk klart absolutt"
    ),
    connectors=word_set("og så men også nå"),
    yes_words=word_set(
        "ja jo jepp absolutt selvsagt selvfølgelig greit ok okei okay fint gjerne klart"
    ),
    no_words=word_set("nei dessverre ikke"),
    request_modals=word_set("kan kunne vil gidder rekker"),
    desire=phrases(r"vil\s+(?:\w+\s+)?gjerne", r"har\s+lyst", r"ønsker"),
    offer=phrases(r"skal\s+(?:jeg|eg)"),
    info_request=phrases(
        r"fortell\w*",
        r"beskriv\w*",
        r"forklar\w*",
        r"si\s+(?:litt|noe)\s+om",
        r"gi\s+et\s+eksempel",
        r"høre\s+meg",
        r"presentere\s+deg",
        r"vil\s+(?:du|dere)\s+ha",
    ),
    decision=phrases(
        r"la\s+oss\s+(?:bestemme|avtale|si|gå\s+for)",
        r"vi\s+(?:har\s+)?(?:bestemt|besluttet|bestemmer|avtalt|blitt\s+enige|vedtatt)",
        r"det\s+er\s+(?:bestemt|avtalt|besluttet)",
        r"beslutningen\s+er",
        r"det\s+gjør\s+vi",
        r"så\s+gjør\s+vi\s+det",
        r"da\s+kjører\s+vi",
        r"vi\s+går\s+for",
        r"gå\s+videre\s+med",
        r"går\s+videre\s+med",
        r"utenfor\s+scope",
        r"jeg\s+kan\s+si\s+at",
    ),
    risk=phrases(
        r"risiko(?:en|er|ene)?",
        r"bekymr\w*",
        r"forsink\w*",
        r"problem\w*",
        r"venter\s+(?:\w+\s+)?(?:fortsatt\s+)?på",
        r"avheng\w*\s+av",
        r"treg\w*",
        r"stramt",
        r"trekke\s+ut",
        r"uten\s+det",
        r"ellers\s+blir\s+det",
        r"konkurrent\w*",
        r"(?:en\s+)?annen\s+leverandør",
        r"andre\s+(?:leverandører|kandidater)",
        r"for\s+(?:dyrt|dyr|høy|treg|sent)",
        r"høye\s+siden",
        r"over\s+(?:budsjett|budsjettet|rammen)",
        r"to\s+ganger",
        r"overskrid\w*",
        r"fornyes\s+automatisk",
    ),
    risk_negated=phrases(r"ikke\s+nok", r"rekker\s+ikke", r"holder\s+ikke"),
    notice_period=phrases(r"oppsigelse\w*"),
    long_duration=phrases(
        r"(?:to|tre|fire|fem|seks|[2-9])\s+måneder", r"(?:ett|et|to|tre|[1-9])\s+år"
    ),
    budget=phrases(r"budsjett\w*", r"budget\w*"),
    competitor=phrases(r"konkurrent\w*", r"annen\s+leverandør", r"andre\s+leverandører"),
    decision_maker=phrases(
        r"økonomisjef\w*",
        r"daglig\s+leder",
        r"direktør\w*",
        r"styret",
        r"innkjøpssjef\w*",
        r"CFO",
        r"CEO",
    ),
    timeline=phrases(r"go-?live", r"gå\s+live", r"lansering\w*", r"oppstart\w*", r"frist\w*"),
    requirement=phrases(r"krav\w*", r"må\s+ha", r"et\s+must", r"må\s+fungere"),
    plan=phrases(
        r"(?:vi\s+)?regner\s+(?:vi\s+)?med",
        r"planen\s+er",
        r"målet\s+er",
        r"(?:vi\s+)?sikter\s+(?:vi\s+)?(?:mot|på)",
        r"(?:vi\s+)?planlegger\s+(?:vi\s+)?å",
    ),
    next_step=phrases(
        r"neste\s+steg",
        r"oppfølging\w*",
        r"la\s+oss\s+(?:booke|sette|ta|møtes)",
        r"vi\s+(?:sender|booker|møtes|ses)",
    ),
    meeting_words=phrases(
        r"møte\w*",
        r"samtale\w*",
        r"demo\w*",
        r"workshop\w*",
        r"status\w*",
        r"gjennomgang\w*",
        r"presentasjon\w*",
        r"intervju\w*",
    ),
    recurring=phrases(r"samme\s+tid", r"som\s+vanlig", r"hver\s+uke", r"ukentlig\w*"),
    when_question=phrases(r"når", r"hvilken\s+dato"),
    deadline_cues=phrases(r"innen", r"senest", r"før"),
)
