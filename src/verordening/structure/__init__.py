"""Stage 2: text -> document model (normalise, classify lines, Lark grammar, citations)."""

from .normalise import normalise
from .parser import parse_text

__all__ = ["normalise", "parse_text"]
