"""The evaluation behind ``verordening eval``: metrics, gold loader, keyword baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from verordening import parse
from verordening.evaluate import (
    EvalError,
    Pair,
    citation_accuracy,
    confusion,
    evaluate,
    false_present_rate,
    keyword_baseline,
    load_gold,
    macro_f1,
    match_citations,
    spans_match,
)
from verordening.findings import ELEMENTS, Citation, ElementResult, Pipeline, Report
from verordening.language import ModelError
from verordening.model import Document

TEXT = """Verordening cliëntenraad Proefdorp

Artikel 1 Adviesraad
1. Er is een adviesraad.
2. De adviesraad brengt gevraagd en ongevraagd advies uit.

Artikel 2 Overleg
1. De adviesraad en het college voeren vier keer per jaar overleg.
2. De adviesraad kan onderwerpen voor de agenda aanmelden.

Toelichting
De ondersteuning wordt later geregeld.
"""


# -- helpers ----------------------------------------------------------------------------


def cite(doc: Document, node_id: str) -> Citation:
    node = doc.get(node_id)
    return Citation(node.citation, node.id, node.start, node.end, node.line, node.text)


def element(key: str, status: str, citations: tuple[Citation, ...] = ()) -> ElementResult:
    return ElementResult(key, status, ("participatiewet",), (), citations, "", "", "")


def report(
    doc: Document,
    statuses: dict[str, str],
    citations: dict[str, tuple[Citation, ...]] | None = None,
    verdict: str = "participation_bylaw",
) -> Report:
    citations = citations or {}
    return Report(
        file=None,
        verdict=verdict,
        frameworks=("participatiewet",),
        judged_under=("participatiewet",),
        legal_basis=(),
        pipeline=Pipeline("builtin", "builtin", "0"),
        diagnostics=(),
        elements={k: element(k, s, citations.get(k, ())) for k, s in statuses.items()},
        findings=(),
        as_of="2026-01-01",
        document=doc,
    )


def pairs(*items: tuple[str, str]) -> list[Pair]:
    return [Pair("advice", gold, predicted) for gold, predicted in items]


# -- metrics ------------------------------------------------------------------------------


def test_confusion_has_all_four_statuses() -> None:
    table = confusion(pairs(("present", "present"), ("missing", "present"), ("missing", "present")))
    assert set(table) == {"present", "partial", "missing", "not_applicable"}
    assert all(set(row) == set(table) for row in table.values())
    assert table["missing"]["present"] == 2
    assert table["present"]["present"] == 1
    assert table["partial"]["partial"] == 0


def test_macro_f1_perfect_and_empty() -> None:
    assert macro_f1(pairs(("present", "present"), ("missing", "missing"))) == 1.0
    assert macro_f1([]) == 1.0
    assert macro_f1(pairs(("not_applicable", "not_applicable"))) == 1.0


def test_macro_f1_leaves_out_a_label_without_instances() -> None:
    # present: tp 1, fp 1, fn 0 -> P 0.5, R 1 -> F1 2/3; missing: tp 0, fn 1 -> F1 0.
    # partial has no gold and no predicted instance: left out, so the mean is over two.
    score = macro_f1(pairs(("present", "present"), ("missing", "present")))
    assert score == pytest.approx((2 / 3 + 0.0) / 2)


def test_macro_f1_counts_not_applicable_predictions_as_misses() -> None:
    # gold present predicted not_applicable: fn for present, no label for n/a.
    assert macro_f1(pairs(("present", "not_applicable"))) == 0.0


def test_false_present_rate() -> None:
    items = pairs(
        ("missing", "present"), ("partial", "partial"), ("partial", "present"), ("present", "present")
    )
    assert false_present_rate(items) == pytest.approx(2 / 3)
    assert false_present_rate(pairs(("present", "missing"))) == 0.0


def test_spans_match_equal_contains_inside() -> None:
    assert spans_match((10, 20), (10, 20))
    assert spans_match((10, 20), (0, 30))
    assert spans_match((0, 30), (10, 20))
    assert not spans_match((0, 15), (10, 20))
    assert not spans_match((20, 30), (10, 20))


def test_match_citations_containment_and_unresolved() -> None:
    doc = parse(TEXT)
    predicted = (cite(doc, "art1"), cite(doc, "art1/lid2"), cite(doc, "art2/lid1"))
    # art1 contains the gold lid, art1/lid2 equals it, art2/lid1 is elsewhere.
    cited, matched, unresolved = match_citations(doc, predicted, ["artikel 1, tweede lid", "artikel 9"])
    assert (cited, matched, unresolved) == (3, 2, ["artikel 9"])
    # A predicted lid inside a gold article matches as well.
    assert match_citations(doc, (cite(doc, "art2/lid2"),), ["artikel 2"])[:2] == (1, 1)
    # Nothing resolves: nothing is judged.
    assert match_citations(doc, predicted, ["artikel 7"]) == (0, 0, ["artikel 7"])
    # "aanhef en" names the item read with its opening words; "..., aanhef" the opening words
    assert match_citations(doc, (cite(doc, "art1/lid2"),), ["artikel 1, aanhef en tweede lid"])[:2] == (1, 1)
    assert match_citations(doc, (cite(doc, "art1/lid2"),), ["artikel 1, tweede lid, aanhef"])[:2] == (1, 1)


def test_citation_accuracy_only_where_both_found() -> None:
    items = [
        Pair("advice", "present", "present", cited=2, matched=1),
        Pair("agenda", "partial", "present", cited=1, matched=1),
        Pair("support", "missing", "present", cited=5, matched=0),
    ]
    assert citation_accuracy(items) == pytest.approx(2 / 3)
    assert citation_accuracy(items[2:]) is None


# -- gold loader ----------------------------------------------------------------------------


def write_case(folder: Path, name: str, gold: dict[str, Any], text: str | None = TEXT) -> None:
    gold = {"text": f"{name}.txt", **gold}
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if text is not None:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def test_load_gold_reads_cases(tmp_path: Path) -> None:
    write_case(
        tmp_path,
        "a",
        {
            "verdict": "participation_bylaw",
            "frameworks": ["participatiewet"],
            "as_of": "2026-01-01",
            "elements": {k: {"status": "present", "citations": ["artikel 1"]} for k in ELEMENTS},
        },
    )
    write_case(tmp_path, "b", {"verdict": "not_participation_bylaw", "frameworks": [], "elements": {}})
    write_case(tmp_path, "c", {"framework": "participatiewet", "elements": {"advice": {"status": "partial"}}})
    a, b, c = load_gold([tmp_path])
    assert a.verdict == "participation_bylaw"
    assert a.frameworks == ("participatiewet",)
    assert a.override is None
    assert a.as_of == "2026-01-01"
    assert a.elements["agenda"].citations == ("artikel 1",)
    assert b.elements == {}
    assert b.frameworks == ()
    # No verdict: a participation bylaw; absent elements are not applicable.
    assert c.verdict == "participation_bylaw"
    assert c.override == ("participatiewet",)
    assert c.frameworks is None
    assert c.elements["advice"].status == "partial"
    assert c.elements["policy_proposals"].status == "not_applicable"
    assert set(c.elements) == set(ELEMENTS)
    assert c.text_path == tmp_path / "c.txt"


def test_load_gold_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no such folder"):
        load_gold([tmp_path / "nowhere"])
    with pytest.raises(EvalError, match=r"no \*\.gold\.json"):
        load_gold([tmp_path])
    write_case(tmp_path, "lost", {"elements": {}}, text=None)
    with pytest.raises(EvalError, match=r"text file .* not found"):
        load_gold([tmp_path])
    (tmp_path / "lost.gold.json").unlink()
    (tmp_path / "bad.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError, match="not valid JSON") as caught:
        load_gold([tmp_path])
    assert "\n" not in str(caught.value)


# -- baseline ------------------------------------------------------------------------------


def test_keyword_baseline_on_a_tiny_text() -> None:
    doc = parse(TEXT)
    statuses = dict.fromkeys(ELEMENTS, "missing")
    statuses["policy_proposals"] = "not_applicable"
    base = keyword_baseline(report(doc, statuses))
    got = {k: e.status for k, e in base.elements.items()}
    assert got == {
        "policy_proposals": "not_applicable",
        "advice": "present",  # "Adviesraad" in the heading of artikel 1
        "support": "present",  # only in the toelichting: a naive tool finds it anyway
        "periodic_consultation": "present",
        "agenda": "present",
        "information": "missing",
    }
    assert base.verdict == "participation_bylaw"
    assert [c.citation for c in base.elements["agenda"].citations] == ["artikel 2, tweede lid"]
    assert [c.citation for c in base.elements["support"].citations] == ["toelichting"]
    assert base.elements["advice"].citations[0].id == "art1"


# -- evaluate, end to end with a stand-in checker ----------------------------------------------------


def test_evaluate_with_a_stand_in_checker(tmp_path: Path) -> None:
    gold_elements = {key: {"status": "present", "citations": ["artikel 1, tweede lid"]} for key in ELEMENTS}
    gold_elements["policy_proposals"] = {"status": "not_applicable", "citations": []}
    gold_elements["information"] = {"status": "missing", "citations": []}
    write_case(
        tmp_path,
        "p",
        {"verdict": "participation_bylaw", "frameworks": ["participatiewet"], "elements": gold_elements},
    )
    write_case(tmp_path, "n", {"verdict": "not_participation_bylaw", "frameworks": [], "elements": {}})
    write_case(tmp_path, "u", {"framework": "participatiewet", "elements": {"advice": {"status": "present"}}})

    calls: list[tuple[str, list[str] | None, str | None]] = []

    def checker(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        calls.append((source.name, frameworks, as_of))
        doc = parse(source.read_text(encoding="utf-8"))
        statuses = dict.fromkeys(ELEMENTS, "present")
        statuses["policy_proposals"] = "not_applicable"
        return report(doc, statuses, {"advice": (cite(doc, "art1"),)})

    seen: list[str] = []
    result = evaluate([tmp_path], progress=seen.append, checker=checker)
    assert len(seen) == 3
    assert ("u.txt", ["participatiewet"], None) in calls
    data = result.to_dict()
    assert set(data) == {"documents", "elements", "overall", "baseline", "problems", "documents_detail"}
    assert data["documents"] == 3
    assert set(data["elements"]) == set(ELEMENTS)
    assert set(data["elements"]["advice"]) == {
        "macro_f1",
        "balanced_accuracy",
        "false_present_rate",
        "citation_accuracy",
        "confusion",
    }
    assert set(data["overall"]) == {
        "macro_f1",
        "balanced_accuracy",
        "false_present_rate",
        "citation_accuracy",
        "verdict_accuracy",
        "framework_accuracy",
        "confusion",
    }
    assert set(data["baseline"]) == {"elements", "overall"}
    assert data["elements"]["advice"]["citation_accuracy"] == 1.0
    # Gold information missing, predicted present, in document p.
    assert data["elements"]["information"]["false_present_rate"] == 1.0
    assert data["overall"]["verdict_accuracy"] == pytest.approx(2 / 3)
    assert data["overall"]["framework_accuracy"] == 0.5
    detail = {Path(d["file"]).name: d for d in data["documents_detail"]}
    assert detail["p.txt"]["mismatches"] == [
        {"element": "information", "gold": "missing", "predicted": "present"}
    ]
    assert detail["n.txt"]["verdict"] == "participation_bylaw"
    json.dumps(data)
    text = result.to_text("en")
    assert "information: missing -> present" in text
    assert "verdict: not_participation_bylaw -> participation_bylaw" in text
    dutch = result.to_text()  # Dutch by default, as every output; the codes stay codes
    assert "information: missing -> present" in dutch
    assert "oordeel: not_participation_bylaw -> participation_bylaw" in dutch
    assert dutch.startswith("Evaluatie over 3 document(en)")


def test_evaluate_reports_gold_citations_that_name_no_node(tmp_path: Path) -> None:
    write_case(tmp_path, "x", {"elements": {"advice": {"status": "present", "citations": ["artikel 42"]}}})

    def checker(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        doc = parse(source.read_text(encoding="utf-8"))
        return report(doc, {"advice": "present"}, {"advice": (cite(doc, "art1"),)})

    result = evaluate([tmp_path], checker=checker)
    assert any("artikel 42" in p for p in result.problems)
    assert result.checker.elements["advice"].citation_accuracy is None


def test_evaluate_survives_a_failing_checker(tmp_path: Path) -> None:
    write_case(tmp_path, "x", {"elements": {}})

    def checker(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        raise RuntimeError("boom")

    result = evaluate([tmp_path], checker=checker)
    assert result.details[0].verdict == "error"
    assert any("boom" in p for p in result.problems)


def test_balanced_accuracy_weighs_every_gold_status_the_same() -> None:
    from verordening.evaluate import balanced_accuracy

    pairs = [Pair("advice", "present", "present")] * 8 + [
        Pair("advice", "present", "partial"),
        Pair("advice", "partial", "partial"),
        Pair("advice", "missing", "present"),
    ]
    # recall present 8/9, partial 1/1, missing 0/1
    assert balanced_accuracy(pairs) == pytest.approx((8 / 9 + 1 + 0) / 3)
    assert balanced_accuracy([]) == 1.0


def test_the_text_shows_a_confusion_matrix_per_element(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Artikel 1\nTekst.\n", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(
        json.dumps({"text": "a.txt", "elements": {"advice": {"status": "partial"}}})
    )

    def checker(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        doc = parse(source.read_text(encoding="utf-8"))
        return report(doc, {"advice": "present"})

    text = evaluate([tmp_path], checker=checker).to_text("en")
    assert "bal. acc." in text
    assert "Confusion per element (rows: gold, columns: checker):" in text
    assert "Verwarringsmatrix per element" in evaluate([tmp_path], checker=checker).to_text()
    rows = [line.split() for line in text.splitlines() if line.strip().startswith(("advice", "partial"))]
    assert ["advice", "present", "0", "0", "0"] in rows
    assert ["partial", "1", "0", "0"] in rows


def test_a_model_that_cannot_be_loaded_stops_the_run_once(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        evaluate([Path(__file__).resolve().parents[1] / "corpus"], model=str(tmp_path / "no-model"))
