#!/usr/bin/env python3
"""Extract sundplan's translatable strings and update ``i18n/sundplan_da.ts``.

Usage (from the repository root, plain Python 3, no QGIS needed)::

    python3 i18n/update_ts.py            # update the .ts: new strings unfinished, keep the rest
    python3 i18n/update_ts.py --check    # exit 1 listing untranslated / inconsistent strings
    python3 i18n/update_ts.py --drop-obsolete   # also delete strings no longer in the code

Why not ``pylupdate5``: it does not see through our ``tr()`` wrapper (a module-level function
plus ``SundplanAlgorithm.tr``), files ``self.tr()`` strings under the class name and misses
the ``_display_name`` / ``_help`` class attributes. Python's ``ast`` sees them all.

What counts as a translatable string (all in the one Qt context ``sundplan``):

* the string-literal first argument of ``tr(...)``, ``<anything>.tr(...)``,
  ``QCoreApplication.translate("sundplan", ...)`` / ``translate("sundplan", ...)``,
  ``QT_TRANSLATE_NOOP("sundplan", ...)`` and ``QT_TR_NOOP(...)``;
* the class attributes ``_display_name`` and ``_help`` (literals, implicitly concatenated
  literals or ``"..." + "..."``);
* the values of the ``GROUPS`` dict in ``processing/base.py``;
* in the QGIS-free core (``sundplan_qgis/``): the literal message of ``SundplanError(...)`` /
  ``Cancelled(...)`` / ``msg(...)`` and the literal message argument of ``progress(...)``
  (see "Messages from the core" in ``i18n/README.md``). Core messages built with f-strings
  cannot be translated; they are listed by ``--core-report``.

A translation must keep the source's ``{placeholders}`` (name, conversion and format spec)
and its HTML tags; ``--check`` and ``tests/core/test_i18n.py`` enforce that.
"""

from __future__ import annotations

import argparse
import ast
import re
import string
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

REPO_DIR = Path(__file__).resolve().parents[1]
TS_PATH = REPO_DIR / "i18n" / "sundplan_da.ts"
CONTEXT = "sundplan"
LANGUAGE = "da_DK"

# Qt side (may call tr()): files and folders scanned, relative to the repository root.
QT_SOURCES = ("__init__.py", "plugin.py", "processing")
# QGIS-free core: only message templates (see module docstring).
CORE_SOURCES = ("sundplan_qgis",)

TR_FUNCTIONS = {"tr", "QT_TR_NOOP"}
CONTEXT_FUNCTIONS = {"translate", "QT_TRANSLATE_NOOP"}  # (context, message)
CLASS_ATTRIBUTES = {"_display_name", "_help", "_help_defaults"}
GROUPS_FILE = "processing/base.py"
CORE_MESSAGE_CALLS = {"SundplanError", "Cancelled", "msg", "Message"}  # message = 1st arg
CORE_PROGRESS_CALLS = {"progress"}  # progress(fraction, message): message = 2nd arg


# --------------------------------------------------------------------------- extraction
@dataclass
class Finding:
    """Something the extractor could not take as a translatable string."""

    path: str
    line: int
    kind: str  # "fstring" (tr(f"...") - a bug), "dynamic" (tr(variable)), "core-fstring", ...
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.detail}"


@dataclass
class Extraction:
    """Source strings (in first-seen order) with their locations, plus findings."""

    strings: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    core: set[str] = field(default_factory=set)  # strings that come from the core only
    findings: list[Finding] = field(default_factory=list)

    def add(self, text: str, path: str, line: int, *, core: bool = False) -> None:
        if not text.strip():
            return
        first = text not in self.strings
        self.strings.setdefault(text, []).append((path, line))
        if core and first:
            self.core.add(text)
        elif not core:
            self.core.discard(text)


def _literal(node: ast.AST) -> str | None:
    """The string value of a literal (also ``"a" "b"`` and ``"a" + "b"``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _func_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _describe(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # pragma: no cover - unparse handles every expression in 3.9+
        text = type(node).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _python_files(root: Path, entries: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for entry in entries:
        path = root / entry
        if path.is_file() and path.suffix == ".py":
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.py")) if "__pycache__" not in p.parts)
    return files


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = (...)`` / ``[...]`` assignments (for ``tr(label)`` in loops)."""
    constants: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        if isinstance(value, ast.Tuple | ast.List):
            for target in targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = value
    return constants


def _bind(target: ast.expr, value: ast.expr, out: dict[str, list[ast.expr]]) -> None:
    """Bind loop-target names to the matching parts of one element of a constant."""
    if isinstance(target, ast.Name):
        out.setdefault(target.id, []).append(value)
    elif isinstance(target, ast.Tuple | ast.List) and isinstance(value, ast.Tuple | ast.List):
        for sub_target, sub_value in zip(target.elts, value.elts, strict=False):
            _bind(sub_target, sub_value, out)


class _QtVisitor(ast.NodeVisitor):
    """Finds tr() & co. Resolves ``tr(label)`` where ``label`` loops over a module constant
    (``for _key, label in GROUPINGS``, ``[tr(m) for m in MODES]``, also through
    ``enumerate``): every literal at that position of the constant is translatable."""

    def __init__(self, result: Extraction, path: str, constants: dict[str, ast.expr]):
        self.result = result
        self.path = path
        self.constants = constants
        self.scopes: list[dict[str, list[ast.expr]]] = []

    def _loop_bindings(self, target: ast.expr, iterable: ast.expr) -> dict[str, list[ast.expr]]:
        bindings: dict[str, list[ast.expr]] = {}
        if (
            isinstance(iterable, ast.Call)
            and _func_name(iterable) == "enumerate"
            and iterable.args
            and isinstance(target, ast.Tuple)
            and len(target.elts) == 2
        ):
            iterable, target = iterable.args[0], target.elts[1]
        if isinstance(iterable, ast.Name) and iterable.id in self.constants:
            for element in self.constants[iterable.id].elts:
                _bind(target, element, bindings)
        elif isinstance(iterable, ast.Tuple | ast.List):
            for element in iterable.elts:
                _bind(target, element, bindings)
        return bindings

    def visit_For(self, node: ast.For) -> None:  # noqa: N802
        self.visit(node.iter)
        self.scopes.append(self._loop_bindings(node.target, node.iter))
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()
        for statement in node.orelse:
            self.visit(statement)

    def _visit_comprehension(self, node: ast.expr, elements: list[ast.expr]) -> None:
        bindings: dict[str, list[ast.expr]] = {}
        for generator in node.generators:
            self.visit(generator.iter)
            bindings.update(self._loop_bindings(generator.target, generator.iter))
        self.scopes.append(bindings)
        for generator in node.generators:
            for condition in generator.ifs:
                self.visit(condition)
        for element in elements:
            self.visit(element)
        self.scopes.pop()

    def visit_ListComp(self, node: ast.ListComp) -> None:  # noqa: N802
        self._visit_comprehension(node, [node.elt])

    visit_SetComp = visit_GeneratorExp = visit_ListComp  # noqa: N815

    def visit_DictComp(self, node: ast.DictComp) -> None:  # noqa: N802
        self._visit_comprehension(node, [node.key, node.value])

    def _resolve(self, name: str) -> list[ast.expr] | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def _take(self, node: ast.AST, line: int, what: str) -> None:
        text = _literal(node)
        values = self._resolve(node.id) if isinstance(node, ast.Name) else None
        if text is not None:
            self.result.add(text, self.path, line)
        elif values is not None:
            for value in values:
                if isinstance(value, ast.Call) and _func_name(value) in (
                    CONTEXT_FUNCTIONS | TR_FUNCTIONS
                ):
                    continue  # QT_TRANSLATE_NOOP("sundplan", ...): taken where it is written
                if isinstance(value, ast.Constant) and value.value is None:
                    continue
                value_text = _literal(value)
                if value_text is not None:
                    self.result.add(value_text, self.path, value.lineno)
                else:
                    self.result.findings.append(
                        Finding(self.path, line, "dynamic", f"{what}: {_describe(value)}")
                    )
        elif isinstance(node, ast.JoinedStr):
            self.result.findings.append(
                Finding(self.path, line, "fstring", f"{what}: f-string can never be translated")
            )
        else:
            self.result.findings.append(Finding(self.path, line, "dynamic", _describe(node)))

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 (ast API)
        name = _func_name(node)
        if name in TR_FUNCTIONS and node.args:
            self._take(node.args[0], node.lineno, f"{name}()")
        elif name in CONTEXT_FUNCTIONS and len(node.args) >= 2:
            context = _literal(node.args[0])
            if context == CONTEXT:
                self._take(node.args[1], node.lineno, f"{name}()")
            elif context is not None:
                self.result.findings.append(
                    Finding(self.path, node.lineno, "context", f"context '{context}' is not used")
                )
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        for statement in node.body:
            targets: list[ast.expr] = []
            if isinstance(statement, ast.Assign):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                targets = [statement.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in CLASS_ATTRIBUTES:
                    value = statement.value
                    if isinstance(value, ast.Call) and _func_name(value) in (
                        TR_FUNCTIONS | CONTEXT_FUNCTIONS
                    ):
                        continue  # QT_TRANSLATE_NOOP(...) - taken by visit_Call
                    if _literal(value) == "":
                        continue  # the base class's empty defaults
                    self._take(value, statement.lineno, f"{node.name}.{target.id}")
        self.generic_visit(node)


class _CoreVisitor(ast.NodeVisitor):
    def __init__(self, result: Extraction, path: str):
        self.result = result
        self.path = path

    def _take(self, node: ast.AST, line: int, what: str) -> None:
        text = _literal(node)
        if isinstance(node, ast.Call) and _func_name(node) in CORE_MESSAGE_CALLS:
            return  # progress(f, msg("...", n=n)): the msg() call is taken by visit_Call
        if text is not None:
            self.result.add(text, self.path, line, core=True)
        elif isinstance(node, ast.JoinedStr):
            self.result.findings.append(
                Finding(self.path, line, "core-fstring", f"{what}: {_describe(node)}")
            )
        else:
            self.result.findings.append(
                Finding(self.path, line, "core-dynamic", f"{what}: {_describe(node)}")
            )

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = _func_name(node)
        if name in CORE_MESSAGE_CALLS and node.args:
            self._take(node.args[0], node.lineno, f"{name}()")
        elif name in CORE_PROGRESS_CALLS and len(node.args) >= 2:
            self._take(node.args[1], node.lineno, f"{name}()")
        self.generic_visit(node)


def _groups(tree: ast.Module, result: Extraction, path: str) -> None:
    for statement in tree.body:
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets = [statement.target]
        if any(isinstance(t, ast.Name) and t.id == "GROUPS" for t in targets):
            if isinstance(statement.value, ast.Dict):
                for value in statement.value.values:
                    text = _literal(value)
                    if text is not None:
                        result.add(text, path, value.lineno)


def extract(root: Path = REPO_DIR) -> Extraction:
    """All translatable strings of the plugin under ``root``."""
    result = Extraction()
    for kind, entries in (("qt", QT_SOURCES), ("core", CORE_SOURCES)):
        for file in _python_files(root, entries):
            rel = file.relative_to(root).as_posix()
            if rel.startswith("i18n/"):
                continue
            try:
                tree = ast.parse(file.read_text(encoding="utf-8"), filename=rel)
            except SyntaxError as exc:
                result.findings.append(Finding(rel, exc.lineno or 0, "syntax", str(exc.msg)))
                continue
            if kind == "qt":
                if rel == GROUPS_FILE:
                    _groups(tree, result, rel)
                _QtVisitor(result, rel, _module_constants(tree)).visit(tree)
            else:
                _CoreVisitor(result, rel).visit(tree)
    return result


# --------------------------------------------------------------------------- consistency
_HTML_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)\b([^<>]*)>")
_QT_ARG = re.compile(r"%\d+")


def placeholders(text: str) -> Counter:
    """``str.format`` fields (``{name!r:,.0f}``) and Qt ``%1`` args of ``text``."""
    found: Counter = Counter()
    try:
        for _literal_text, name, spec, conversion in string.Formatter().parse(text):
            if name is not None:
                found[
                    "{"
                    + name
                    + ("!" + conversion if conversion else "")
                    + (":" + spec if spec else "")
                    + "}"
                ] += 1
    except ValueError:  # not a format string (a lone brace): compare {...} tokens literally
        found.update(re.findall(r"\{[^{}]*\}", text))
    found.update(_QT_ARG.findall(text))
    return found


def html_tags(text: str) -> Counter:
    """HTML tags of ``text``, normalised (``<b>``, ``</b>``, ``<a href="...">``)."""
    return Counter(
        f"<{slash}{name.lower()}{attrs.rstrip()}>" for slash, name, attrs in _HTML_TAG.findall(text)
    )


def consistency_problems(source: str, translation: str) -> list[str]:
    """Placeholder and HTML-tag differences between ``source`` and ``translation``."""
    problems = []
    wanted, got = placeholders(source), placeholders(translation)
    if wanted != got:
        missing = sorted((wanted - got).elements())
        extra = sorted((got - wanted).elements())
        problems.append(f"placeholders differ (missing {missing}, unexpected {extra})")
    wanted, got = html_tags(source), html_tags(translation)
    if wanted != got:
        missing = sorted((wanted - got).elements())
        extra = sorted((got - wanted).elements())
        problems.append(f"HTML tags differ (missing {missing}, unexpected {extra})")
    return problems


# --------------------------------------------------------------------------- the .ts file
@dataclass
class TsMessage:
    source: str
    translation: str = ""
    type: str = ""  # "", "unfinished", "obsolete" or "vanished"
    locations: list[tuple[str, int]] = field(default_factory=list)
    comment: str = ""  # <translatorcomment>, kept

    @property
    def finished(self) -> bool:
        return self.type == "" and bool(self.translation.strip())


@dataclass
class TsFile:
    language: str = LANGUAGE
    messages: dict[str, TsMessage] = field(default_factory=dict)  # in file order
    other_contexts: list[ET.Element] = field(default_factory=list)


def read_ts(path: Path = TS_PATH) -> TsFile:
    """Parse a Qt ``.ts`` file (raises ``xml.etree.ElementTree.ParseError`` if malformed)."""
    ts = TsFile()
    if not path.is_file():
        return ts
    root = ET.parse(path).getroot()
    if root.tag != "TS":
        raise ValueError(f"{path}: root element is <{root.tag}>, not <TS>")
    ts.language = root.get("language", LANGUAGE)
    for context in root.findall("context"):
        if (context.findtext("name") or "") != CONTEXT:
            ts.other_contexts.append(context)
            continue
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            translation = "" if element is None else (element.text or "")
            kind = "unfinished" if element is None else element.get("type", "")
            locations = [
                (loc.get("filename", ""), int(loc.get("line", "0") or 0))
                for loc in message.findall("location")
            ]
            ts.messages[source] = TsMessage(
                source, translation, kind, locations, message.findtext("translatorcomment") or ""
            )
    return ts


def _xml(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def write_ts(ts: TsFile, path: Path = TS_PATH) -> None:
    """Write ``ts`` in the layout lupdate uses (locations relative to the .ts file)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{ts.language}" sourcelanguage="en">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for message in ts.messages.values():
        lines.append("    <message>")
        for filename, line in message.locations:
            lines.append(f'        <location filename="{_xml(filename)}" line="{line}"/>')
        lines.append(f"        <source>{_xml(message.source)}</source>")
        if message.comment:
            lines.append(f"        <translatorcomment>{_xml(message.comment)}</translatorcomment>")
        kind = f' type="{message.type}"' if message.type else ""
        lines.append(f"        <translation{kind}>{_xml(message.translation)}</translation>")
        lines.append("    </message>")
    lines.append("</context>")
    for context in ts.other_contexts:
        ET.indent(context, space="    ")
        lines.append(ET.tostring(context, encoding="unicode").rstrip())
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update(ts: TsFile, extraction: Extraction, *, drop_obsolete: bool = False) -> dict[str, int]:
    """Merge the extracted strings into ``ts``; return counts (new, obsolete, ...)."""
    counts = Counter()
    messages: dict[str, TsMessage] = {}
    for source, locations in extraction.strings.items():
        old = ts.messages.get(source)
        locs = [("../" + p, line) for p, line in locations]
        if old is None:
            messages[source] = TsMessage(source, "", "unfinished", locs)
            counts["new"] += 1
        else:
            kind = old.type
            if kind in ("obsolete", "vanished"):  # back in the code: revive
                kind = "" if old.translation.strip() else "unfinished"
                counts["revived"] += 1
            if kind == "" and not old.translation.strip():
                kind = "unfinished"
            messages[source] = TsMessage(source, old.translation, kind, locs, old.comment)
    for source, old in ts.messages.items():
        if source in messages:
            continue
        if drop_obsolete or not old.translation.strip():
            counts["dropped"] += 1
            continue
        counts["obsolete"] += 1
        messages[source] = TsMessage(source, old.translation, "obsolete", [], old.comment)
    ts.messages = messages
    counts["strings"] = len(extraction.strings)
    counts["finished"] = sum(1 for s in extraction.strings if messages[s].finished)
    counts["unfinished"] = counts["strings"] - counts["finished"]
    return dict(counts)


def check(extraction: Extraction, ts: TsFile) -> list[str]:
    """Problems that make the translation incomplete or wrong (empty list: all good)."""
    problems = []
    for source, locations in extraction.strings.items():
        where = "{}:{}".format(*locations[0])
        message = ts.messages.get(source)
        short = source if len(source) <= 90 else source[:87] + "..."
        if message is None or message.type in ("obsolete", "vanished"):
            problems.append(f"{where}: not in the .ts (run i18n/update_ts.py): {short!r}")
        elif not message.finished:
            problems.append(f"{where}: no finished Danish translation: {short!r}")
        else:
            for problem in consistency_problems(source, message.translation):
                problems.append(f"{where}: {problem}: {short!r}")
    for finding in extraction.findings:
        if finding.kind in ("fstring", "syntax"):
            problems.append(str(finding))
    return problems


def apply_translations(ts: TsFile, path: Path) -> int:
    """Fill translations from ``path``, a JSON object {English source: Danish translation}
    (so parallel work can add translations without editing the XML); returns how many were
    set. Sources not in the .ts are reported and skipped; placeholders must match."""
    import json

    applied = 0
    for source, translation in json.loads(path.read_text(encoding="utf-8")).items():
        message = ts.messages.get(source)
        if message is None:
            print(f"{path.name}: not in the code (skipped): {source[:80]!r}")
            continue
        problems = consistency_problems(source, translation)
        if problems:
            print(f"{path.name}: {'; '.join(problems)} (skipped): {source[:80]!r}")
            continue
        message.translation = translation
        message.type = "" if message.type in ("", "unfinished") else message.type
        applied += 1
    return applied


# --------------------------------------------------------------------------- command line
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ts", type=Path, default=TS_PATH, help="the .ts file (default: %(default)s)"
    )
    parser.add_argument("--root", type=Path, default=REPO_DIR, help="plugin folder to scan")
    parser.add_argument("--check", action="store_true", help="only check; exit 1 on problems")
    parser.add_argument("--drop-obsolete", action="store_true", help="delete vanished strings")
    parser.add_argument(
        "--core-report", action="store_true", help="list core messages that cannot be translated"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also list tr(variable)")
    parser.add_argument(
        "--apply",
        type=Path,
        action="append",
        default=[],
        metavar="JSON",
        help="fill translations from a JSON object {English source: Danish} (repeatable)",
    )
    args = parser.parse_args(argv)

    extraction = extract(args.root)
    ts = read_ts(args.ts)

    if args.verbose or args.core_report:
        for finding in extraction.findings:
            if args.verbose and finding.kind in ("dynamic", "context"):
                print(finding)
            if args.core_report and finding.kind.startswith("core-"):
                print(finding)

    if args.check:
        problems = check(extraction, ts)
        total = len(extraction.strings)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) in {total} strings ({args.ts.name}).")
            return 1
        print(f"OK: {total} strings, all translated ({args.ts.name}).")
        return 0

    counts = update(ts, extraction, drop_obsolete=args.drop_obsolete)
    for path in args.apply:
        counts["applied"] = counts.get("applied", 0) + apply_translations(ts, path)
    if args.apply:
        counts["finished"] = sum(1 for s in extraction.strings if ts.messages[s].finished)
        counts["unfinished"] = counts["strings"] - counts["finished"]
    write_ts(ts, args.ts)
    core_fstrings = sum(1 for f in extraction.findings if f.kind == "core-fstring")
    print(
        f"{args.ts}: {counts['strings']} strings ({len(extraction.core)} from the core), "
        f"{counts['finished']} translated, {counts['unfinished']} to translate; "
        f"new {counts.get('new', 0)}, obsolete {counts.get('obsolete', 0)}, "
        f"dropped {counts.get('dropped', 0)}. "
        f"Core f-string messages not translatable: {core_fstrings} (--core-report)."
    )
    for finding in extraction.findings:
        if finding.kind in ("fstring", "syntax"):
            print("ERROR", finding)
    return 0


if __name__ == "__main__":
    sys.exit(main())
