"""The style sheet of the annotated HTML report, kept apart from the markup so that each stays
readable; a Python string, so it travels in the wheel with the module and the report needs no
file beside it.

Colours meet WCAG AA (4.5:1 for text) on their backgrounds; every status also has its own
text label and border style, so nothing depends on colour alone. The print rules drop the
navigation and keep the highlights visible on paper.
"""

from __future__ import annotations

__all__ = ["CSS"]

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --focus: #0b57d0; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--ink); background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
a { color: #0b4fa8; }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem;
  border-bottom: 1px solid var(--line); }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.75rem; font-weight: 700;
  font-size: 0.9rem; white-space: nowrap; border: 2px solid currentColor; }
.badge[data-status=present] { color: #0a5c24; background: #e3f4e8; }
.badge[data-status=partial] { color: #6b4100; background: #fff1cc; border-style: dashed; }
.badge[data-status=missing] { color: #9c1111; background: #fde6e6; border-style: double; border-width: 3px; }
.badge[data-status=not_applicable] { color: #4a4a4a; background: #f0f0f0; border-style: dotted; }
.element { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.25rem 1rem 0.75rem;
  margin: 1rem 0; }
.element h3 { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.why li { margin: 0.25rem 0; }
.suggestion { margin: 0.5rem 0; padding: 0.5rem 1rem; border-left: 4px solid #0b4fa8; background: #eef3fb; }
.suggestion p { margin: 0.25rem 0; }
.muted { color: var(--muted); }
.bylaw section { margin: 0 0 0 0.75rem; }
.bylaw > section { margin-left: 0; }
.bylaw .text { margin: 0.2rem 0; white-space: pre-wrap; }
.bylaw .kind-article > .heading, .bylaw .kind-chapter > .heading, .bylaw .kind-afdeling > .heading,
.bylaw .kind-paragraaf > .heading, .bylaw .kind-annex > .heading, .bylaw .kind-toelichting > .heading,
.bylaw .kind-title > .heading { font-weight: 700; margin-top: 1rem; }
.bylaw .kind-chapter > .heading, .bylaw .kind-title > .heading { font-size: 1.15rem; }
.bylaw .cited { background: #fff8d6; border-left: 4px solid #6b4100; padding: 0.25rem 0.5rem;
  margin: 0.35rem 0; }
.marks { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0 0 0.2rem; }
.mark { font-size: 0.85rem; font-weight: 700; text-decoration: none; padding: 0 0.45rem;
  border-radius: 0.25rem; border: 2px solid currentColor; background: #fff; }
.mark[data-status=present] { color: #0a5c24; }
.mark[data-status=partial] { color: #6b4100; border-style: dashed; }
.mark[data-status=missing] { color: #9c1111; }
.back { font-size: 0.9rem; }
@media (max-width: 40rem) {
  body { padding: 0.75rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
  table, caption, thead, tbody, tr, th, td { display: block; }
  caption { text-align: left; }
  thead { position: absolute; left: -999px; }
  tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  td { border: 0; padding: 0.1rem 0; }
  .bylaw section { margin-left: 0.35rem; }
}
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  .skip, .back, nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .element, .cited { break-inside: avoid; }
  .bylaw .cited, .badge, .mark, .suggestion { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
}
"""
