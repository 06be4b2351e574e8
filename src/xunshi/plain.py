"""The document model as plain JSON-able data: what `xunshi parse --json` prints.

Spans become [start, end], partial dates ISO strings as precise as the text
(`2015-11-03`, `2015-11`) and figures' values JSON numbers, so the output reads like the
views and diffs well.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .parse.model import PartialDate, Span


def plain(obj: Any) -> Any:
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if isinstance(obj, PartialDate):
        return str(obj)
    if isinstance(obj, Decimal):  # a figure's value: 12, 86.3
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    return obj
