"""Check latency per bylaw, for the built-in pipeline and for a statistical model.

    .venv/bin/python bench/check.py [--runs 20] [--model PATH] [FILES...]

For each pipeline: per-bylaw latency of ``verordening.check`` (median and p95 over N
runs), documents per second, and the ratio of the total check time to spaCy's
tokenisation (``spacy.blank("nl")``) of the same texts; for the model also the ratio to
running that model over the whole text. Without files: ``corpus/*.txt`` and, when
present, ``../shared/real/full/uwv2009.txt``. Model default: ``../shared/models/nl_ud_sm``.
Figures only; run it on an idle machine (``taskset -c 0`` for one core).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import verordening
from verordening.language import load_pipeline

ROOT = Path(__file__).resolve().parents[1]


def timings(function: Callable[[], object], runs: int) -> list[float]:
    function()  # warm up: models and rules loaded, caches filled
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        found.append(time.perf_counter() - start)
    return found


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


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
    tokenise = {
        name: statistics.median(timings(lambda t=text: blank.make_doc(t), args.runs)) for name, text in texts
    }

    pipelines = [("builtin", "builtin")]
    if Path(args.model).exists():
        pipelines.append(("model", args.model))
    for label, model in pipelines:
        nlp, info = load_pipeline(model)
        whole = {}
        if info.kind == "model":
            whole = {
                name: statistics.median(timings(lambda t=text, n=nlp: n(t), max(3, args.runs // 4)))
                for name, text in texts
            }
        medians, p95s = [], []
        print(f"\n{label}: {info.name} {info.version}")
        print(
            f"{'file':40} {'median ms':>9} {'p95 ms':>8} {'÷ tokenise':>10}"
            + (f" {'÷ model':>8}" if whole else "")
        )
        for name, text in texts:
            found = timings(lambda t=text, m=model: verordening.check(t, model=m), args.runs)
            median = statistics.median(found)
            medians.append(median)
            p95s.append(p95(found))
            ratio = median / tokenise[name]
            line = f"{name[:40]:40} {median * 1000:9.1f} {p95(found) * 1000:8.1f} {ratio:10.2f}"
            if whole:
                line += f" {median / whole[name]:8.2f}"
            print(line)
        total = sum(medians)
        print(
            f"{'all ' + str(len(texts)) + ' bylaws':40} {statistics.median(medians) * 1000:9.1f} "
            f"{statistics.median(p95s) * 1000:8.1f} {total / sum(tokenise.values()):10.2f}"
            + (f" {total / sum(whole.values()):8.2f}" if whole else "")
        )
        print(f"documents per second: {len(texts) / total:.1f}")
        print(
            f"total check time / spaCy tokenisation of the same texts: {total / sum(tokenise.values()):.2f}"
        )
        if whole:
            print(f"total check time / the model over the whole texts: {total / sum(whole.values()):.2f}")


if __name__ == "__main__":
    main()
