"""``python -m verordening`` runs the command line."""

from .cli import run

run()
