"""Bulk-scan throughput: the same scan in this process, in two worker processes and on Dask.

    .venv/bin/python bench/scan.py [--count 2000] [--engines 1,2,dask] [--seed 11] [--keep DIR]
    .venv/bin/python bench/scan.py --count 10000 --engines 2 --no-corpus    # the 10,000 figure

Scans ``corpus/`` (with its blind sets), ``../shared/real/`` when it is there, and ``--count``
variants of the corpus bylaws (``bench/variants.py``, written to a temporary folder) with
``verordening.bulk`` - once per engine: ``1`` (jobs=1, in this process), ``2`` (jobs=2, two
worker processes), ``dask`` (a local Dask cluster of two workers). For each it prints the
documents per second (the whole scan: start-up, checks, the store, the table), the peak
resident memory of each worker process (sampled from /proc through psutil; for jobs=1 the
process itself), and at the end the ratio jobs=2 / jobs=1 and whether the tables are
identical. The acceptance of the scan asks for a ratio of at least 1.7, under 400 MB per
worker with the built-in pipeline, and 10,000 bylaws in at most 2 minutes on two cores.
Figures only; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

import verordening

sys.path.insert(0, str(Path(__file__).resolve().parent))
from variants import generate  # (a script beside this one)

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
MB = 1024 * 1024
ENGINES: dict[str, dict[str, Any]] = {
    "1": {"jobs": 1},
    "2": {"jobs": 2},
    "dask": {"jobs": 2, "engine": "dask"},
}


class Peaks:
    """Samples the resident memory of this process and of all its descendants (worker
    processes, a Dask nanny's worker) every ``interval`` seconds, keeping each one's peak."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[int, tuple[int, str]] = {}
        self.stop = threading.Event()
        self.me = psutil.Process()

    def sample(self) -> None:
        for process in [self.me, *self.me.children(recursive=True)]:
            try:
                rss = process.memory_info().rss
                name = " ".join(process.cmdline()[1:4])[:60]
            except psutil.Error:
                continue
            before = self.peaks.get(process.pid)
            # a new program in the process (a spawned worker between its fork and its exec still
            # shows this process's memory and command line): its peak starts afresh
            if before is None or before[1] != name or rss > before[0]:
                self.peaks[process.pid] = (rss, name)

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            self.sample()

    def workers(self) -> list[int]:
        """Peaks of the worker processes, largest first: the descendants, or this process
        when it had none that held work (jobs=1). A Dask nanny, which only watches its
        worker, is left out."""
        children = [
            rss for pid, (rss, name) in self.peaks.items() if pid != self.me.pid and "nanny" not in name
        ]
        big = [rss for rss in children if rss > 100 * MB]  # helpers (resource trackers) are tiny
        return sorted(big or [self.peaks.get(self.me.pid, (0, ""))[0]], reverse=True)


@contextmanager
def sampling() -> Iterator[Peaks]:
    peaks = Peaks()
    thread = threading.Thread(target=peaks.run, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        peaks.stop.set()
        thread.join()


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def inputs(count: int, seed: int, folder: Path, corpus: bool) -> list[str]:
    """The paths to scan: the corpus, the real texts (when present) and the variants."""
    paths = [str(ROOT / "corpus")] if corpus else []
    if corpus and REAL.is_dir():
        paths.append(str(REAL))
    if count:
        variants = folder / "variants"
        _, seconds = timed(lambda: generate(count, variants, seed))
        print(f"{count} variants written in {seconds:.1f} s to {variants}")
        paths.append(str(variants))
    return paths


def scan(name: str, paths: list[str], folder: Path) -> tuple[Any, float, list[int]]:
    """One scan with engine ``name``: its table, seconds and worker peaks."""
    out = folder / f"scan-{name}.parquet"
    with sampling() as peaks:
        frame, seconds = timed(lambda: verordening.scan(paths, out=out, **ENGINES[name]))
    return frame, seconds, peaks.workers()


def report(name: str, frame: Any, seconds: float, workers: list[int]) -> float:
    summary = frame.attrs["summary"]
    documents = summary["documents"]
    rate = documents / seconds
    memory = ", ".join(f"{rss / MB:.0f}" for rss in workers)
    print(
        f"engine {name:>4}: {documents} documents ({summary['errors']} errors, {len(frame)} rows) "
        f"in {seconds:.1f} s = {rate:.1f} documents/s; 10,000 would take {10_000 / rate:.0f} s; "
        f"peak RSS per worker: {memory} MB"
    )
    return rate


def compare(tables: dict[str, Any]) -> bool:
    names = list(tables)
    same = all(tables[names[0]].equals(tables[other]) for other in names[1:])
    print(f"tables of {', '.join(names)} identical: {'yes' if same else 'NO'}")
    for other in names[1:]:
        if not tables[names[0]].equals(tables[other]):
            left, right = tables[names[0]], tables[other]
            print(f"  {names[0]} vs {other}: {len(left)} vs {len(right)} rows")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="variants to generate (default 2000)")
    parser.add_argument("--engines", default="1,2,dask", help="of 1, 2, dask (default: all three)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-corpus", action="store_true", help="scan only the variants")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    args = parser.parse_args(argv)
    engines = [name for name in args.engines.split(",") if name]
    if not engines or any(name not in ENGINES for name in engines):
        parser.error(f"--engines takes {', '.join(ENGINES)}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="verordening-bench-scan-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        paths = inputs(args.count, args.seed, folder, not args.no_corpus)
        tables, rates, peaks = {}, {}, []
        for name in engines:
            frame, seconds, workers = scan(name, paths, folder)
            tables[name], rates[name] = frame, report(name, frame, seconds, workers)
            peaks.extend(workers)
        if "1" in rates and "2" in rates:
            print(f"ratio jobs=2 / jobs=1: {rates['2'] / rates['1']:.2f} (acceptance: at least 1.7)")
        print(f"largest peak RSS of a worker: {max(peaks) / MB:.0f} MB (acceptance: under 400 MB)")
        same = compare(tables) if len(tables) > 1 else True
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
