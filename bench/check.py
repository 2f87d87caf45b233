"""Check latency per bylaw, for the built-in pipeline and for a statistical model.

    .venv/bin/python bench/check.py [--runs 20] [--model PATH] [FILES...]

For each pipeline: per-bylaw latency of ``verordening.check`` (median and p95 over N
runs), documents per second, and the ratio of the check time to spaCy's tokenisation
(``spacy.blank("nl")``) of the same text; for the model also the ratio to running that
model over the whole text. The runs of the check and of what it is compared with take
turns, so a busy machine slows both alike. Ratios are given over all texts together
(total check time / total reference time) and per text (median and worst).

Without files: ``corpus/*.txt`` and, when present, ``../shared/real/full/uwv2009.txt``.
Model default: ``../shared/models/nl_ud_sm``. Figures only; run it on an idle machine
(``taskset -c 0`` for one core).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

import verordening

ROOT = Path(__file__).resolve().parents[1]


def seconds(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(text: str, checker: verordening.Checker, runs: int, blank: Language) -> dict[str, float]:
    """Median times of the check, of tokenising and (for a model) of the model over the text."""
    jobs: dict[str, Callable[[], object]] = {
        "check": lambda: checker.check(verordening.parse(text)),
        "tokenise": lambda: blank.make_doc(text),
    }
    if checker.model is not None:
        model = checker.model
        jobs["whole"] = lambda: model(text)
    found: dict[str, list[float]] = {key: [] for key in jobs}
    for job in jobs.values():  # warm up: models and rules loaded, caches filled
        job()
    for run in range(runs):
        for key, job in jobs.items():
            if key != "whole" or run % 4 == 0:  # the model over the whole text is slow
                found[key].append(seconds(job))
    result = {key: statistics.median(values) for key, values in found.items()}
    result["p95"] = p95(found["check"])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--model", default=str(ROOT.parent / "shared" / "models" / "nl_ud_sm"))
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "corpus").glob("*.txt"))
    real = ROOT.parent / "shared" / "real" / "full" / "uwv2009.txt"
    if not args.files and real.exists():
        files.append(real)
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in files]
    blank = spacy.blank("nl")

    pipelines = [("builtin", "builtin")]
    if Path(args.model).exists():
        pipelines.append(("model", args.model))
    for label, model in pipelines:
        checker = verordening.Checker(model=model)
        info = checker.pipeline
        whole = checker.model is not None
        print(f"\n{label}: {info.name} {info.version}")
        print(
            f"{'file':40} {'median ms':>9} {'p95 ms':>8} {'÷ tokenise':>10}"
            + (f" {'÷ model':>8}" if whole else "")
        )
        rows = []
        for name, text in texts:
            row = measure(text, checker, args.runs, blank)
            rows.append(row)
            line = f"{name[:40]:40} {row['check'] * 1000:9.1f} {row['p95'] * 1000:8.1f}"
            line += f" {row['check'] / row['tokenise']:10.2f}"
            if whole:
                line += f" {row['check'] / row['whole']:8.2f}"
            print(line)
        total = sum(row["check"] for row in rows)
        print(
            f"{'all ' + str(len(texts)) + ' bylaws (median)':40} "
            f"{statistics.median(row['check'] for row in rows) * 1000:9.1f} "
            f"{statistics.median(row['p95'] for row in rows) * 1000:8.1f}"
        )
        print(f"documents per second: {len(texts) / total:.1f}")
        references = (("tokenise", "spaCy tokenisation"), ("whole", "the model over the whole text"))
        for reference, words in references:
            if reference not in rows[0]:
                continue
            ratios = [row["check"] / row[reference] for row in rows]
            print(
                f"check time / {words}: {total / sum(row[reference] for row in rows):.2f} over all texts; "
                f"per text median {statistics.median(ratios):.2f}, worst {max(ratios):.2f}"
            )


if __name__ == "__main__":
    main()
