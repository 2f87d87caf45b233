"""Store what the checker says about every corpus bylaw (see tests/test_stored_reports.py).

    .venv/bin/python scripts/store-reports.py [--model PATH]

writes tests/fixtures/reports/corpus.builtin.json, or corpus.model.json with a model.
Run it only when a change of verdicts is intended, and review the difference of the
stored file before committing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_stored_reports import STORED, corpus_reports  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="Store the corpus reports for tests/test_stored_reports.py.")
    parser.add_argument("--model", default="builtin", help="a spaCy pipeline (default: the built-in one)")
    args = parser.parse_args()
    out = STORED / f"corpus.{'builtin' if args.model == 'builtin' else 'model'}.json"
    out.write_text(
        json.dumps(corpus_reports(args.model), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
