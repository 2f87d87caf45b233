"""One serialiser for every value class: attrs fields in order -> JSON data.

A field is written under its own name, in the order the class declares it. Field
metadata says where a field differs: :data:`SKIP` leaves it out (the parsed document
behind a report, a lookup key), :data:`OMIT_EMPTY` leaves it out when it is empty.
Enumerations become their values, tuples become lists.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import attrs

from .escape import json_escaped

__all__ = ["OMIT_EMPTY", "SKIP", "AsData", "to_data", "to_json"]

SKIP = {"json": "skip"}
OMIT_EMPTY = {"json": "omit_empty"}


def to_data(value: Any) -> Any:
    """``value`` as JSON data: dicts, lists, strings, numbers, booleans and None."""
    if attrs.has(type(value)):
        data: dict[str, Any] = {}
        for field in attrs.fields(type(value)):
            how = field.metadata.get("json")
            item = getattr(value, field.name)
            if how == "skip" or (how == "omit_empty" and not item):
                continue
            data[field.name] = to_data(item)
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {to_data(key): to_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    return value


def to_json(value: Any, indent: int | None = 2) -> str:
    return json_escaped(json.dumps(to_data(value), ensure_ascii=False, indent=indent))


class AsData:
    """``to_dict`` and ``to_json`` for a value class whose fields are its JSON."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_data(self)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return to_json(self, indent)
