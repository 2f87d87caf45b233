"""Stage 3: the language layer - provisions, roles and the spaCy pipelines.

- :mod:`.units`: the provisions the rules read, cut where the parser cut the bylaw;
- :mod:`.roles`: who is who - the participation body, the college, the council;
- :mod:`.forms`: the plurals and singulars of role names;
- :mod:`.bodies`: the bodies a bylaw sets up side by side, each with its names;
- :mod:`.references`: the provisions each provision points at ("bedoeld in het eerste lid");
- :mod:`.pipeline`: the built-in pipeline or a statistical model, reading provisions.
"""

from __future__ import annotations

from .bodies import Body, distinct_bodies
from .pipeline import (
    PROVISION_CHARS,
    LookupLemmas,
    ModelError,
    Pipeline,
    Reading,
    builtin_pipeline,
    chosen_model,
    load_pipeline,
    parts_of,
    read_units,
    reparse,
)
from .references import not_in_force, resolve_references
from .roles import RoleMarker, Roles, find_roles
from .units import Unit, units_of

__all__ = [
    "PROVISION_CHARS",
    "Body",
    "LookupLemmas",
    "ModelError",
    "Pipeline",
    "Reading",
    "RoleMarker",
    "Roles",
    "Unit",
    "builtin_pipeline",
    "chosen_model",
    "distinct_bodies",
    "find_roles",
    "load_pipeline",
    "not_in_force",
    "parts_of",
    "read_units",
    "reparse",
    "resolve_references",
    "units_of",
]
