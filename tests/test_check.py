"""The checking engine end to end: verdicts, frameworks, roles, evidence, CLI, evaluation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import verordening
from verordening.cli import main
from verordening.evaluate import evaluate

from .conftest import REAL, ROOT

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))

FULL = """Verordening cliëntenparticipatie Voorbeeld 2024

De raad van de gemeente Voorbeeld;
gelet op artikel 47 van de Participatiewet;
besluit vast te stellen de volgende verordening.

Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder:
a. college: het college van burgemeester en wethouders;
b. adviesraad: de Adviesraad Werk en Inkomen.

Artikel 2 Advies
1. De adviesraad adviseert het college gevraagd en ongevraagd over verordeningen en beleid.
2. Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn.

Artikel 3 Overleg
1. Het college en de adviesraad overleggen ten minste vier keer per jaar.
2. De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden.

Artikel 4 Informatie
Het college verstrekt de adviesraad tijdig en uit eigen beweging alle informatie die hij nodig heeft.

Artikel 5 Ondersteuning
Het college stelt een ambtelijk secretaris en een jaarlijks budget beschikbaar voor de adviesraad.
"""


def test_a_complete_participatiewet_bylaw_is_present_everywhere() -> None:
    report = verordening.check(FULL)
    assert report.verdict == "participation_bylaw"
    assert report.frameworks == ("participatiewet",)
    assert report.exit_code == 0
    statuses = {k: e.status for k, e in report.elements.items()}
    assert statuses == {
        "policy_proposals": "not_applicable",
        "advice": "present",
        "support": "present",
        "periodic_consultation": "present",
        "agenda": "present",
        "information": "present",
    }
    assert [c.citation for c in report.elements["advice"].citations] == [
        "artikel 2, eerste lid",
        "artikel 2, tweede lid",
    ]
    assert report.elements["advice"].statute == "Participatiewet, artikel 47, onderdeel a"
    jsonschema.validate(report.to_dict(), SCHEMA)


def test_the_toelichting_and_the_definitions_never_count() -> None:
    text = FULL.replace(
        "2. Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn.\n", ""
    )
    text = text.replace(
        "b. adviesraad: de Adviesraad Werk en Inkomen.", "b. adviesraad: de raad die vroegtijdig adviseert."
    )
    text += "\nToelichting\nArtikel 2\nHet college vraagt het advies altijd vroegtijdig.\n"
    report = verordening.check(text)
    advice = report.elements["advice"]
    assert advice.status == "partial"
    assert "advice_not_early" in advice.reasons
    assert all(c.id.startswith("art") for c in advice.citations)


def test_an_element_only_in_the_toelichting_is_missing() -> None:
    start = FULL.index("Artikel 4 Informatie")
    text = FULL[:start] + FULL[FULL.index("Artikel 5 Ondersteuning") :]
    text += "\nToelichting\nHet college verstrekt de adviesraad tijdig alle informatie.\n"
    report = verordening.check(text)
    assert report.elements["information"].status == "missing"
    assert "only_in_toelichting" in report.elements["information"].reasons
    assert report.exit_code == 1


@pytest.mark.parametrize(
    "note",
    [
        "[Opmerking JvD: bedrag werkbudget nog afstemmen met Financiën]",
        "[toelichting: voorstel was een werkbudget van € 5.000 per jaar]",
        "[Red: het college stelt jaarlijks een budget beschikbaar]",
    ],
)
def test_a_drafters_or_editors_note_is_not_read_as_the_bylaw(note: str) -> None:
    start = FULL.index("Artikel 5 Ondersteuning")
    support = "Artikel 5 Ondersteuning\nHet college regelt bij nadere regels de ondersteuning.\n"
    report = verordening.check(FULL[:start] + support + note + "\n")
    result = report.elements["support"]
    assert result.status == "partial"
    assert "support_not_concrete" in result.reasons
    assert note[:6] in result.citations[0].text  # citations still show the whole provision


def test_a_list_item_that_completes_its_opening_words_is_cited_with_them() -> None:
    text = (
        "Verordening cliëntenraad\n\nArtikel 3 Taken\n1. Het college stelt de cliëntenraad in staat om:\n"
        "a. vroegtijdig gevraagd en ongevraagd advies uit te brengen over beleidsvoorstellen;\n"
        "b. deel te nemen aan het overleg.\n2. De cliëntenraad adviseert niet over individuele zaken.\n"
    )
    advice = verordening.check(text, frameworks=["participatiewet"]).elements["advice"]
    assert [c.citation for c in advice.citations] == ["artikel 3, eerste lid, aanhef en onderdeel a"]
    assert advice.citations[0].id == "art3/lid1/a"


def test_a_renamed_body_is_found_through_the_definitions() -> None:
    text = FULL.replace(
        "b. adviesraad: de Adviesraad Werk en Inkomen.",
        "b. de raad: de Participatieraad Voorbeeld;\nc. gemeenteraad: de raad van de gemeente Voorbeeld.",
    )
    text = text.replace("de adviesraad", "de raad").replace("De adviesraad", "De raad")
    report = verordening.check(text)
    assert report.elements["advice"].status == "present"
    assert report.elements["periodic_consultation"].status == "present"


def test_definitions_one_to_a_line_without_labels_are_each_read() -> None:
    """A Word list or a web page leaves definitions as bullets, which cleaning takes away: each
    line is still a definition ("wij: het college" makes "Wij kunnen" the college's discretion)."""
    text = (
        "Verordening adviesraad sociaal domein Voorbeeld 2019\n\nDe raad van de gemeente Voorbeeld;\n"
        "gelet op artikel 47 van de Participatiewet;\nbesluit:\n\nArtikel 1 Begrippen\n"
        "In deze verordening betekent:\n- adviesraad: de Adviesraad Sociaal Domein Voorbeeld;\n"
        "- wij: het college van burgemeester en wethouders\n  van de gemeente Voorbeeld;\n"
        "- u: de inwoner die deze verordening leest.\n\nArtikel 2 Welke hulp krijgt de adviesraad?\n"
        "Wij kunnen de adviesraad helpen met een ambtelijk secretaris en een vergoeding voor de leden.\n"
    )
    support = verordening.check(text).elements["support"]
    assert support.status == "partial"
    assert support.reasons == ("support_discretionary",)
    units = verordening.language.units_of(verordening.parse(text))
    assert [u.text for u in units if u.definition][2] == (
        "wij: het college van burgemeester en wethouders van de gemeente Voorbeeld;"
    )


@pytest.mark.parametrize("header", ["Recht | Inhoud | Toelichting", "| Recht | Inhoud | Uitleg |"])
def test_a_tables_column_that_explains_the_others_is_not_read_as_the_bylaw(header: str) -> None:
    pipes = header.startswith("|")
    rows = [
        "Informatie | Het college verstrekt de adviesraad op verzoek de informatie die hij nodig heeft. "
        "| Het college stuurt de adviesraad daarnaast uit eigen beweging alle stukken.",
        "Overleg | Het college overlegt vier keer per jaar met de adviesraad. | Meestal in de raadzaal.",
    ]
    table = "\n".join([header, *(f"| {row} |" if pipes else row for row in rows)])
    text = (
        "Verordening adviesraad Voorbeeld\n\nDe raad van de gemeente Voorbeeld;\n"
        "gelet op artikel 47 van de Participatiewet;\nbesluit:\n\nArtikel 1 Rechten\n"
        f"1. De adviesraad heeft de rechten in de volgende tabel:\n{table}\n"
        "2. De uitleg bij elk recht bindt niemand.\n"
    )
    report = verordening.check(text)
    assert report.elements["information"].status == "partial"
    assert "information_only_on_request" in report.elements["information"].reasons
    assert report.elements["periodic_consultation"].status == "present"


@pytest.mark.parametrize(
    ("excepted", "status"),
    [
        ("de maanden juli en augustus", "present"),  # a time of the year: still ten meetings
        ("onderwerpen die de begroting betreffen", "partial"),  # a kind of subject: restricted
    ],
)
def test_an_exception_of_months_from_a_frequency_excepts_no_subjects(excepted: str, status: str) -> None:
    text = (
        "Verordening cliëntenpanel Voorbeeld\n\nArtikel 1 Overleg\n"
        f"Maandelijks, met uitzondering van {excepted}, vindt overleg plaats tussen het college en de "
        "adviesraad.\n"
    )
    assert verordening.check(text).elements["periodic_consultation"].status == status


@pytest.mark.parametrize(
    ("change", "as_of", "status"),
    [
        # the secretary and budget come into force after the date of judgement: only the delegation is
        (
            "In afwijking van het eerste lid treedt artikel 2, tweede lid, in werking met ingang van "
            "1 januari 2027.",
            "2026-12-01",
            "partial",
        ),
        (
            "In afwijking van het eerste lid treedt artikel 2, tweede lid, in werking met ingang van "
            "1 januari 2027.",
            "2027-03-01",
            "present",
        ),
        # ... or ended before it
        ("Artikel 2, tweede lid, vervalt met ingang van 1 januari 2020.", "2026-12-01", "partial"),
    ],
)
def test_a_provision_not_in_force_on_the_date_grants_nothing(change: str, as_of: str, status: str) -> None:
    text = (
        "Verordening adviesraad Voorbeeld\n\nArtikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n"
        "a. adviesraad: de Adviesraad Sociaal Domein.\n\nArtikel 2 Ondersteuning\n"
        "1. Het college regelt de ondersteuning van de adviesraad nader bij besluit.\n"
        "2. Het college stelt de adviesraad een ambtelijk secretaris en een jaarlijks budget "
        "ter beschikking.\n\n"
        f"Artikel 3 Inwerkingtreding\n1. Deze verordening treedt in werking op 1 januari 2019.\n2. {change}\n"
    )
    report = verordening.check(text, as_of=as_of, frameworks=["participatiewet"])
    assert report.elements["support"].status == status


def test_an_article_the_bylaw_ends_grants_nothing_after_it_ended() -> None:
    text = (
        "Verordening cliëntenraad Voorbeeld\n\nArtikel 1 Informatie\nHet college verstrekt de cliëntenraad "
        "gevraagd en ongevraagd tijdig alle informatie die hij voor zijn taak nodig heeft.\n\n"
        "Artikel 2 Overgangsbepaling\nArtikel 1 vervalt met ingang van 1 januari 2017.\n"
    )
    after = verordening.check(text, as_of="2026-12-01", frameworks=["participatiewet"]).elements[
        "information"
    ]
    assert (after.status, after.reasons) == ("missing", ("not_in_force",))
    before = verordening.check(text, as_of="2016-06-01", frameworks=["participatiewet"]).elements[
        "information"
    ]
    assert before.status != "missing"
    assert before.citations


def test_an_aanhef_naming_the_adviesraad_in_passing_does_not_make_a_citizens_bylaw_one() -> None:
    text = (
        "Verordening burgerparticipatie en buurtbudgetten Voorbeeld\n\nDe raad van de gemeente Voorbeeld;\n"
        "gelet op artikel 149 van de Gemeentewet;\noverwegende dat de Adviesraad Sociaal Domein zijn taken "
        "behoudt en dat deze verordening daarin geen verandering brengt;\nbesluit:\n\n"
        "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n"
        "a. buurtplatform: een platform van bewoners van een buurt.\n\nArtikel 2 Advies en overleg\n"
        "1. Het buurtplatform kan het college gevraagd en ongevraagd adviseren over plannen voor de buurt.\n"
        "2. De wethouder overlegt twee keer per jaar met het buurtplatform.\n"
    )
    assert verordening.check(text).verdict == "not_participation_bylaw"
    title = text.splitlines()[0]
    named = text.replace(title, "Verordening cliëntenparticipatie sociaal domein Voorbeeld")
    assert verordening.check(named).verdict == "participation_bylaw"


@pytest.mark.parametrize(
    ("definitions", "sentence"),
    [
        # a plain-language bylaw speaks to the body ("u." is no abbreviation there)
        (
            "a. wij: het college van burgemeester en wethouders;\nb. u: de adviesraad sociaal domein.",
            "Wij overleggen vier keer per jaar met u. De wethouder is bij dat overleg.",
        ),
        # an abbreviation the tokenizer joins with the full stop ("PR.")
        (
            "a. participatieraad: de Participatieraad Voorbeeld (PR).",
            "De wethouder overlegt ten minste vijf keer per jaar met de PR.",
        ),
    ],
)
def test_a_body_named_before_the_full_stop_is_still_the_body(definitions: str, sentence: str) -> None:
    text = (
        "Verordening adviesraad Voorbeeld\n\nArtikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n"
        f"{definitions}\n\nArtikel 2 Overleg\n{sentence}\n"
    )
    found = verordening.check(text, frameworks=["participatiewet"]).elements["periodic_consultation"]
    assert found.status == "present"


def test_a_benefits_bylaw_citing_2_1_3_is_not_a_participation_bylaw() -> None:
    text = (
        "Verordening maatschappelijke ondersteuning Voorbeeld 2015\n\nDe raad van de gemeente Voorbeeld;\n"
        "gelet op de artikelen 2.1.3, 2.1.4 en 2.1.6 van de Wet maatschappelijke ondersteuning 2015;\n"
        "besluit:\n\nArtikel 1 Melding\n1. Een hulpvraag kan bij het college worden gemeld.\n"
        "2. Het college bevestigt de ontvangst van de melding schriftelijk.\n"
        "Artikel 2 Onderzoek\nHet college onderzoekt binnen zes weken de behoefte aan ondersteuning.\n"
    )
    report = verordening.check(text)
    assert report.verdict == "not_participation_bylaw"
    assert report.exit_code == 3
    assert report.frameworks == ()
    assert all(e.status == "not_applicable" for e in report.elements.values())


def test_a_wwb_bylaw_is_judged_under_the_participatiewet_after_2014() -> None:
    text = FULL.replace("artikel 47 van de Participatiewet", "artikel 47 van de Wet werk en bijstand")
    later = verordening.check(text, as_of="2020-01-01")
    assert later.frameworks == ("wwb",)
    assert later.judged_under == ("participatiewet",)
    assert "C001" in [d.code for d in later.diagnostics]
    assert later.elements["advice"].status == "present"
    earlier = verordening.check(text, as_of="2012-01-01")
    assert earlier.judged_under == ("wwb",)
    assert earlier.elements["advice"].status == "not_applicable"
    assert earlier.elements["agenda"].status == "present"


@pytest.mark.parametrize(
    ("gelet_op", "frameworks"),
    [
        ("art. 47 PW", ("participatiewet",)),
        ("artikel 2.1.3, derde lid, Wmo 2015", ("wmo2015",)),
        (
            "artikel 2.1.3 lid 3 van de Wet maatschappelijke ondersteuning 2015 en artikel 2.10 "
            "van de Jeugdwet",
            ("jeugdwet", "wmo2015"),
        ),
        (
            "artikel 11 en 12 van de Wet maatschappelijke ondersteuning en artikel 150 van de Gemeentewet",
            ("wmo2007",),
        ),
        (
            "artikel 47 van de Participatiewet, artikel 2.1.3 Wmo 2015 en artikel 149 Gemeentewet",
            ("participatiewet", "wmo2015"),
        ),
    ],
)
def test_legal_basis_variants(gelet_op: str, frameworks: tuple[str, ...]) -> None:
    text = FULL.replace("artikel 47 van de Participatiewet", gelet_op)
    report = verordening.check(text, as_of="2014-06-01" if "wmo2007" in frameworks else None)
    assert report.frameworks == frameworks
    assert all(b.source == "preamble" for b in report.legal_basis)


def test_framework_override_and_inference() -> None:
    no_basis = FULL.replace("gelet op artikel 47 van de Participatiewet;\n", "")
    inferred = verordening.check(no_basis.replace("Adviesraad Werk en Inkomen", "Adviesraad Participatiewet"))
    assert inferred.frameworks == ("participatiewet",)
    assert "C003" in [d.code for d in inferred.diagnostics]
    override = verordening.check(FULL, frameworks=["wmo2015"])
    assert override.frameworks == ("participatiewet",)  # what it rests on stays as read
    assert override.judged_under == ("wmo2015",)
    assert [b.source for b in override.legal_basis] == ["preamble", "override"]
    assert override.elements["policy_proposals"].status == "missing"
    with pytest.raises(ValueError, match="unknown framework"):
        verordening.check(FULL, frameworks=["abc"])


def test_no_articles() -> None:
    assert verordening.check("Geachte raad, hierbij een brief.").verdict == "no_articles"


# -- the real texts ---------------------------------------------------------------------------
def test_participation_verdict_and_frameworks_equal_the_pages_index(real: Path) -> None:
    for line in (real / "pages" / "index.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        report = verordening.check(real / "pages" / entry["file"])
        assert (report.verdict == "participation_bylaw") == entry["is_participation_bylaw"], entry["file"]
        if entry["frameworks"] is not None:
            assert list(report.frameworks) == sorted(entry["frameworks"]), entry["file"]


def _all_files() -> list[Path]:
    files = sorted((ROOT / "corpus").glob("*.txt"))
    if REAL.is_dir():
        files += sorted(REAL.rglob("*.txt")) + sorted(REAL.rglob("*.md"))
    return [f for f in files if f.name not in ("README.md",)]


@pytest.mark.parametrize("path", _all_files(), ids=lambda p: p.name)
def test_check_gives_a_valid_report_on_every_file(path: Path) -> None:
    report = verordening.check(path)
    jsonschema.validate(report.to_dict(), SCHEMA)
    for element in report.elements.values():
        if element.status == "present":
            assert element.citations


def test_evaluation_meets_the_targets(real: Path) -> None:
    result = evaluate([ROOT / "corpus", real / "full"]).to_dict()
    assert result["documents"] >= 30
    for key, figures in result["elements"].items():
        assert figures["macro_f1"] >= 0.95, key
        assert figures["false_present_rate"] == 0, key
        assert figures["citation_accuracy"] is None or figures["citation_accuracy"] >= 0.95, key
    assert result["overall"]["macro_f1"] > result["baseline"]["overall"]["macro_f1"] + 0.3
    assert not result["problems"]


# -- the command line ----------------------------------------------------------------------------
def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FULL, encoding="utf-8")
    weak = tmp_path / "weak.txt"
    weak.write_text(FULL.replace("ten minste vier keer per jaar", "regelmatig"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(
        "Verordening re-integratie\nArtikel 1\nHet college biedt ondersteuning.", encoding="utf-8"
    )
    assert main(["check", str(good)]) == 0
    assert main(["check", str(weak)]) == 1
    assert main(["check", str(other)]) == 3
    assert main(["check", str(good), str(other)]) == 3
    assert main(["check", str(good), str(weak), str(other)]) == 1
    assert main(["check", str(good), str(tmp_path / "missing.txt"), str(weak)]) == 2
    captured = capsys.readouterr()
    assert "ONTBREEKT" in captured.out or "GEDEELTELIJK" in captured.out
    assert "missing.txt: dit bestand bestaat niet" in captured.err  # Dutch, the default


def test_check_json_lines_for_several_files(tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text(FULL, encoding="utf-8")
        paths.append(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "verordening", "check", "--format", "json", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    for line, path in zip(lines, paths, strict=True):
        data = json.loads(line)
        jsonschema.validate(data, SCHEMA)
        assert data["file"] == path


def test_check_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "x.txt", "--as-of", "gisteren"]) == 2
    assert "--as-of moet een datum zijn" in capsys.readouterr().err
    assert main(["check", "x.txt", "--as-of", "gisteren", "--lang", "en"]) == 2
    assert "--as-of must be a date" in capsys.readouterr().err
    try:
        code = main(["check", "x.txt", "--framework", "nope"])
    except SystemExit as stop:
        code = int(stop.code or 0)
    assert code == 2


def test_eval_command_json(real: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(ROOT / "corpus"), str(real / "full"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"documents", "elements", "overall", "baseline"}
    assert set(data["elements"]["advice"]) >= {
        "macro_f1",
        "false_present_rate",
        "citation_accuracy",
        "confusion",
    }
    assert main(["eval", "/no/such/folder"]) == 2


def test_rules_command_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    table = capsys.readouterr().out
    assert "PW47-A" in table
    assert "WMO2.1.3-3F" in table
    assert main(["rules", "PW47-A"]) == 0
    text = capsys.readouterr().out
    assert "Participatiewet, artikel 47, onderdeel a" in text
    assert "advice_not_early" in text
    assert "Voorbeeldtekst" in text
    assert main(["rules", "information"]) == 0
    assert "information_only_on_request" in capsys.readouterr().out
    assert main(["rules", "XYZ-1"]) == 2
    assert "geen regel 'XYZ-1'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        # an opening sentence with a condition, ended by its full stop, before the leden
        "Artikel 1\nIndien nodig.\n1. Het college betaalt presentiegeld.",
        "Artikel 5 Ondersteuning\nHet college ondersteunt de adviesraad zo nodig.\n"
        "1. De leden ontvangen presentiegeld.",
        "Artikel 1\nTenzij.\na. Het college betaalt presentiegeld.",
        # numbers float() reads as infinity, or that are digits to isdigit() only
        "Verordening cliëntenraad\nArtikel 1\nDe wethouder en de cliëntenraad voeren "
        + "9" * 310
        + " keer per jaar overleg.",
        "Verordening cliëntenraad\nArtikel 1\nHet college vraagt advies ten minste "
        + "9" * 310
        + " weken voordat.",
        "Artikel 1\nDe adviesraad overlegt ² keer per jaar met het college.",
        "Artikel 1\nDe adviesraad overlegt ①x per jaar met het college ⁶ weken voordat het besluit.",
    ],
)
def test_texts_that_once_crashed_the_check_give_a_report(text: str) -> None:
    report = verordening.check(text, model="builtin")
    assert json.loads(report.to_json())["elements"]
    assert "periodic_consultation" in report.elements


def test_a_range_of_leden_beyond_any_article_is_read_as_its_two_ends() -> None:
    """("de leden 1 tot en met 999999" once filled in a million leden for every mention.)"""
    from verordening.language.references import _ARTICLE_LIDS, _listed

    listed = [_listed(m) for m in _ARTICLE_LIDS.finditer("zie artikel 1, leden 1 tot en met 999999")]
    assert listed == [[1, 999999]]
    near = [_listed(m) for m in _ARTICLE_LIDS.finditer("zie artikel 1, leden 2 tot en met 4")]
    assert near == [[2, 3, 4]]
