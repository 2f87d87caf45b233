"""Restrictions in their many wordings: each small bylaw is checked with the words that take
the grant back and without them (or with a harmless variant), so each case can fail both ways.
"""

from __future__ import annotations

import pytest

from .small_bylaws import wmo

ADVICE = (
    "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over "
    "beleidsvoorstellen, tijdig voordat het college besluit.\n"
)
ASKED = "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over beleid.\n"
MEETINGS = "Artikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de adviesraad.\n"
AGENDA = (
    MEETINGS
    + "2. De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden; deze worden geagendeerd.\n"
)
INFORMATION = "Artikel 6 Informatie\n1. Het college verstrekt de adviesraad tijdig en ongevraagd {}.\n"
SUPPORT = "Artikel 7 Ondersteuning\n1. Het college stelt jaarlijks een budget beschikbaar{}.\n"
PROPOSALS = "Artikel 4 Voorstellen\n1. De adviesraad kan voorstellen doen voor het beleid{}.\n"

CASES = [
    # element, bylaw with {} for the words, the words that take it back, the words that do not
    (
        "advice",
        ADVICE + "\nArtikel 9 Uitzonderingen\nHet college kan bij de voorbereiding van een besluit de "
        "adviesprocedure achterwege laten {}.\n",
        "als het dat in het belang van de gemeente acht",
        "als een wettelijk voorschrift zich tegen advisering verzet",
    ),
    (
        "advice",
        ADVICE + "2. Het college vraagt advies over beleidsvoorstellen die {}.\n",
        "het daarvoor geschikt acht",
        "de gemeenteraad vaststelt",
    ),
    (
        "advice",
        ADVICE + "2. Het college kan hiervan afwijken {}.\n",
        "wanneer het dat noodzakelijk vindt",
        "bij spoed",
    ),
    (
        "advice",
        "Artikel 3 Advies\n1. Het college stelt de adviesraad in de gelegenheid tijdig advies uit te brengen "
        "over ontwerpverordeningen{}.\n2. De adviesraad kan ook ongevraagd adviseren.\n",
        ", voor zover het college dat zinvol vindt",
        "",
    ),
    ("advice", ASKED + "2. Het college vraagt het advies {}tijdig.\n", "in de regel ", ""),
    ("advice", ASKED + "2. Het college {} het advies tijdig te vragen.\n", "streeft ernaar", "zorgt ervoor"),
    (
        "periodic_consultation",
        MEETINGS + "2. Een overleg kan door de wethouder worden {}.\n",
        "afgezegd als er geen agendapunten zijn",
        "verplaatst naar een andere dag in dezelfde maand",
    ),
    (
        "periodic_consultation",
        MEETINGS + "2. Het college kan het aantal overleggen {}.\n",
        "aanpassen",
        "uitbreiden",
    ),
    (  # a passive without an agent: whoever may do it, the frequency is not fixed
        "periodic_consultation",
        MEETINGS + "2. Het aantal overleggen kan worden {}.\n",
        "verminderd",
        "vermeerderd",
    ),
    (
        "agenda",
        AGENDA + "3. Het recht om onderwerpen aan te melden kan worden {}.\n",
        "ingeperkt",
        "uitgeoefend door ieder lid",
    ),
    (
        "periodic_consultation",
        "Artikel 5 Overleg\n1. Het college voert overleg met de adviesraad. Het aantal "
        "overleggen per jaar {}.\n",
        "wordt door het college vastgesteld",
        "is vier",
    ),
    ("agenda", AGENDA + "3. De wethouder kan een aangemeld onderwerp {}.\n", "afwijzen", "toelichten"),
    (
        "agenda",
        MEETINGS + "2. De adviesraad kan agendapunten inbrengen{}.\n",
        ", mits deze passen binnen het jaarprogramma dat het college vaststelt",
        "",
    ),
    (
        "information",
        INFORMATION,
        "de informatie die het college voor de advisering nodig acht",
        "de informatie die de adviesraad voor de advisering nodig heeft",
    ),
    (
        "information",
        "Artikel 6 Informatie\n1. De adviesraad kan bij het college informatie opvragen. Het college "
        "verstrekt {} informatie tijdig.\n",
        "de gevraagde",
        "alle relevante",
    ),
    ("support", SUPPORT, ", waarvan de hoogte afhankelijk is van de financiële ruimte", " van € 5.000"),
    (
        "support",
        "Artikel 7 Ondersteuning\n1. De adviesraad kan een beroep doen op ambtelijke ondersteuning{}.\n",
        ", voor zover de capaciteit van de afdeling dat toelaat",
        "",
    ),
    ("policy_proposals", PROPOSALS, ", nadat het college daarmee heeft ingestemd", ""),
    (
        "advice",
        ADVICE + "2. Het college vraagt de adviesraad {} om advies.\n",
        "naar bevind van zaken",
        "ook",
    ),
    (
        "advice",
        ASKED + "2. Het college vraagt het advies{} tijdig voordat het besluit.\n",
        ", indien opportuun,",
        "",
    ),
    ("advice", ADVICE + "2. Adviezen over {} worden niet gevraagd.\n", "de begroting", "individuele zaken"),
    (
        "agenda",
        AGENDA + "3. De wethouder kan de behandeling van een aangemeld onderwerp {}.\n",
        "uitstellen",
        "inleiden",
    ),
    (
        "agenda",
        MEETINGS + "2. De adviesraad kan onderwerpen voor de agenda aanmelden. Over de {} van de onderwerpen "
        "beslist de wethouder.\n",
        "behandeling",
        "volgorde",
    ),
    (
        "support",
        SUPPORT.format(" van € 5.000") + "2. Het college kan het werkbudget {}.\n",
        "herzien",
        "verhogen",
    ),
    (
        "policy_proposals",
        PROPOSALS.format("") + "2. Voorstellen kunnen worden gedaan over onderwerpen die {}.\n",
        "het college in zijn jaarplanning heeft opgenomen",
        "de adviesraad zelf kiest",
    ),
    (
        "advice",
        ADVICE + "\nArtikel 14 Overgang\nTot 1 januari {} adviseert de adviesraad uitsluitend op verzoek.\n",
        "2028",
        "2020",
    ),
    (
        "agenda",
        MEETINGS + "2. De adviesraad kan onderwerpen voor de agenda aanmelden. Aangemelde onderwerpen worden "
        "geagendeerd{}.\n",
        " voor zover de tijd dat toelaat",
        "",
    ),
    (
        "agenda",
        MEETINGS + "2. De adviesraad kan onderwerpen voor de agenda aanmelden{}.\n",
        ", indien deze passen binnen de kaders die het college heeft gesteld",
        "",
    ),
    (
        "policy_proposals",
        PROPOSALS.format("") + "2. Het college kan besluiten een voorstel {} in behandeling te nemen.\n",
        "niet",
        "met voorrang",
    ),
    (
        "advice",
        ADVICE
        + "\nArtikel 12 Overgangsrecht\nTot en met 31 december {} vraagt het college slechts advies over "
        "ontwerpverordeningen.\n",
        "2031",
        "2019",
    ),
    (
        "support",
        "Artikel 7 Ondersteuning\n1. Het college stelt de adviesraad een werkbudget ter beschikking.\n2. Het "
        "werkbudget wordt jaarlijks door het college vastgesteld{}.\n",
        ", met inachtneming van de budgettaire ruimte",
        "",
    ),
    (
        "agenda",
        MEETINGS
        + "2. Onderwerpen die de adviesraad aanmeldt, worden {}op de agenda van het overleg geplaatst.\n",
        "in gezamenlijk overleg tussen wethouder en voorzitter ",
        "",
    ),
    (
        "policy_proposals",
        PROPOSALS,
        " over onderwerpen die op het werkprogramma van het college staan",
        " op het terrein van de wet",
    ),
    (  # a second sentence of the grant confines it to the counterpart's programme
        "policy_proposals",
        PROPOSALS,
        ". Een voorstel heeft betrekking op een onderwerp dat in het werkprogramma is opgenomen",
        ". Een voorstel heeft betrekking op het beleid in het sociaal domein",
    ),
    (  # a later lid frees the college from consulting the body, naming no word of advice
        "advice",
        ADVICE + "2. Het college is niet verplicht {}.\n",
        "de adviesraad te horen over ontwerpverordeningen die uitsluitend een wetswijziging volgen",
        "het advies van de adviesraad te volgen",
    ),
    (  # a definition that leaves the term to the counterpart, naming the body before the college:
        # the term is no name of the body ("initiatiefvoorstel: een voorstel van de adviesraad")
        "policy_proposals",
        "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder initiatiefvoorstel: een "
        "voorstel van de adviesraad over een thema {}.\n\nArtikel 4 Voorstellen\nDe adviesraad kan "
        "het college initiatiefvoorstellen doen voor het beleid.\n",
        "waarvoor het college vooraf toestemming verleent",
        "uit het sociaal domein",
    ),
    (  # ... or a request on which the counterpart decides
        "agenda",
        "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder agendaverzoek: een verzoek "
        "van de adviesraad om een onderwerp op de agenda van het overleg te zetten{}.\n\n"
        + MEETINGS
        + "2. De adviesraad kan een agendaverzoek doen; het onderwerp wordt geagendeerd.\n",
        ", waarop de wethouder beslist",
        ", dat schriftelijk wordt ingediend",
    ),
    (  # a counterpart named with more words, who decides in a relative clause
        "policy_proposals",
        PROPOSALS.format("")
        + "2. Voorstellen worden ingediend bij de manager van het team Beleid, die {} het college.\n",
        "beoordeelt of zij worden doorgezonden aan",
        "ze binnen een week doorzendt aan",
    ),
    (  # someone who may stop the body's own initiative
        "advice",
        ADVICE + "2. Een ongevraagd advies wordt vooraf gemeld aan de wethouder, die het {}.\n",
        "kan tegenhouden",
        "ter kennis brengt van het college",
    ),
    (  # information given in time, but only when asked for, in a clause between commas
        "information",
        "Artikel 6 Inlichtingen\nDe wethouder geeft de adviesraad{} tijdig de inlichtingen die hij voor het "
        "overleg nodig heeft.\n",
        ", op zijn schriftelijk verzoek,",
        ", uit eigen beweging en op zijn verzoek,",
    ),
    (  # where denying support is harmless ("de leden ontvangen geen vergoeding"), the college's
        # discretion to deny it is not
        "support",
        SUPPORT.format("") + "2. De omvang van het budget wordt jaarlijks door het college bepaald{}.\n",
        "; het college kan besluiten in een jaar geen budget toe te kennen",
        "; de leden ontvangen geen vergoeding",
    ),
    (  # proposals confined to the counterpart's policy agenda, a word between
        "policy_proposals",
        PROPOSALS,
        " over onderwerpen die voorkomen op de jaarlijkse beleidsagenda van het college",
        " over onderwerpen die voorkomen in het sociaal domein",
    ),
    (  # the grant itself excepts cases after its words
        "policy_proposals",
        PROPOSALS,
        ", met uitzondering van voorstellen die de tarieven van aanbieders betreffen",
        ", met uitzondering van voorstellen over individuele cliënten",
    ),
    (  # an article pointing at the grant that does not reach some of its cases
        "advice",
        ADVICE + "\nArtikel 10 Reikwijdte\nArtikel 3 heeft geen betrekking op {}.\n",
        "de begroting en de jaarrekening",
        "besluiten in individuele gevallen",
    ),
]


@pytest.mark.parametrize(("element", "bylaw", "restricting", "harmless"), CASES)
def test_a_restriction_takes_the_grant_back(
    element: str, bylaw: str, restricting: str, harmless: str
) -> None:
    def status(words: str) -> str:
        return wmo(bylaw.format(words)).elements[element].status.value

    assert status(harmless) == "present"
    assert status(restricting) == "partial"


def test_the_hedge_of_a_counterpart_that_takes_a_request_up() -> None:
    said = (
        MEETINGS
        + "2. De adviesraad kan de wethouder verzoeken een onderwerp te agenderen. De wethouder {}.\n"
    )
    report = wmo(said.format("honoreert een verzoek indien mogelijk"))
    assert report.elements["agenda"].status == "partial"


def test_proposals_the_college_makes_to_the_body_are_not_the_bodys() -> None:
    said = "Artikel 4 Voorstellen\n1. Het college doet de adviesraad voorstellen over {}.\n"
    report = wmo(said.format("de werkwijze van het overleg"))
    assert report.elements["policy_proposals"].status == "missing"


def test_the_bodys_own_choice_not_to_advise_denies_nothing() -> None:
    said = ADVICE + "2. {} kan besluiten geen advies uit te brengen.\n"
    free = wmo(said.format("De adviesraad"))
    assert free.elements["advice"].status == "present"
    barred = wmo(said.format("Het college"))
    assert barred.elements["advice"].status == "partial"


def test_a_denial_to_a_part_of_the_body_leaves_its_own_right_whole() -> None:
    said = ADVICE + "2. {} brengt zelf geen advies uit aan het college.\n"
    for part in ("Een werkgroep", "Een delegatie"):
        assert wmo(said.format(part)).elements["advice"].status == "present", part
    assert wmo(said.format("De adviesraad")).elements["advice"].status == "partial"


def test_a_provision_about_the_explanatory_text_takes_nothing_back() -> None:
    said = (
        ADVICE
        + "2. {} in het eerste lid dient uitsluitend ter verduidelijking en bevat geen verplichtingen.\n"
    )
    assert wmo(said.format("De kolom 'Toelichting' in de tabel")).elements["advice"].status == "present"
    assert wmo(said.format("Het advies")).elements["advice"].status == "partial"


def test_a_secretary_by_whom_the_body_is_supported_is_concrete() -> None:
    said = "Artikel 7 Ondersteuning\n1. De adviesraad wordt ondersteund{}.\n"
    by = " door een secretaris die het college aanwijst"
    assert wmo(said.format(by)).elements["support"].status == "present"
    assert wmo(said.format("")).elements["support"].status == "partial"


def test_a_definition_article_of_one_sentence_narrows_the_term_it_defines() -> None:
    """'In deze verordening wordt verstaan onder werkbudget: het bedrag dat het college naar eigen
    inzicht toekent': the term after the opening words, as in a list of definitions."""
    support = "Artikel 7 Ondersteuning\nHet college stelt de adviesraad een werkbudget ter beschikking.\n"
    defined = (
        "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder werkbudget: het bedrag {}.\n"
    )
    left = wmo(defined.format("dat het college jaarlijks naar eigen inzicht toekent") + support)
    assert left.elements["support"].status == "partial"
    fixed = wmo(defined.format("van ten minste € 5.000 per jaar") + support)
    assert fixed.elements["support"].status == "present"


def test_a_definition_of_the_subjects_the_college_assigns_narrows_the_grant() -> None:
    defined = (
        "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\n"
        "a. adviesraad: de Wmo-adviesraad;\nb. beleidsterrein: de onderdelen van het Wmo-beleid {}.\n"
    )
    grant = (
        "Artikel 4 Voorstellen\n1. De adviesraad kan het college voorstellen doen voor het beleid op het "
        "beleidsterrein.\n"
    )
    assigned = wmo(defined.format("die het college jaarlijks aan de adviesraad opdraagt") + grant)
    assert assigned.elements["policy_proposals"].status == "partial"
    every = wmo(defined.format("die de maatschappelijke ondersteuning betreffen") + grant)
    assert every.elements["policy_proposals"].status == "present"


def test_support_through_a_subsidy_the_college_may_end_is_not_assured() -> None:
    support = (
        "Artikel 7 Ondersteuning\n1. De ondersteuning van de adviesraad wordt verzorgd door een stichting, "
        "die daarvoor jaarlijks subsidie van het college ontvangt.\n{}"
    )
    ended = wmo(support.format("2. Het college kan de subsidie lager vaststellen of beëindigen.\n"))
    assert ended.elements["support"].status == "partial"
    assert wmo(support.format("")).elements["support"].status == "present"


@pytest.mark.parametrize(
    "excepted",
    [
        "Onderwerpen die het college als politiek gevoelig aanmerkt, worden niet op de agenda van het "
        "overleg geplaatst.",
        "Het college plaatst onderwerpen die het als politiek gevoelig aanmerkt niet op de agenda van het "
        "overleg.",
    ],
)
def test_topics_the_college_keeps_off_the_agenda_restrict_the_agenda_right(excepted: str) -> None:
    exception = "Artikel 10 Uitzondering\n1. {}\n"
    assert wmo(AGENDA + exception.format(excepted)).elements["agenda"].status == "partial"
    harmless = excepted.replace("die het als politiek gevoelig aanmerkt", "over individuele cliënten")
    harmless = harmless.replace("die het college als politiek gevoelig aanmerkt", "over individuele cliënten")
    assert wmo(AGENDA + exception.format(harmless)).elements["agenda"].status == "present"


@pytest.mark.parametrize(
    ("text", "element", "expected"),
    [
        # a counterpart acting together with another of its side: nothing left to either
        (
            "Artikel 5 Overleg\nHet college voert samen met de directeur ten minste driemaal per jaar "
            "overleg met de adviesraad.\n",
            "periodic_consultation",
            "present",
        ),
        # ... but what the body puts forward and is placed only together with the counterpart waits on it
        (
            "Artikel 5 Overleg\n1. Het college voert ten minste viermaal per jaar overleg met de "
            "adviesraad.\n2. De adviesraad kan onderwerpen voor de agenda aanmelden. De onderwerpen worden "
            "samen met de wethouder op de agenda geplaatst.\n",
            "agenda",
            "partial",
        ),
    ],
)
def test_acting_together(text: str, element: str, expected: str) -> None:
    assert wmo(text).elements[element].status == expected
