"""Defined terms read where a provision uses them (``rules/defined.py``)."""

from __future__ import annotations

import verordening
from verordening.language import units_of
from verordening.rules.defined import terms_used

TEXT = """Verordening cliëntenparticipatie Voorbeeld

Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder:
a. adviesraad: de Adviesraad Sociaal Domein Voorbeeld;
b. overleg: het overleg tussen de adviesraad en de wethouder.

Artikel 2 Overleg
1. Het overleg vindt elk kwartaal plaats.
2. De adviesraad houdt een overlegvergadering met zijn achterban.
"""


def _used() -> dict[str, set[str]]:
    checker = verordening.Checker(model="builtin")
    document = verordening.parse(TEXT)
    units = units_of(document)
    matches = checker.read(document, units)
    return {
        units[u].node.citation: {units[d].node.citation for d in found}
        for u, found in terms_used(units, matches.words).items()
    }


def test_a_provision_uses_the_terms_it_names_as_whole_words() -> None:
    used = _used()
    assert used["artikel 2, eerste lid"] == {"artikel 1, onderdeel b"}
    # "overlegvergadering" is no use of "overleg"; "adviesraad" is
    assert used["artikel 2, tweede lid"] == {"artikel 1, onderdeel a"}
    assert not any(cited.startswith("artikel 1") for cited in used)  # (definitions use none)


def test_the_consultation_named_only_by_its_defined_term_is_granted() -> None:
    report = verordening.check(TEXT, frameworks=["participatiewet"])
    finding = next(f for f in report.findings if f.element == "periodic_consultation")
    assert finding.status.value == "present"
    assert [c.citation for c in finding.citations] == ["artikel 2, eerste lid"]
