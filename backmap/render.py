"""The easy-read summary, made from a Jinja template.

The same function feeds ``backmap render``, the saved ``.md`` beside each
plan and the preview in the app, so they always say the same thing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2

from backmap import checks, content
from backmap.plan import PARTS, Plan

# Control characters (C0, DEL, C1) and the bidi overrides that can hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Characters that can start Markdown structure anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|!~&])")
# Things that only mean something at the start of a line: lists, quotes, headings, rules.
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def plain_text(value: str) -> str:
    """Typed text on one line, with escape sequences and control characters gone."""
    value = _ANSI.sub("", value)
    value = _CONTROL.sub(" ", value)
    return " ".join(value.split())


def md(value: Any) -> str:
    """Escape typed text so it can only ever be words in the summary."""
    text = plain_text(str(value))
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    # "http://" would become a link in many viewers; a zero-width break stops that.
    return text.replace("://", ":\u200b//")


@cache
def environment() -> jinja2.Environment:
    """One environment per process: templates compile once."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("backmap", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md
    return env


def context(plan: Plan) -> dict[str, Any]:
    """Everything the template needs, worked out once, in linear time."""
    helpers = plan.helpers_by_outcome()
    by_id = {o.id: o for o in plan.outcomes}
    parts = []
    for part in PARTS:
        outcomes = [
            {"item": o, "helpers": helpers.get(o.id, [])} for o in plan.outcomes_in(part)
        ]
        activities = [
            {
                "item": a,
                "kind": content.kind_name(a.kind),
                "helps": [by_id[i] for i in a.outcomes if i in by_id],
            }
            for a in plan.activities_in(part)
        ]
        parts.append(
            {
                "key": part,
                "name": content.part_name(part),
                "outcomes": outcomes,
                "activities": activities,
            }
        )
    return {
        "plan": plan,
        "parts": parts,
        "findings": checks.run(plan),
        "glossary": content.glossary(),
        "counts": {
            "outcomes": len(plan.outcomes),
            "activities": len(plan.activities),
        },
    }


def markdown(plan: Plan) -> str:
    return environment().get_template("summary.md.j2").render(context(plan))
