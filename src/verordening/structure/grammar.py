"""The grammar of ``grammars/bylaw.lark`` as Lark compiles it, run over the blocks of the lexer.

Lark builds the LALR table once; :func:`parse_blocks` runs it with a small loop that shifts
each block by its kind and reduces straight to the nodes the parser builds from - (kind,
index of its block, children) - without a token per block, a tree or a transformer called
through Lark's tree builder (Lark's own loop took as long as cutting the text into blocks).
A sequence of blocks the grammar does not allow raises Lark's ``UnexpectedToken``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from attrs import define
from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.parsers.lalr_analysis import Shift

from ..resources import data_dir
from .blocks import Block

__all__ = ["Raw", "parse_blocks"]

# a node as the grammar gives it: its kind, the index of its block, its children
Raw = tuple[str, int, list[Any]]

_KINDS = {"toelichting_article": "toelichting"}
_END = "$END"  # Lark's name for the end of the input
# what a rule makes, besides a node of its kind
_SPLICE = "_"  # a rule for a repetition ("__article_star_6"): its items go to the rule above
_INLINE = "?"  # a rule written "?rule" (before its kind): its one item stands in its place
_START = "start"  # the list of the nodes at the top


class _Reduce(NamedTuple):
    """A rule in the table: its name (the table goes on by it), how many symbols it takes
    from the stack and what it makes of them."""

    rule: str
    size: int
    makes: str


@define(frozen=True)
class _Table:
    """Per state, per symbol: the state to shift to, or the rule to reduce by."""

    actions: dict[int, dict[str, int | _Reduce]]
    start: int
    end: int


@lru_cache(maxsize=1)
def _table() -> _Table:
    grammar = (data_dir("grammars") / "bylaw.lark").read_text(encoding="utf-8")
    table: Any = Lark(grammar, parser="lalr", lexer="basic").parser.parser._parse_table
    actions = {
        # (Lark names some symbols with its tokens, strings that compare slowly: made plain here)
        state: {
            str(symbol): arg if action is Shift else _reduction(arg) for symbol, (action, arg) in row.items()
        }
        for state, row in table.states.items()
    }
    return _Table(actions, table.start_states["start"], table.end_states["start"])


def _reduction(rule: Any) -> _Reduce:
    name = str(rule.alias or rule.origin.name)
    if name.startswith("_"):
        makes = _SPLICE
    else:
        makes = _START if name == _START else _KINDS.get(name, name)
        makes = _INLINE + makes if rule.options.expand1 else makes
    return _Reduce(str(rule.origin.name), len(rule.expansion), makes)


def parse_blocks(blocks: list[Block]) -> list[Raw]:
    """The nodes the grammar makes of the blocks, in order."""
    table = _table()
    actions, states = table.actions, [table.start]
    values: list[Any] = []  # block indexes, nodes, and the items of repetitions
    for index, kind in enumerate([*(block.kind for block in blocks), _END]):
        action = actions[states[-1]].get(kind)
        while type(action) is _Reduce:
            rule, size, makes = action
            taken = values[len(values) - size :]
            del states[len(states) - size :], values[len(values) - size :]
            values.append(_made(makes, taken))
            state = actions[states[-1]][rule]
            if state == table.end:
                return values[-1]  # type: ignore[no-any-return]
            states.append(state)  # type: ignore[arg-type]
            action = actions[state].get(kind)  # type: ignore[index]
        if action is None:
            expected = {symbol for symbol in actions[states[-1]] if symbol.isupper()}
            raise UnexpectedToken(Token(kind, str(index)), expected)  # type: ignore[no-untyped-call]
        states.append(action)  # type: ignore[arg-type]
        values.append(index)
    raise AssertionError("the table ends every input at its end")


def _made(makes: str, taken: list[Any]) -> Any:
    """What a rule makes of the symbols it took: the items of a repetition go in its place. (A
    repetition is made one item at a time, each rule taking the items so far: they are added to
    in place - only the stack held them - not copied, which would cost the square of their number.)"""
    grows = makes == _SPLICE and taken and type(taken[0]) is list
    items: list[Any] = taken[0] if grows else []
    for item in taken[1:] if grows else taken:
        if type(item) is list:
            items.extend(item)
        else:
            items.append(item)
    if makes in (_SPLICE, _START):
        return items
    if makes[0] == _INLINE:
        if len(items) == 1:
            return items[0]
        makes = makes[1:]
    index, *children = items
    return (makes, index, children)
