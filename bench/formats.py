"""Every corpus text in every input format: do the readers give the text's structure and check?

    .venv/bin/python bench/formats.py [--out /tmp/formats] [--show 5] [FILES...]

Converts each text (default ``corpus/*.txt``) in code into Word numbered by Word, Word
numbered by styles, an official HTML page (metadata-block layout), CVDR XML and a two-column
PDF (``tests/formats.py``), reads each with ``verordening.parse_file`` and checks it with the
built-in pipeline as of the gold file's date, and compares with the text: the ids of the
articles, leden and onderdelen, the verdict and the status of each element. Prints per
format the texts compared, the texts that differ and the first differences; the files are
written under ``--out`` (a folder under /tmp). Figures only, no asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.formats import FORMATS, differences, numbered, outline, statuses, write_all  # noqa: E402

import verordening  # noqa: E402


def as_of(path: Path) -> str:
    gold = path.with_name(path.name.removesuffix(".txt") + ".gold.json")
    if gold.exists():
        return str(json.loads(gold.read_text(encoding="utf-8")).get("as_of") or "2026-06-01")
    return "2026-06-01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="folder for the converted files (under /tmp)")
    parser.add_argument("--show", type=int, default=5, help="differences printed per format")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "corpus").glob("*.txt"))
    out = args.out or Path(tempfile.mkdtemp(prefix="formats-", dir="/tmp"))
    out.mkdir(parents=True, exist_ok=True)
    differ: dict[str, list[tuple[str, list[str]]]] = {name: [] for name in FORMATS}
    errors: dict[str, list[str]] = {name: [] for name in FORMATS}
    start = time.perf_counter()
    native = labelled = styled = 0
    for path in files:
        date = as_of(path)
        counts = numbered(path.read_text(encoding="utf-8"))
        native, labelled, styled = native + counts[0], labelled + counts[1], styled + counts[2]
        paths = write_all(path.read_text(encoding="utf-8"), out, path.stem)
        reference = verordening.parse_file(paths["txt"])
        expected = (outline(reference), statuses(reference, date))
        for name in FORMATS:
            try:
                found = differences(expected, paths[name], date)
            except Exception as error:  # a reader failing is a figure too
                errors[name].append(f"{path.stem}: {type(error).__name__}: {error}")
                continue
            if found:
                differ[name].append((path.stem, found))
    print(f"{len(files)} texts, {time.perf_counter() - start:.1f} s, files in {out}")
    print(
        f"leden and onderdelen numbered by the format (the rest typed): {native} of {labelled}; "
        f"article headings numbered by style in {styled} of {len(files)} texts"
    )
    print(f"{'format':14} {'compared':>8} {'differ':>7} {'errors':>7}")
    for name in FORMATS:
        print(f"{name:14} {len(files):8} {len(differ[name]):7} {len(errors[name]):7}")
    for name in FORMATS:
        for stem, found in differ[name][: args.show]:
            print(f"  {name} {stem}: " + "; ".join(found))
        for line in errors[name][: args.show]:
            print(f"  {name} error {line}")


if __name__ == "__main__":
    main()
