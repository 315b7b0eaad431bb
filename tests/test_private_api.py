"""Textual's private parts are touched in one module only (backmap/compat.py).

A Textual upgrade then breaks at most that module, and tests/test_compat.py says so.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import textual

PACKAGE = Path(__file__).resolve().parent.parent / "backmap"
ALLOWED = {PACKAGE / "compat.py"}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p not in ALLOWED)


def own_private_names() -> set[str]:
    """Underscore names that backmap itself defines: its own are free to use."""
    names: set[str] = set()
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id == "self":
                    names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if name.startswith("_")}


def test_no_module_but_compat_imports_a_private_textual_module() -> None:
    found = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if module.startswith("textual") and any(part.startswith("_") for part in module.split(".")):
                found.append(f"{path.name}:{node.lineno} {node.module}")
    assert not found


def test_no_module_but_compat_uses_an_underscore_name_it_did_not_make() -> None:
    ours = own_private_names()
    found = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                not isinstance(node, ast.Attribute)
                or not node.attr.startswith("_")
                or node.attr.startswith("__")
            ):
                continue
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                continue  # os._exit: Python's own, not Textual's
            if node.attr not in ours:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .{node.attr}")
    assert not found, found


def test_no_class_outside_compat_overrides_a_private_textual_method() -> None:
    found = []
    for path in modules():
        if path.name == "__main__.py":
            continue  # running it starts backmap
        name = "backmap." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        module = importlib.import_module(name.removesuffix(".__init__"))
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            textual_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith(textual.__name__)]
            for attribute, value in vars(cls).items():
                if not inspect.isfunction(value) or value.__module__ != module.__name__:
                    continue  # Textual's own class machinery sets some on every class
                private = attribute.startswith("_") and not attribute.startswith("__")
                if private and any(attribute in vars(base) for base in textual_bases):
                    found.append(f"{name}.{cls.__name__}.{attribute}")
    assert not found, found
