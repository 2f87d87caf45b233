"""The data files of ``rules/``: YAML read safely, checked against a JSON schema.

Every mistake in a data file stops the tool with one line, ``FILE:LINE: reason``: a
YAML syntax error, a key written twice in one mapping, a field the schema does not
allow or a value it refuses. :func:`line_of` finds the line of any place in a file,
so that later checks (a duplicate rule id, a pattern spaCy refuses) can name it too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import yaml
from attrs import define
from referencing import Registry
from referencing.jsonschema import DRAFT202012

__all__ = ["DataFile", "RuleError", "check_data", "read_data", "read_schema"]


class RuleError(Exception):
    """A data file that cannot be used: ``file:line: reason`` on one line."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key that a mapping repeats and aliases (which can
    blow a small file up to any size); dates stay text, as in JSON, so that the schema
    checks them."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            problem = "aliases (*name) are not allowed in a data file"
            raise yaml.composer.ComposerError(None, None, problem, mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a word or a number, not a list or a mapping",
                    key_node.start_mark,
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' occurs twice in this mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _as_text(loader: _Loader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


@define(frozen=True)
class DataFile:
    """A data file as read: its path, its data and its YAML tree (for line numbers)."""

    path: Path
    data: dict[str, Any]
    node: yaml.Node

    def line_of(self, place: Sequence[str | int]) -> int:
        """The line (from 1) of the value at ``place`` (keys and list indices), as deep as it exists."""
        current = self.node
        for step in place:
            if isinstance(current, yaml.MappingNode):
                found = next((v for k, v in current.value if k.value == step), None)
            elif (
                isinstance(current, yaml.SequenceNode) and isinstance(step, int) and step < len(current.value)
            ):
                found = current.value[step]
            else:
                found = None
            if found is None:
                break
            current = found
        return int(current.start_mark.line) + 1

    def error(self, place: Sequence[str | int], reason: str) -> RuleError:
        """An error at ``place`` of this file, ready to raise."""
        return RuleError(f"{self.path}:{self.line_of(place)}: {reason}")


def read_schema(path: Path) -> dict[str, Any]:
    """A schema of ``rules/schema``; the schemas it refers to (``patterns.schema.json``) are
    found beside it."""
    try:
        schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RuleError(f"{path}:1: cannot read the schema ({error})") from None
    return schema


def _registry(folder: Path) -> Registry[Any]:
    """Every schema of the folder under its ``$id``, for the references between them."""
    resources = []
    for path in sorted(folder.glob("*.schema.json")):
        schema = read_schema(path)
        if "$id" in schema:
            resources.append((schema["$id"], DRAFT202012.create_resource(schema)))
    return Registry().with_resources(resources)


def read_data(path: Path, schema_path: Path) -> DataFile:
    """Read ``path`` and check it against the schema at ``schema_path``; :class:`RuleError`
    on any mistake."""
    return check_data(path, read_schema(schema_path), schema_path.parent)


def check_data(path: Path, schema: dict[str, Any], schemas: Path) -> DataFile:
    """Read ``path`` and check it against ``schema`` (which may refer to the schemas in the
    folder ``schemas``); :class:`RuleError` on any mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{path}:1: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}:1: cannot read ({error})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RuleError(f"{path}:{line}: {problem}") from None
    finally:
        loader.dispose()
    if node is None or not isinstance(data, dict):
        raise RuleError(f"{path}:1: the file must hold a mapping")
    found = DataFile(path, data, node)
    validator = jsonschema.Draft202012Validator(
        schema, registry=_registry(schemas), format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        first = errors[0]
        place: list[str | int] = list(first.absolute_path)
        where = "/".join(str(p) for p in place) or "(top)"
        if first.validator == "additionalProperties" and isinstance(first.instance, dict):
            known = first.schema.get("properties", {})
            place += sorted(str(key) for key in first.instance if key not in known)[:1]  # the line of the key
        raise found.error(place, f"{where}: {first.message}")
    return found
