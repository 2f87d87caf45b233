"""Generates variants of the corpus bylaws, so that a bulk scan meets realistic, varied input.

    .venv/bin/python bench/variants.py [--count 2000] [--out FOLDER] [--seed 11] [SOURCES...]

Each variant is one corpus bylaw (``corpus/*.txt`` and ``corpus/blind/*/*.txt`` unless other
files or folders are given) changed the way real bylaws differ from one another: another
municipality's name, its articles renumbered (references to them follow), an article dropped
or repeated, the leden of an article reordered, meeting frequencies changed, and words swapped
for others the corpus itself uses in their place. The same seed gives the same files. Without
``--out`` the variants go to a new temporary folder (never into the repository); the folder
is printed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Wordings that stand in for one another in the corpus; only those the sources use are swapped.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("ten minste", "minimaal", "minstens"),
    ("keer per jaar", "maal per jaar"),
    ("uit eigen beweging", "op eigen initiatief"),
    ("zo spoedig mogelijk", "onverwijld"),
    ("binnen zes weken", "binnen vier weken", "binnen acht weken"),
)
# Names of the participation body; a variant renames its body throughout.
BODIES = ("cliëntenraad", "participatieraad", "adviesraad")
COUNTS = ("twee", "drie", "vier", "vijf", "zes", "acht", "tien")  # "N keer per jaar"
NAME_PARTS = (
    ("Oost", "West", "Noord", "Zuid", "Groot", "Klein", "Nieuw", "Oud", "Hoog", "Laag"),
    ("broek", "dijk", "veen", "hoven", "rade", "wold", "meer", "dam", "kerk", "horst", "lo", "zijl"),
)

ARTICLE = re.compile(r"^(Artikel|ARTIKEL|Art\.)(\s+)(\d+(?:[.:]\d+)*)([a-z]?)\b", re.MULTILINE)
REFERENCE = re.compile(r"\b([Aa]rtikel)(\s+)(\d+)(?!\d|[.:]\d|[a-z])")
OF_A_LAW = re.compile(r"[^;.\n]{0,80}?\bvan (de|het)\b")
LID = re.compile(r"^(\d+)\.(\s)")
MUNICIPALITY = re.compile(r"\bgemeente ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
FREQUENCY = re.compile(r"\b(" + "|".join(COUNTS) + r") (keer|maal) per jaar\b")
BACK_MATTER = re.compile(r"^(Toelichting|TOELICHTING|Algemene toelichting|Artikelsgewijze toelichting)\b")


def sources(paths: list[str]) -> list[Path]:
    """The bylaw texts to vary, sorted (the order is part of what the seed fixes)."""
    if not paths:
        paths = [str(ROOT / "corpus"), str(ROOT / "corpus" / "blind")]
    found: set[Path] = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.update(path.glob("*.txt") if path.name != "blind" else path.glob("*/*.txt"))
        elif path.is_file():
            found.add(path)
    return sorted(found)


def swap(text: str, old: str, new: str) -> str:
    """``old`` replaced by ``new`` as a whole word, keeping a capital first letter."""

    def one(match: re.Match[str]) -> str:
        return new[:1].upper() + new[1:] if match.group(0)[:1].isupper() else new

    return re.sub(rf"\b{re.escape(old)}\b", one, text, flags=re.IGNORECASE)


def rename_municipality(text: str, rng: random.Random) -> str:
    found = MUNICIPALITY.search(text)
    if found is None:
        return text
    new = rng.choice(NAME_PARTS[0]) + rng.choice(NAME_PARTS[1])
    return re.sub(rf"\b{re.escape(found.group(1))}\b", new, text)


def rename_body(text: str, rng: random.Random) -> str:
    used = [body for body in BODIES if re.search(rf"\b{body}\b", text, re.IGNORECASE)]
    if not used:
        return text
    old = used[0]
    return swap(text, old, rng.choice([body for body in BODIES if body != old]))


def change_frequencies(text: str, rng: random.Random) -> str:
    return FREQUENCY.sub(lambda m: f"{rng.choice(COUNTS)} {m.group(2)} per jaar", text)


def use_synonyms(text: str, rng: random.Random, groups: tuple[tuple[str, ...], ...]) -> str:
    for group in groups:
        used = [word for word in group if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)]
        if used and rng.random() < 0.5:
            text = swap(text, used[0], rng.choice(group))
    return text


def split(text: str) -> tuple[str, list[str], str]:
    """Front matter, the articles (each from its heading to the next), and the back matter
    (from a heading of the toelichting on)."""
    lines = re.finditer(r"(?m)^.*$", text)
    back_at = next((m.start() for m in lines if BACK_MATTER.match(m.group(0))), len(text))
    body, back = text[:back_at], text[back_at:]
    starts = [m.start() for m in ARTICLE.finditer(body)]
    if not starts:
        return text, [], ""
    ends = [*starts[1:], len(body)]
    return body[: starts[0]], [body[a:b] for a, b in zip(starts, ends, strict=True)], back


def reorder_leden(article: str, rng: random.Random) -> str:
    """The numbered leden of an article shuffled and numbered again (the heading and any
    text before the first lid stay)."""
    lines = article.split("\n")
    numbered = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := LID.match(line))]
    firsts = [i for i, _ in numbered]
    if len(firsts) < 2 or [n for _, n in numbered] != list(range(1, len(firsts) + 1)):
        return article
    end = len(lines)
    while end > firsts[-1] + 1 and not lines[end - 1].strip():
        end -= 1
    bounds = [*firsts[1:], end]
    leden = [lines[a:b] for a, b in zip(firsts, bounds, strict=True)]
    rng.shuffle(leden)
    renumbered = [LID.sub(f"{n}.\\2", lid[0], count=1) for n, lid in enumerate(leden, 1)]
    flat = [line for n, lid in enumerate(leden) for line in [renumbered[n], *lid[1:]]]
    return "\n".join(lines[: firsts[0]] + flat + lines[end:])


def renumber(front: str, articles: list[str], back: str, start: int) -> str:
    """The articles numbered from ``start`` on, and the references to them made to follow."""
    mapping: dict[str, str] = {}
    out = []
    for index, article in enumerate(articles):
        heading = ARTICLE.match(article)
        assert heading is not None
        new = str(start + index)
        mapping.setdefault(heading.group(3), new)
        out.append(ARTICLE.sub(lambda m, n=new: f"{m.group(1)}{m.group(2)}{n}", article, count=1))
    body = "".join(out)

    def follow(match: re.Match[str]) -> str:
        if OF_A_LAW.match(match.string, match.end()):  # "artikel 7, eerste lid, van de wet"
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{mapping.get(match.group(3), match.group(3))}"

    return front + REFERENCE.sub(follow, body) + REFERENCE.sub(follow, back)


def vary_articles(text: str, rng: random.Random) -> str:
    front, articles, back = split(text)
    if len(articles) < 3:
        return text
    articles = [reorder_leden(a, rng) if rng.random() < 0.3 else a for a in articles]
    roll = rng.random()
    if roll < 0.25:  # an article dropped (not the definitions)
        del articles[rng.randrange(1, len(articles))]
    elif roll < 0.4:  # an article repeated, as in a careless consolidation
        index = rng.randrange(len(articles))
        articles.insert(index + 1, articles[index])
    plain = all((m := ARTICLE.match(a)) and m.group(3).isdigit() for a in articles)
    if plain and rng.random() < 0.5:  # (chapter-numbered articles, "Artikel 2.3", keep theirs)
        return renumber(front, articles, back, rng.choice((1, 1, 2, 11, 101)))
    return front + "".join(articles) + back


def variant(text: str, rng: random.Random, groups: tuple[tuple[str, ...], ...]) -> str:
    """One variant of ``text``: every change drawn from ``rng``."""
    text = rename_municipality(text, rng)
    if rng.random() < 0.4:
        text = rename_body(text, rng)
    if rng.random() < 0.6:
        text = change_frequencies(text, rng)
    text = use_synonyms(text, rng, groups)
    return vary_articles(text, rng)


def generate(count: int, out: Path, seed: int = 11, paths: list[str] | None = None) -> list[Path]:
    """Write ``count`` variants into ``out`` (made if missing); the files written."""
    texts = [(path.stem, path.read_text(encoding="utf-8", errors="replace")) for path in sources(paths or [])]
    if not texts:
        raise SystemExit("no source texts found")
    whole = "\n".join(text for _, text in texts).lower()
    groups = tuple(g for group in SYNONYMS if len(g := tuple(w for w in group if w in whole)) > 1)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        stem, text = texts[rng.randrange(len(texts))]
        path = out / f"v{index:05d}_{stem}.txt"
        path.write_text(variant(text, rng, groups), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", help="bylaw texts or folders (default: the corpus)")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, help="folder (default: a new temporary folder)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="verordening-variants-"))
    written = generate(args.count, out, args.seed, args.sources)
    print(f"{len(written)} variants in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
