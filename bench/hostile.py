"""How long a check takes on hostile texts: each at n, 2n and 4n, with the ratios between them.

    .venv/bin/python bench/hostile.py [--runs 3] [--timeout 120] [--only WORDS] [--big MB]

Every shape in HOSTILE was once quadratic or worse in some stage (``tests/test_linear_time.py``
holds each to linear time at n and 2n). Each size is checked in a process of its own, with the
built-in pipeline: the best of ``--runs`` checks after one to warm up, and the peak memory of
the process; a size that takes longer than ``--timeout`` seconds is reported as such, and the
larger sizes of that shape are skipped. ``--big MB`` also times parsing and checking texts of
that many megabytes of three kinds: a bylaw repeated, a bylaw of many long articles, and text
without headings. Figures only: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAD = (
    "Verordening cliëntenparticipatie Participatiewet Dalmeer 2015\n\n"
    "De raad van de gemeente Dalmeer;\n\ngelet op artikel 47 van de Participatiewet;\n\n"
    "besluit vast te stellen de volgende verordening:\n\n"
)
DEFINITIONS = "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\n"
ARTICLE = (
    "Artikel {n} Advies\n"
    "1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over beleidsvoorstellen.\n"
    "2. Het college verstrekt de cliëntenraad tijdig alle informatie.\n\n"
)
SENTENCE = "De cliëntenraad brengt het college advies uit. "


def in_lid(text: str) -> str:
    """``text`` in a lid of a bylaw."""
    return HEAD + ARTICLE.format(n=1) + f"Artikel 2 Slot\n1. Deze verordening {text} treedt in werking.\n"


def definition(value: str) -> str:
    """``value`` as what a term of the definitions means."""
    return HEAD + DEFINITIONS + f"a. adviesraad: {value};\nb. college: het college.\n\n" + ARTICLE.format(n=2)


def _articles(n: int, first: int = 1) -> str:
    return HEAD + "".join(ARTICLE.format(n=first + i) for i in range(n))


def _leden(n: int) -> str:
    return HEAD + "Artikel 1 Advies\n" + "".join(f"{i + 1}. {SENTENCE}\n" for i in range(n))


def _abbreviations(n: int) -> str:
    return HEAD + DEFINITIONS + "".join(f"a. raad{i}: de Adviesraad Plein {i} (AP{i});\n" for i in range(n))


def _bodies(n: int) -> str:
    return (
        HEAD
        + DEFINITIONS
        + "".join(f"{i + 1}. adviesraad {i}: de Adviesraad Plein {i} (AP{i});\n" for i in range(n))
        + "\n"
        + ARTICLE.format(n=2)
    )


def _two_bodies(n: int) -> str:
    return (
        HEAD
        + DEFINITIONS
        + "1. Wmo-raad: de Wmo-raad Dalmeer;\n2. KWI: de Klantenraad Werk en Inkomen Dalmeer.\n\n"
        + "Artikel 2 Advies\n1. De KWI adviseert. "
        + "Het college vraagt advies en voert overleg. " * n
        + "\n2. Met de Wmo-raad overlegt de wethouder zo vaak als nodig.\n"
    )


# every hostile shape: a text of size n (what n counts differs per shape), and the n at which a
# check takes about a tenth of a second
HOSTILE: dict[str, tuple[Callable[[int], str], int]] = {
    # found by probing: each took tens of seconds, or never ended
    "raad van, repeated in a definition": (
        lambda n: definition("de " + "raad van " * n),
        20_000,
    ),
    "a run of [": (lambda n: in_lid("[" * n), 200_000),
    "a run of )": (lambda n: in_lid(")" * n), 400_000),
    "articles": (_articles, 300),
    "articles numbered from 10000": (lambda n: _articles(n, 10_000), 300),
    "one long provision": (lambda n: HEAD + "Artikel 1 Advies\n1. " + SENTENCE * n + "\n", 2_400),
    # found since
    "one long sentence": (
        lambda n: HEAD + "Artikel 1 Advies\n1. " + "de cliëntenraad adviseert het college, en " * n + "\n",
        1_200,
    ),
    "conditions in one sentence": (
        lambda n: (
            HEAD
            + "Artikel 1 Advies\n1. De cliëntenraad adviseert het college "
            + "indien " * n
            + "over beleid.\n"
        ),
        30_000,
    ),
    "leden of one article": (_leden, 800),
    "definitions with abbreviations": (_abbreviations, 1_600),
    "definitions of bodies": (_bodies, 800),
    "two bodies and one long provision": (_two_bodies, 1_200),
    "an article applied with exceptions, repeated": (
        lambda n: (
            HEAD
            + ARTICLE.format(n=1)
            + "\nArtikel 2 Toepassing\n1. "
            + "Artikel 1 is van toepassing, met uitzondering van het tweede lid; " * n
            + "\n"
        ),
        800,
    ),
    "a hyphenated line after the articles": (
        lambda n: HEAD + ARTICLE.format(n=1) + "A" + "-a" * n + "x\n",
        400_000,
    ),
    "a first line of table labels": (
        lambda n: "Organisatietype" * n + "x\n" + HEAD + ARTICLE.format(n=1),
        10_000,
    ),
    "Markdown link marks": (lambda n: in_lid("[" * n + "](x) " + "](" * n + ")"), 20_000),
    "drafters' notes without an end": (lambda n: in_lid("[opmerking " * n), 20_000),
    "definitions one to a line, one of them continued": (
        lambda n: (
            HEAD
            + "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\nadviesraad: de adviesraad;\n"
            + "college: het college\n"
            + "van de gemeente\n" * n
            + "".join(f"term{i}: betekenis;\n" for i in range(n))
            + "\n"
            + ARTICLE.format(n=2)
        ),
        2_000,
    ),
    "a table with an explanation column": (
        lambda n: in_lid("als volgt:\nRecht | Inhoud | Toelichting\n" + "Advies | gevraagd | uitleg\n" * n),
        4_000,
    ),
    # (from 800,000 letters: at 400,000 the first doubling measured 2.6x on one machine, the next
    # 2.1x - the word outgrowing a cache, not the work growing faster)
    "a hyphen before a long word": (lambda n: definition("de jongeren- en " + "o" * n + "raad"), 800_000),
    # a provision ending another one, full of the verb of coming into force without "in werking"
    "an ending provision repeating 'treedt'": (
        lambda n: in_lid("Artikel 1 vervalt met ingang van 1 januari 2017, " + "treedt " * n + "."),
        20_000,
    ),
    "a title repeating a subject": (
        lambda n: (
            "Intitulé\n" + "maatschappelijke ondersteuning " * n + "raad\n\n" + HEAD + ARTICLE.format(n=1)
        ),
        20_000,
    ),
}


def _big(kind: str, size: int) -> str:
    """A text of about ``size`` characters: a bylaw of the corpus repeated, a bylaw of many long
    articles (within the limit on articles), or text without headings."""
    if kind == "repeated":
        bylaw = (ROOT / "corpus" / "a01_dalmeer_pw.txt").read_text(encoding="utf-8")
        return (bylaw * (size // len(bylaw) + 1))[:size]
    if kind == "articles":
        leden = "".join(f"{i}. {SENTENCE * 3}\n" for i in range(1, 60))
        article = "Artikel {n} Advies\n" + leden + "\n"
        return HEAD + "".join(article.format(n=i + 1) for i in range(size // len(article)))
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _one(name: str, size: int, runs: int) -> dict[str, object]:
    """Check one text in this process: the best of ``runs`` after one to warm up, with the
    garbage collector and (taking turns) without it - the tool's own work."""
    import verordening

    text = HOSTILE[name][0](size)
    verordening.check(HEAD + ARTICLE.format(n=1), model="builtin")
    best, own, outcome = float("inf"), float("inf"), ""
    for run in range(2 * runs + 2):
        gc.collect()
        if run % 2:
            gc.disable()
        start = time.perf_counter()
        try:
            outcome = str(verordening.check(text, model="builtin").verdict)
        except ValueError as error:  # a limit
            outcome = f"refused: {error}"
        took = time.perf_counter() - start
        gc.enable()
        best, own = (best, min(own, took)) if run % 2 else (min(best, took), own)
    return {"seconds": best, "own": own, "peak_mb": _peak_mb(), "chars": len(text), "outcome": outcome}


def _one_big(kind: str, size: int) -> dict[str, object]:
    """Parse and check one big text in this process."""
    import verordening

    verordening.check(HEAD + ARTICLE.format(n=1), model="builtin")
    text = _big(kind, size)
    start = time.perf_counter()
    document = verordening.parse(text)
    parsed = time.perf_counter() - start
    try:
        outcome = str(verordening.check(document, model="builtin").verdict)
    except ValueError as error:
        outcome = f"refused: {error}"
    checked = time.perf_counter() - start - parsed
    return {"parse": parsed, "check": checked, "peak_mb": _peak_mb(), "chars": len(text), "outcome": outcome}


def _in_process(arguments: list[str], timeout: float) -> dict[str, object] | None:
    """What a process of this script says about one text, or None when it ran out of time."""
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _report(name: str, n: int, runs: int, timeout: float) -> None:
    """Times at n, 2n and 4n, each with the ratio to the one before: with the garbage collector,
    then without it (the tool's own work; the collector's runs over a growing heap add a little)."""
    before: tuple[float, float] | None = None
    for size in (n, 2 * n, 4 * n):
        found = _in_process(["--one", name, str(size), str(runs)], timeout)
        if found is None:
            print(f"  {size:>9,}  longer than {timeout:g} s")
            break
        now = float(found["seconds"]), float(found["own"])  # type: ignore[arg-type]
        last = before or now
        ratios = [f"x{now[i] / last[i]:.1f}" if before and last[i] > 0 else "" for i in (0, 1)]
        before = now
        print(
            f"  {size:>9,}  {now[0]:8.3f} s {ratios[0]:>6}  without gc {now[1]:8.3f} s {ratios[1]:>6}"
            f"  {found['peak_mb']:6.0f} MB  {str(found['outcome'])[:40]}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", default="", help="only the shapes whose name holds these words")
    parser.add_argument("--big", type=float, default=0.0, help="also parse and check texts of this many MB")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--one-big", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], int(args.one[1]), int(args.one[2]))))
        return
    if args.one_big:
        print(json.dumps(_one_big(args.one_big[0], int(args.one_big[1]))))
        return
    for name, (_, n) in HOSTILE.items():
        if args.only in name:
            print(name, flush=True)
            _report(name, n, args.runs, args.timeout)
    for kind in ("repeated", "articles", "prose") if args.big else ():
        found = _in_process(["--one-big", kind, str(int(args.big * 1_000_000))], args.timeout * 10)
        if found is None:
            print(f"{args.big:g} MB {kind}: longer than {args.timeout * 10:g} s")
            continue
        print(
            f"{args.big:g} MB {kind}: parse {found['parse']:.1f} s, check {found['check']:.1f} s, "
            f"peak {found['peak_mb']:.0f} MB, {str(found['outcome'])[:70]}",
            flush=True,
        )


if __name__ == "__main__":
    main()
