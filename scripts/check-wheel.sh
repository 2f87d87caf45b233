#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment and run it from a folder
# outside the repository: proves that grammars and rules travel inside the package.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
.venv/bin/python -m build --wheel --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work"/dist/*.whl 2>&1 | grep -v "^WARNING: Location" || true
"$work/venv/bin/python" -c "import verordening" || { echo "wheel check: install failed"; exit 1; }
cp "$repo/tests/fixtures/structure/word_aanhef_slot.txt" "$work/some.txt"
cd "$work"
"$work/venv/bin/verordening" parse --format json some.txt >"$work/out.json"
"$work/venv/bin/python" -c "import json; d = json.load(open('out.json')); assert d['kind'] == 'document' and d['children'], d"
cited=$("$work/venv/bin/python" -c "import verordening; print(verordening.parse(open('some.txt').read()).articles[0].citation)")
[ "$cited" = "artikel 1" ] || { echo "wheel check: unexpected citation '$cited'"; exit 1; }
cp "$repo/corpus/a01_dalmeer_pw.txt" "$work/bylaw.txt"
code=0
"$work/venv/bin/verordening" check --format json bylaw.txt >"$work/report.json" || code=$?
[ "$code" -le 1 ] || { echo "wheel check: check exited $code"; exit 1; }
"$work/venv/bin/python" -c "import json; d = json.load(open('report.json')); assert d['verdict'] == 'participation_bylaw', d['verdict']"
# the readers' data files travel too: label words of official pages, PDF line patterns
"$work/venv/bin/python" -c "from verordening.load import markup, pdf_text; markup.labels(); pdf_text.words()" \
  || { echo "wheel check: the readers' data files are missing"; exit 1; }
printf '<!DOCTYPE html><html><body><h1>Verordening cli&euml;ntenraad</h1><h2>Artikel 1 Advies</h2>%s</body></html>' \
  '<p>1. De cli&euml;ntenraad adviseert het college.</p>' >"$work/page.html"
"$work/venv/bin/verordening" parse page.html >/dev/null || { echo "wheel check: an HTML page is not read"; exit 1; }
echo "wheel check: installed wheel parses and checks outside the repository (first article: $cited)"
