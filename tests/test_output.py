"""The text report and the JSON contract of a check, on reports built by hand.

The reports here are constructed, not produced by the checking engine: they fix what
``report_text`` shows and that ``Report.to_dict()`` matches ``docs/report.schema.json``.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from attrs import evolve

import verordening
from verordening.diagnostics import diagnostic as make_diagnostic
from verordening.findings import ELEMENTS, Citation, ElementResult, Finding, LegalBasis, Pipeline, Report
from verordening.model import Document
from verordening.output import WIDTH, outline_text, report_summary_line, report_text

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"
ESCAPE = "\x1b"

BYLAW = """\
Verordening cliëntenparticipatie sociaal domein Eikendonk 2016

De raad van de gemeente Eikendonk;

gelezen het voorstel van burgemeester en wethouders van 3 mei 2016;

gelet op artikel 47 van de Participatiewet en artikel 2.10 van de Jeugdwet;

besluit vast te stellen de volgende verordening:

Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder:
a. adviesraad: de Adviesraad Sociaal Domein, bedoeld in artikel 2;
b. college: het college van burgemeester en wethouders van Eikendonk.

Artikel 2 Instelling
Er is een Adviesraad Sociaal Domein.

Artikel 3 Voorstellen
De adviesraad kan het college uit eigen beweging voorstellen doen voor het beleid.

Artikel 4 Advies
1. Het college vraagt de adviesraad advies over ontwerpverordeningen en beleidsvoorstellen op de \
terreinen van de Participatiewet en de Jeugdwet, voordat het college daarover een besluit neemt.
2. De adviesraad brengt binnen zes weken advies uit.

Artikel 5 Overleg
1. Het college en de adviesraad voeren ten minste vier keer per jaar overleg.
2. De adviesraad kan onderwerpen voor de agenda van dat overleg aanmelden.

Artikel 6 Informatie
Het college verstrekt de adviesraad op verzoek de informatie die hij voor zijn taak nodig heeft.

Artikel 7 Inwerkingtreding
Deze verordening treedt in werking op 1 juli 2016.

Toelichting
Artikel 6
Het college ondersteunt de adviesraad met een secretaris.
"""

YOUTH_BYLAW = """\
Verordening jeugdhulp Eikendonk 2015

De raad van de gemeente Eikendonk;

gelet op artikel 2.9 en artikel 2.10 van de Jeugdwet;

besluit vast te stellen de volgende verordening:

Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder: jeugdige: een jeugdige als bedoeld in de Jeugdwet.

Artikel 2 Toegang tot jeugdhulp
Een jeugdige en zijn ouders kunnen bij het college een melding doen van een hulpvraag.
"""

NAMES = {
    "policy_proposals": "Voorstellen voor beleid",
    "advice": "Vroegtijdig gevraagd en ongevraagd advies",
    "support": "Ondersteuning",
    "periodic_consultation": "Periodiek overleg",
    "agenda": "Onderwerpen agenderen",
    "information": "Informatie",
}

PARTICIPATIEWET = {
    "advice": "Participatiewet, artikel 47, onderdeel a",
    "support": "Participatiewet, artikel 47, onderdeel b",
    "periodic_consultation": "Participatiewet, artikel 47, onderdeel c",
    "agenda": "Participatiewet, artikel 47, onderdeel d",
    "information": "Participatiewet, artikel 47, onderdeel e",
}
JEUGDWET = {
    "policy_proposals": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel a",
    "advice": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel b",
    "support": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel c",
    "periodic_consultation": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel d",
    "agenda": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel e",
    "information": "Jeugdwet, artikel 2.10, met Wmo 2015, artikel 2.1.3, derde lid, onderdeel f",
}
JCI = {
    "participatiewet": "jci1.3:c:BWBR0015703&artikel=47",
    "jeugdwet": "jci1.3:c:BWBR0034925&artikel=2.10",
}

SUGGESTIONS = {
    "advice": (
        "1. De adviesraad brengt het college gevraagd en ongevraagd advies uit over ontwerpverordeningen "
        "en beleidsvoorstellen.\n"
        "2. Het college vraagt het advies zo vroeg dat het van wezenlijke invloed kan zijn op het besluit."
    ),
    "support": "Het college geeft de adviesraad een ambtelijk secretaris en een jaarlijks budget.",
    "information": "Het college verstrekt de adviesraad uit eigen beweging en op verzoek tijdig informatie.",
}


def cite(document: Document, node_id: str) -> Citation:
    node = document.get(node_id)
    return Citation(node.citation, node.id, node.start, node.end, node.line, node.text)


def basis(document: Document, framework: str | None, statute: str, needle: str) -> LegalBasis:
    preamble = document.preamble
    assert preamble is not None
    start = document.source.index(needle)
    return LegalBasis(framework, statute, "preamble", needle, start, start + len(needle))


def finding(
    framework: str,
    element: str,
    status: str,
    citations: tuple[Citation, ...],
    reasons: tuple[str, ...] = (),
    message: str = "",
) -> Finding:
    warning = framework in ("jeugdwet", "wmo2007")
    statute = (PARTICIPATIEWET if framework == "participatiewet" else JEUGDWET)[element]
    return Finding(
        rule_id=f"{framework}.{element}",
        framework=framework,
        element=element,
        status=status,
        severity="warning" if warning else "error",
        reasons=reasons,
        citations=citations,
        statute=statute,
        juriconnect=JCI[framework],
        interpretation=framework == "jeugdwet",
        message=message or f"{NAMES[element]}: {status}.",
        suggestion=SUGGESTIONS.get(element, "") if status in ("partial", "missing") else "",
    )


def element(
    key: str,
    status: str,
    frameworks: tuple[str, ...],
    citations: tuple[Citation, ...] = (),
    reasons: tuple[str, ...] = (),
    message: str = "",
) -> ElementResult:
    statute = "; ".join((PARTICIPATIEWET if f == "participatiewet" else JEUGDWET)[key] for f in frameworks)
    return ElementResult(
        key=key,
        status=status,
        frameworks=frameworks,
        reasons=reasons,
        citations=citations,
        statute=statute,
        message=message,
        suggestion=SUGGESTIONS.get(key, "Een voorbeeldbepaling."),
    )


def not_applicable(key: str) -> ElementResult:
    return ElementResult(key, "not_applicable", (), (), (), "", "", "")


BUILTIN = Pipeline("builtin", "builtin", "0.1.0")


def all_present_report() -> Report:
    """A Participatiewet bylaw in which all five elements are present."""
    doc = verordening.parse(BYLAW)
    citations = {
        "advice": (cite(doc, "art4/lid1"), cite(doc, "art4/lid2")),
        "support": (cite(doc, "art2"),),
        "periodic_consultation": (cite(doc, "art5/lid1"),),
        "agenda": (cite(doc, "art5/lid2"),),
        "information": (cite(doc, "art6"),),
    }
    elements = {"policy_proposals": not_applicable("policy_proposals")}
    findings = []
    for key, cited in citations.items():
        elements[key] = element(key, "present", ("participatiewet",), cited, message="Geregeld.")
        findings.append(finding("participatiewet", key, "present", cited))
    return Report(
        file="eikendonk_2016.txt",
        verdict="participation_bylaw",
        frameworks=("participatiewet",),
        judged_under=("participatiewet",),
        legal_basis=(
            basis(
                doc,
                "participatiewet",
                "Participatiewet, artikel 47",
                "gelet op artikel 47 van de Participatiewet",
            ),
        ),
        pipeline=Pipeline("nl_core_news_md", "model", "3.8.0"),
        diagnostics=(),
        elements=elements,
        findings=tuple(findings),
        as_of="2026-11-22",
        document=doc,
    )


def mixed_report() -> Report:
    """Participatiewet and Jeugdwet: partial advice and information, missing support."""
    doc = verordening.parse(BYLAW)
    art3, art4, art5, art6 = (cite(doc, i) for i in ("art3", "art4/lid1", "art5/lid1", "art6"))
    advice_msg = (
        "Het college vraagt advies, maar de verordening regelt geen ongevraagd advies en zegt niet dat het "
        "advies vroegtijdig wordt gevraagd, op een moment dat het nog van wezenlijke invloed kan zijn."
    )
    info_msg = (
        "Informatie alleen op verzoek; naar onze uitleg hoort de adviesraad ook uit eigen beweging "
        "informatie te krijgen."
    )
    support_msg = "Geen bepaling over ondersteuning in de artikelen; de toelichting telt niet mee."
    both = ("participatiewet", "jeugdwet")
    elements = {
        "policy_proposals": element("policy_proposals", "present", ("jeugdwet",), (art3,)),
        "advice": element(
            "advice", "partial", both, (art4,), ("no_unrequested_advice", "not_early"), advice_msg
        ),
        "support": element("support", "missing", both, (), ("no_provision",), support_msg),
        "periodic_consultation": element("periodic_consultation", "present", both, (art5,)),
        "agenda": element("agenda", "present", both, (cite(doc, "art5/lid2"),)),
        "information": element("information", "partial", both, (art6,), ("on_request_only",), info_msg),
    }
    findings = [finding("jeugdwet", "policy_proposals", "present", (art3,))]
    for key, result in elements.items():
        if key == "policy_proposals":
            continue
        for framework in both:
            findings.append(
                finding(framework, key, result.status, result.citations, result.reasons, result.message)
            )
    diagnostic = make_diagnostic("S003", 10, 12, 3, kind="lid", number="3", expected="2")
    return Report(
        file="concept/eikendonk_2016.txt",
        verdict="participation_bylaw",
        frameworks=("jeugdwet", "participatiewet"),
        judged_under=("jeugdwet", "participatiewet"),
        legal_basis=(
            basis(doc, "participatiewet", "Participatiewet, artikel 47", "artikel 47 van de Participatiewet"),
            basis(doc, "jeugdwet", "Jeugdwet, artikel 2.10", "artikel 2.10 van de Jeugdwet"),
        ),
        pipeline=BUILTIN,
        diagnostics=(diagnostic,),
        elements=elements,
        findings=tuple(findings),
        as_of="2016-07-01",
        document=doc,
    )


def youth_report() -> Report:
    """A youth-care bylaw that cites Jeugdwet art. 2.10 but regulates no participation."""
    doc = verordening.parse(YOUTH_BYLAW)
    return Report(
        file="jeugdhulp.txt",
        verdict="not_participation_bylaw",
        frameworks=(),
        judged_under=(),
        legal_basis=(
            basis(doc, "jeugdwet", "Jeugdwet, artikel 2.10", "artikel 2.9 en artikel 2.10 van de Jeugdwet"),
        ),
        pipeline=BUILTIN,
        diagnostics=(),
        elements={key: not_applicable(key) for key in ELEMENTS},
        findings=(),
        as_of="2026-11-22",
        document=doc,
    )


def no_articles_report() -> Report:
    doc = verordening.parse(
        "Raadsvoorstel over de adviesraad.\nHet college stelt voor een adviesraad in te stellen.\n"
    )
    return Report(
        file=None,
        verdict="no_articles",
        frameworks=(),
        judged_under=(),
        legal_basis=(),
        pipeline=BUILTIN,
        diagnostics=doc.diagnostics,
        elements={key: not_applicable(key) for key in ELEMENTS},
        findings=(),
        as_of="2026-11-22",
        document=doc,
    )


REPORTS = {
    "all_present": all_present_report,
    "mixed": mixed_report,
    "youth": youth_report,
    "no_articles": no_articles_report,
}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# -- text report ---------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_plain_text_has_no_escape_codes(name: str) -> None:
    text = report_text(REPORTS[name]())
    assert ESCAPE not in text
    assert ESCAPE not in report_summary_line(REPORTS[name]())
    assert text.endswith("\n")


@pytest.mark.parametrize("name", REPORTS)
def test_lines_are_wrapped(name: str) -> None:
    for line in report_text(REPORTS[name]()).splitlines():
        assert len(line) <= WIDTH, line


def test_header_in_dutch() -> None:
    text = report_text(mixed_report())
    words = flat(text)
    assert "Bestand:         concept/eikendonk_2016.txt" in text
    assert "Oordeel:         verordening cliëntenparticipatie" in text
    assert "Getoetst aan:    Jeugdwet, Participatiewet" in text
    assert "Participatiewet, artikel 47 (aanhef): „artikel 47 van de Participatiewet”" in text
    assert "Jeugdwet, artikel 2.10 (aanhef)" in text
    assert "Peildatum:       1 juli 2016" in text
    assert (
        "ingebouwde Nederlandse taalregels (spaCy 0.1.0); een statistisch Nederlands taalmodel geeft "
        "betere resultaten" in words
    )


def test_model_pipeline_has_no_remark() -> None:
    text = flat(report_text(all_present_report()))
    assert "Taalverwerking: statistisch taalmodel nl_core_news_md 3.8.0" in text
    assert "betere resultaten" not in text


def test_all_present() -> None:
    report = all_present_report()
    text = report_text(report)
    assert text.count("AANWEZIG") == 5
    assert "GEDEELTELIJK" not in text
    assert "ONTBREEKT" not in text
    assert "Voorbeeldtekst" not in text  # no suggestion for a present element
    assert "Niet van toepassing op deze wetten: Voorstellen voor beleid." in text
    assert text.rstrip().endswith("5 van 5 elementen aanwezig")
    line = report.document.get("art4/lid1").line
    assert f"artikel 4, eerste lid (regel {line}): „1. Het college vraagt de adviesraad advies" in text
    # an article's heading is not repeated in the quote
    assert f"artikel 6 (regel {report.document.get('art6').line}): „Het college verstrekt" in flat(text)


def test_element_blocks_in_statutory_order() -> None:
    text = report_text(mixed_report())
    positions = [text.index(NAMES[key]) for key in ELEMENTS]
    assert positions == sorted(positions)
    assert re.search(r"^GEDEELTELIJK  Vroegtijdig gevraagd en ongevraagd advies$", text, re.M)
    assert re.search(r"^ONTBREEKT     Ondersteuning$", text, re.M)
    assert re.search(r"^AANWEZIG      Periodiek overleg$", text, re.M)


def test_partial_and_missing_show_reasons_citations_and_suggestions() -> None:
    report = mixed_report()
    text = report_text(report)
    advice = block(text, NAMES["advice"])
    assert "Wettelijke basis: Participatiewet, artikel 47, onderdeel a;" in advice
    assert "no_unrequested_advice" not in advice  # the codes stay in JSON; the message explains them
    assert "  Vindplaats:\n    - artikel 4, eerste lid" in advice
    assert "Voorbeeldtekst: 1. De adviesraad brengt het college gevraagd en ongevraagd advies" in advice
    assert "\n" + " " * 18 + "2. Het college vraagt het advies zo vroeg" in advice
    assert "de verordening regelt geen ongevraagd advies en zegt niet dat het advies vroegtijdig" in flat(
        advice
    )
    # a long cited lid is cut with an ellipsis
    quoted = re.search(r"„(.*?)”", advice, re.S)
    assert quoted is not None
    assert quoted.group(1).endswith("…")
    assert len(" ".join(quoted.group(1).split())) <= 101
    support = block(text, NAMES["support"])
    assert "Vindplaats: geen bepaling gevonden in de artikelen" in support
    assert "Voorbeeldtekst: Het college geeft de adviesraad een ambtelijk secretaris" in support
    assert "de toelichting telt niet mee" in support
    assert "no_provision" not in support
    information = block(text, NAMES["information"])
    line = report.document.get("art6").line
    assert f"artikel 6 (regel {line})" in information
    assert "Voorbeeldtekst: Het college verstrekt de adviesraad uit eigen beweging" in information
    for name in ("Voorstellen voor beleid", "Periodiek overleg", "Onderwerpen agenderen"):
        assert "Voorbeeldtekst" not in block(text, name)


def test_warning_and_interpretation_are_marked() -> None:
    text = report_text(mixed_report())
    # one finding for the element: the marks go on its heading
    assert re.search(r"^AANWEZIG      Voorstellen voor beleid  \(waarschuwing, interpretatie\)$", text, re.M)
    # several findings: one line per framework, each with its own marks
    support = block(text, NAMES["support"])
    assert "  Per wet:\n    - Participatiewet: ontbreekt\n" in support
    assert "\n    - Jeugdwet: ontbreekt (waarschuwing, interpretatie)\n" in support
    assert "- interpretatie: de eis volgt uit onze uitleg van de wet" in text
    assert "- waarschuwing: deze wet verplicht de raad niet onmiskenbaar" in text
    assert "interpretatie" not in report_text(all_present_report())


def test_diagnostics_and_summary() -> None:
    text = report_text(mixed_report())
    assert "Opmerkingen bij het inlezen" in text
    assert "- regel 3 [informatie S003]: lid 3 volgt niet in de nummering (verwacht: 2)" in text
    assert text.index("Opmerkingen bij het inlezen") < text.index("3 van 6 elementen aanwezig")
    assert text.rstrip().splitlines()[-1] == "3 van 6 elementen aanwezig, 2 gedeeltelijk, 1 ontbreekt"
    assert "Niet van toepassing" not in text


def test_not_a_participation_bylaw() -> None:
    text = report_text(youth_report())
    assert "Oordeel:         geen verordening cliëntenparticipatie" in text
    assert "Grondslag in:    geen wettelijk kader herkend" in text
    assert "Een verwijzing naar de wet alleen maakt een tekst nog geen verordening" in text
    assert "Wettelijke elementen" not in text
    assert not any(word in text for word in ("AANWEZIG", "GEDEELTELIJK", "ONTBREEKT"))
    assert text.rstrip().endswith("Niet getoetst: geen verordening cliëntenparticipatie.")


def test_no_articles() -> None:
    report = no_articles_report()
    text = report_text(report)
    assert "Bestand:         (tekst)" in text
    assert "Oordeel:         geen artikelen gevonden" in text
    assert "Grondslag:       niet gevonden" in text
    assert "Niet van toepassing" not in text
    assert "[waarschuwing S001]: geen artikelen gevonden" in text
    assert text.rstrip().endswith("Niet getoetst: geen artikelen gevonden.")


def test_colour() -> None:
    text = report_text(mixed_report(), color=True)
    assert "\x1b[1m\x1b[32mAANWEZIG" in text
    assert "\x1b[1m\x1b[33mGEDEELTELIJK" in text
    assert "\x1b[1m\x1b[31mONTBREEKT" in text
    assert "\x1b[1mWettelijke elementen\x1b[0m" in text
    assert strip_ansi(text) == report_text(mixed_report())


@pytest.mark.parametrize("name", REPORTS)
def test_colour_only_adds_escape_codes(name: str) -> None:
    report = REPORTS[name]()
    assert strip_ansi(report_text(report, color=True)) == report_text(report)
    assert strip_ansi(report_summary_line(report, color=True)) == report_summary_line(report)


def test_escape_codes_in_the_bylaw_do_not_reach_the_report() -> None:
    report = mixed_report()
    evil = Citation(
        "artikel 6", "art6", 0, 10, 1, "Het college \x1b[31mverstrekt\x1b]0;titel\x07 informatie."
    )
    elements = dict(report.elements)
    elements["information"] = evolve(elements["information"], citations=(evil,), message="x\x1b[0my")
    changed = evolve(report, file="a\x1b[2Jb.txt", elements=elements)
    assert ESCAPE not in report_text(changed)
    assert ESCAPE not in report_summary_line(changed)


def test_summary_line() -> None:
    line = report_summary_line(mixed_report())
    assert "\n" not in line
    assert line == (
        "concept/eikendonk_2016.txt: verordening cliëntenparticipatie; voorstellen aanwezig, "
        "advies gedeeltelijk, ondersteuning ontbreekt, overleg aanwezig, agenda aanwezig, "
        "informatie gedeeltelijk"
    )
    assert report_summary_line(all_present_report()).startswith(
        "eikendonk_2016.txt: verordening cliëntenparticipatie; advies aanwezig, ondersteuning aanwezig"
    )
    assert report_summary_line(youth_report()) == "jeugdhulp.txt: geen verordening cliëntenparticipatie"
    assert report_summary_line(no_articles_report()) == "(tekst): geen artikelen gevonden"


def test_report_without_elements() -> None:
    """The renderer copes with a report whose element map is empty."""
    report = all_present_report()
    changed = evolve(report, elements={}, findings=())
    text = report_text(changed)
    assert "Wettelijke elementen" not in text
    assert text.rstrip().endswith("Geen wettelijke elementen van toepassing.")
    assert report_summary_line(changed) == "eikendonk_2016.txt: verordening cliëntenparticipatie"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"element": "independent_chair"}, id="element"),
        pytest.param({"status": "ok"}, id="status"),
        pytest.param({"severity": "notice"}, id="severity"),
    ],
)
def test_a_finding_outside_the_vocabulary_cannot_be_made(change: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="is not a valid"):
        evolve(all_present_report().findings[0], **change)


def test_outline_text_still_works() -> None:
    outline = outline_text(verordening.parse(BYLAW))
    assert "artikel 4  Advies" in outline


# -- JSON contract ---------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_report_matches_schema(name: str, validator: jsonschema.Draft202012Validator) -> None:
    report = REPORTS[name]()
    validator.validate(report.to_dict())
    validator.validate(json.loads(report.to_json()))


def mutated(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(mixed_report().to_dict())
    change(data)
    return data


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d["elements"]["advice"].update(status="unknown"), id="element status"),
        pytest.param(lambda d: d["findings"][0].update(status="ok"), id="finding status"),
        pytest.param(lambda d: d.update(verdict="maybe"), id="verdict"),
        pytest.param(lambda d: d.update(frameworks=["wmo2022"]), id="framework"),
        pytest.param(lambda d: d["elements"].update(training=d["elements"]["advice"]), id="element key"),
        pytest.param(lambda d: d["legal_basis"][0].update(source="footnote"), id="legal basis source"),
        pytest.param(lambda d: d["pipeline"].update(kind="remote"), id="pipeline kind"),
        pytest.param(lambda d: d["diagnostics"][0].update(severity="fatal"), id="diagnostic severity"),
        pytest.param(lambda d: d["findings"][0].update(severity="notice"), id="finding severity"),
        pytest.param(lambda d: d.update(extra=1), id="unknown field"),
        pytest.param(lambda d: d["elements"]["agenda"].pop("suggestion"), id="missing field"),
        pytest.param(lambda d: d["elements"].pop("agenda"), id="missing element"),
        pytest.param(lambda d: d["findings"][0].update(element="training"), id="finding element"),
        pytest.param(lambda d: d["findings"][0].update(interpretation="yes"), id="interpretation not bool"),
        pytest.param(lambda d: d["findings"][0]["citations"][0].update(line=0), id="line from 1"),
        pytest.param(lambda d: d["elements"]["agenda"].update(citations=[]), id="present without citation"),
        pytest.param(
            lambda d: d["elements"]["agenda"]["citations"][0].update(id="toel/art5"),
            id="present on the toelichting only",
        ),
        pytest.param(lambda d: d["elements"]["advice"].update(reasons=[]), id="partial without reasons"),
        pytest.param(lambda d: d.update(as_of="1 juli 2016"), id="as_of not a date"),
    ],
)
def test_schema_rejects(change: Any, validator: jsonschema.Draft202012Validator) -> None:
    data = mutated(change)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_a_report_with_an_unknown_status_or_verdict_cannot_be_made() -> None:
    report = all_present_report()
    with pytest.raises(ValueError, match="is not a valid Status"):
        evolve(report.elements["advice"], status="unknown")
    with pytest.raises(ValueError, match="is not a valid Verdict"):
        evolve(report, verdict="maybe")


def test_schema_enums_match_the_code() -> None:
    from verordening import findings
    from verordening.rules import load_rules

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert set(defs["framework"]["enum"]) == set(load_rules().knowledge.laws.frameworks)
    assert defs["element"]["enum"] == list(findings.ELEMENTS)
    assert list(schema["properties"]["elements"]["properties"]) == list(findings.ELEMENTS)
    assert set(defs["status"]["enum"]) == set(findings.STATUSES)
    assert set(schema["properties"]["verdict"]["enum"]) == set(findings.VERDICTS)
    assert schema["properties"]["schema_version"]["const"] == findings.REPORT_SCHEMA_VERSION
    assert set(schema["required"]) == set(mixed_report().to_dict())
    from verordening.load import FORMATS

    assert schema["properties"]["source"]["properties"]["format"]["enum"] == list(FORMATS)


# -- helpers -----------------------------------------------------------------------------


def flat(text: str) -> str:
    """The text with every run of white space as one space: assertions that survive wrapping."""
    return " ".join(text.split())


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def block(text: str, name: str) -> str:
    """The block of one element: from its heading to the next blank line before a heading."""
    start = text.index(name)
    start = text.rindex("\n", 0, start) + 1
    end = text.find("\n\n", start)
    return text[start : end if end != -1 else len(text)]


def test_every_diagnostic_code_is_listed_in_the_docs() -> None:
    from verordening.diagnostics import CODES

    page = (SCHEMA_PATH.parent / "diagnostics.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    assert len(rows) == len(CODES)
    for code in CODES.values():
        assert f"| `{code.code}` | {code.severity.value} | {code.en} | {code.nl} |" in rows
