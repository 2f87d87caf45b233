"""Parse time per bylaw against spaCy tokenisation of the same text.

    .venv/bin/python bench/parse.py [--runs 20] [FILES...]

Prints, per file, the median of N runs of ``verordening.parse`` and of
``spacy.blank("nl")`` tokenisation, their ratio, and the throughput in MB/s; then the
totals for the corpus. Without files: ``corpus/*.txt`` and, when present,
``../shared/real/full/uwv2009.txt``. One process, one core; figures only, no asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import verordening

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(function: Callable[[], object], runs: int) -> float:
    function()  # warm up: grammar built, caches filled
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "corpus").glob("*.txt"))
    real = ROOT.parent / "shared" / "real" / "full" / "uwv2009.txt"
    if not args.files and real.exists():
        files.append(real)
    nlp = spacy.blank("nl")
    print(f"{'file':44} {'KB':>6} {'parse ms':>9} {'spaCy ms':>9} {'ratio':>6} {'MB/s':>6}")
    total_parse = total_tok = total_bytes = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        parse = median_seconds(lambda text=text: verordening.parse(text), args.runs)
        tokenise = median_seconds(lambda text=text: nlp.make_doc(text), args.runs)
        total_parse += parse
        total_tok += tokenise
        total_bytes += size
        print(
            f"{path.name[:44]:44} {size / 1024:6.1f} {parse * 1000:9.2f} {tokenise * 1000:9.2f} "
            f"{parse / tokenise:6.2f} {size / parse / 1e6:6.2f}"
        )
    print(
        f"{'all ' + str(len(files)) + ' files':44} {total_bytes / 1024:6.1f} {total_parse * 1000:9.2f} "
        f"{total_tok * 1000:9.2f} {total_parse / total_tok:6.2f} {total_bytes / total_parse / 1e6:6.2f}"
    )
    print(f"python {sys.version.split()[0]}, spaCy {spacy.__version__}, median of {args.runs} runs")


if __name__ == "__main__":
    main()
