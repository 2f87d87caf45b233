"""Where the data files live: inside the installed package, or in the repository.

A wheel carries ``grammars/`` and ``rules/`` inside the package; a checkout (editable
install, tests) reads them from the top of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_dir"]

_REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir(name: str) -> Path:
    """The folder ``name`` (``grammars`` or ``rules``) for this installation."""
    packaged = Path(str(resources.files("verordening") / "_data" / name))
    if packaged.is_dir():
        return packaged
    in_repo = _REPO_ROOT / name
    if in_repo.is_dir():
        return in_repo
    raise FileNotFoundError(f"verordening: data folder '{name}' is missing from this installation")
