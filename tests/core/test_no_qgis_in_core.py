"""The core (sundplan_qgis/) must never import qgis or QGIS's processing package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE_DIR = Path(__file__).resolve().parents[2] / "sundplan_qgis"
FORBIDDEN = ("qgis", "processing", "PyQt5", "PyQt6", "sip")


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call):
            # importlib.import_module("qgis...") / __import__("qgis...")
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if name in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((node.lineno, arg.value))
    return found


CORE_FILES = sorted(CORE_DIR.rglob("*.py"))


def test_core_has_modules():
    assert CORE_FILES, f"no .py files under {CORE_DIR}"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE_DIR)))
def test_core_module_does_not_import_qgis(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [
        f"{path.name}:{line}: import {module}"
        for line, module in _imported_modules(tree)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert not bad, "the core must not import QGIS:\n" + "\n".join(bad)
