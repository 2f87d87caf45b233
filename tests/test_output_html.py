"""The annotated HTML report of one bylaw (`check --format html`), read back with the standard
library's HTML parser: its structure, its badges against the JSON, every highlight on a cited
provision, nothing fetched from outside, and input that cannot break out of the text."""

from __future__ import annotations

import html
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.cli import main
from verordening.output_html import STATUS_LABEL, report_html

from .conftest import ROOT

CORPUS = ROOT / "corpus"
SAMPLES = ["a01_dalmeer_pw.txt", "a03_heerenveld_pw_kort.txt"]

HOSTILE = (
    'Verordening cliëntenraad <script>alert("t")</script> \u202egnirts\x1b[31m\n\n'
    "De raad van de gemeente Ergens;\n"
    "gelet op artikel 47 van de Participatiewet;\n"
    "besluit vast te stellen de volgende verordening:\n\n"
    "Artikel 1 Advies <b onclick=x>\n"
    '1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over "beleid" & '
    "<img src=http://example.org/x onerror=alert(1)> beleidsvoorstellen en ontwerpverordeningen.\n"
    "2. Het college vraagt het advies tijdig, zodat het advies van invloed kan zijn.\n\n"
    "Artikel 2 Overleg\n"
    "Het college overlegt ten minste vier keer per jaar met de cliëntenraad.\n"
)


class _Page(HTMLParser):
    """Every start tag with its attributes, in order, and the text inside each badge."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.sections: list[str] = []  # ids of the open sections
        self.marks: list[tuple[dict[str, str], str]] = []  # a mark and the section it lies in
        self.badges: list[tuple[str, str]] = []  # (element of the summary row, text)
        self._badge: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "section":
            self.sections.append(found.get("id", ""))
        if tag == "a" and "mark" in found.get("class", "").split():
            self.marks.append((found, self.sections[-1]))
        if tag == "td" and "status" in found.get("class", "").split():
            self._badge = [found["data-element"], found["data-status"], ""]
        if tag not in ("meta", "br"):
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.stack.pop()
        assert opened == tag, (opened, tag)
        if tag == "section":
            self.sections.pop()
        if tag == "td" and self._badge is not None:
            element, status, text = self._badge
            assert status in STATUS_LABEL
            self.badges.append((element, text.strip()))
            self._badge = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._badge is not None:
            self._badge[2] += data


def _plain(fragment: str) -> str:
    """The words of a piece of the page, tags left out."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def _read(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []  # every tag closed, properly nested
    return parser


@pytest.mark.parametrize("name", SAMPLES)
def test_the_page_holds_the_whole_bylaw_in_its_structure(name: str) -> None:
    report = verordening.check_file(CORPUS / name)
    page = report_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page
    assert "@media (max-width" in page
    read = _read(page)
    ids = [a["id"] for t, a in read.tags if "id" in a]
    assert len(ids) == len(set(ids))  # no id twice
    section_ids = {a["id"] for t, a in read.tags if t == "section" and "id" in a}
    nodes = list(report.document.nodes())
    assert nodes
    assert {n.id for n in nodes} <= section_ids
    kinds = {a["id"]: a.get("data-kind") for t, a in read.tags if t == "section"}
    assert all(kinds[n.id] == n.kind for n in nodes)
    words = " ".join(" ".join(read.text).split())
    for article in report.document.articles:  # the text of every provision is on the page
        for leaf in (n for n in article.walk() if not n.children):
            assert " ".join(leaf.text.split()[-6:]) in words, leaf.id


@pytest.mark.parametrize("name", SAMPLES)
def test_badges_are_the_statuses_of_the_json(name: str) -> None:
    report = verordening.check_file(CORPUS / name)
    read = _read(report_html(report))
    data = json.loads(report.to_json())
    expected = [(key, STATUS_LABEL[value["status"]]) for key, value in data["elements"].items()]
    assert sorted(read.badges) == sorted(expected)
    assert len(read.badges) == 6


@pytest.mark.parametrize("name", SAMPLES)
def test_every_highlight_lies_on_a_cited_provision_and_every_citation_is_highlighted(name: str) -> None:
    report = verordening.check_file(CORPUS / name)
    read = _read(report_html(report))
    data = json.loads(report.to_json())
    cited = {(key, c["id"]) for key, value in data["elements"].items() for c in value["citations"]}
    assert cited
    marked = set()
    for mark, section in read.marks:
        element, status = mark["data-element"], mark["data-status"]
        assert section == mark["data-node"]  # the mark sits in the provision's own section
        assert (element, section) in cited
        assert status == data["elements"][element]["status"]
        marked.add((element, section))
    assert marked == cited
    targets = {a["id"] for _, a in read.tags if "id" in a}
    links = [a["href"] for t, a in read.tags if t == "a" and "href" in a]
    assert all(link.startswith("#") and link[1:] in targets for link in links)  # no dead link
    assert {f"#{m['id']}" for m, _ in read.marks} <= set(links)  # the summary links to the evidence


def test_partial_and_missing_elements_say_statute_why_and_example() -> None:
    report = verordening.check_file(CORPUS / "a03_heerenveld_pw_kort.txt")
    page = report_html(report)
    short = [(k, e) for k, e in report.elements.items() if e.status in ("partial", "missing")]
    assert short
    assert report.ruleset is not None
    rules = {rule.element: rule for rule in report.ruleset.rules}
    words = " ".join(" ".join(_read(page).text).split())
    for key, element in short:
        start = page.index(f'id="el-{key}"')
        block = _plain(page[start : page.index("</section>", start)])
        assert " ".join(element.statute.split()) in block
        assert " ".join(element.suggestion.split()[:8]) in block
        for reason in element.reasons:
            assert " ".join(rules[key].reasons[reason].split()) in block
            assert reason not in words  # the code stays in JSON; the page says what it means


def test_hostile_title_and_provision_are_text_not_markup() -> None:
    report = verordening.check(HOSTILE)
    page = report_html(report)
    read = _read(page)
    tags = {t for t, _ in read.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "a", "main", "header", "p", "h1", "h2",
                    "h3", "h4", "section", "dl", "dt", "dd", "ul", "li", "table", "caption", "thead", "tbody",
                    "tr", "th", "td", "span", "div", "strong", "blockquote"}  # fmt: skip
    assert not any(k.startswith("on") for _, attrs in read.tags for k in attrs)
    assert "<script" not in page
    assert "<img" not in page
    assert "<b " not in page
    assert "&lt;script&gt;" in page
    assert "&lt;img src=http://example.org/x" in page
    assert "\u202e" not in page
    assert "\x1b" not in page
    assert "\\u202egnirts\\x1b[31m" in page  # shown, not obeyed
    assert "&quot;beleid&quot; &amp;" in page


def test_the_page_is_self_contained() -> None:
    for page in (
        report_html(verordening.check(HOSTILE)),
        report_html(verordening.check_file(CORPUS / SAMPLES[0])),
    ):
        read = _read(page)
        assert not any(t in ("script", "link", "img", "iframe", "object", "embed") for t, _ in read.tags)
        assert not any("src" in attrs for _, attrs in read.tags)
        assert all(attrs["href"].startswith("#") for t, attrs in read.tags if "href" in attrs)
        assert "url(" not in page
        assert "@import" not in page
        assert "http://" not in page.split("<body>")[0]


def test_the_command_writes_the_page_to_a_file_or_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = CORPUS / SAMPLES[1]
    out = tmp_path / "rapport.html"
    code = main(["check", "--format", "html", "-o", str(out), str(source)])
    assert code == verordening.check_file(source).exit_code == 1
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == report_html(verordening.check_file(source))
    assert main(["check", "--format", "html", str(source)]) == 1
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_the_command_refuses_several_files_and_an_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = (str(CORPUS / n) for n in SAMPLES)
    assert main(["check", "--format", "html", one, two]) == 2
    assert main(["check", "--format", "html", "-o", str(tmp_path / "no" / "such" / "r.html"), one]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2
    assert "r.html" in err


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
_LINES = st.lists(
    st.one_of(
        _TEXT,
        st.sampled_from(
            ["Artikel 1 Advies", "1. De cliëntenraad adviseert het college.", "a. <b>", "Hoofdstuk 2"]
        ),
    ),
    max_size=12,
)


def _holds_for(lines: list[str]) -> None:
    page = report_html(verordening.check("\n".join(lines)))
    read = _read(page)  # well nested whatever the text
    assert not any(t in ("script", "img", "link", "iframe") for t, _ in read.tags)
    assert not any(k.startswith("on") for _, attrs in read.tags for k in attrs)
    assert not any(ch in page for ch in "\x00\x1b\x7f\u202e\u2066")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_any_text_gives_a_well_formed_page(lines: list[str]) -> None:
    _holds_for(lines)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_any_text_gives_a_well_formed_page_long(lines: list[str]) -> None:
    _holds_for(lines)


@pytest.mark.timing
def test_a_large_bylaw_is_drawn_in_well_under_a_second() -> None:
    articles = "\n".join(
        f"Artikel {n} Advies\n1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit.\n"
        f"2. Het college overlegt {n} keer per jaar met de cliëntenraad.\na. over beleid;\n"
        f"b. over <i>{n}</i>."
        for n in range(1, 1501)
    )
    report = verordening.check("Verordening cliëntenraad\n\n" + articles)
    assert len(report.document.articles) == 1500
    started = time.perf_counter()
    page = report_html(report)
    assert time.perf_counter() - started < 1.0
    assert page.count('class="node kind-article') == 1500
