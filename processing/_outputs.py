"""Outputs are all or nothing: checks before computing, temporaries beside the targets,
moved into place only after everything succeeded (used by ``base.SundplanAlgorithm``).

Why redirecting rather than cleaning up: a failed run must not only leave no *new* file, it
must also leave an *older* output of the same name intact (a report from last week, a
GeoPackage loaded in a project). Every file output is therefore written into a hidden folder
``.sundplan-<random>`` beside its target, under the target's own file name (so a GeoPackage's
layer gets the right name), and renamed into place — on the same file system, so each move is
one ``rename`` — after :meth:`SundplanAlgorithm.compute` returned. QGIS's sink machinery needs
nothing special: it is simply given the temporary path. Results, layers to load on completion
and styles are then re-pointed at the final paths. A failure removes the hidden folders and any
folder this run created, so nothing is written.

Not redirected (written by QGIS where it wants them): ``TEMPORARY_OUTPUT``, ``memory:`` and
database URIs (``ogr:``, ``postgres:`` ...).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ..sundplan_qgis.errors import Message
from ._i18n import tr, translate_message

#: Vector formats a sink may be written to (QGIS can write them and read them back as given).
VECTOR_EXTENSIONS = (
    "gpkg",
    "shp",
    "geojson",
    "json",
    "geojsonl",
    "geojsons",
    "fgb",
    "csv",
    "xlsx",
    "ods",
    "sqlite",
    "gml",
    "kml",
    "tab",
)
#: Rasters are written as GeoTIFF.
RASTER_EXTENSIONS = ("tif", "tiff")
NAME_MAX_BYTES = 255
PATH_MAX_BYTES = 4095
TMP_PREFIX = ".sundplan-"
_URI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]+:")
_DESTINATION_TYPES = ("sink", "vectorDestination", "rasterDestination", "fileDestination")
_FOLDER_TYPE = "folderDestination"


def raw_value(value):
    """A parameter value as plain text (an output's destination, an expression); None when
    it is not a plain value (unset, or a data-defined property)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() != QgsProperty.Type.StaticProperty:
            return None
        value = value.staticValue()
    if value is None:
        return None
    return str(value)


def _is_file_path(text: str | None) -> bool:
    if not text or not text.strip() or text.strip() == "TEMPORARY_OUTPUT":
        return False
    return not _URI_RE.match(text.strip())


def _split(text: str) -> tuple[Path, str]:
    """('/abs/path/file.ext', '|layername=...' or '')."""
    path, sep, rest = text.strip().partition("|")
    return Path(os.path.abspath(os.path.expanduser(path))), (sep + rest) if sep else ""


def _label(definition) -> str:
    return tr("'{description}' ({name})").format(
        description=definition.description(), name=definition.name()
    )


def _fail(definition, message: str, **values) -> None:
    raise QgsProcessingException(
        tr("Output {output}: ").format(output=_label(definition)) + message.format(**values)
    )


def _allowed_extensions(definition) -> tuple[str, ...] | None:
    kind = definition.type()
    if kind in ("sink", "vectorDestination"):
        supported = set(definition.supportedOutputVectorLayerExtensions())
        return tuple(e for e in VECTOR_EXTENSIONS if e in supported)
    if kind == "rasterDestination":
        return RASTER_EXTENSIONS
    if kind == "fileDestination":
        found = re.findall(r"\*\.([A-Za-z0-9_.]+)", definition.fileFilter() or "")
        return tuple(dict.fromkeys(e.lower() for e in found)) or None
    return None


def _extension(path: Path) -> str:
    return path.suffix[1:].lower() if path.suffix else ""


def destinations(algorithm, parameters: dict) -> list[tuple[object, Path, str]]:
    """(definition, absolute path, '|...' suffix) of every file/folder output given."""
    out = []
    for definition in algorithm.destinationParameterDefinitions():
        if definition.type() not in (*_DESTINATION_TYPES, _FOLDER_TYPE):
            continue
        text = raw_value(parameters.get(definition.name()))
        if not _is_file_path(text):
            continue
        path, suffix = _split(text)
        out.append((definition, path, suffix))
    return out


def _input_files(algorithm, parameters: dict) -> dict[str, str]:
    """Real path -> parameter name of every file the inputs read."""
    names = {d.name() for d in algorithm.destinationParameterDefinitions()}
    found: dict[str, str] = {}

    def add(value, name):
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source
        if isinstance(value, QgsProperty):
            value = value.staticValue()
        if isinstance(value, QgsMapLayer):
            value = value.source()
        if isinstance(value, list | tuple):
            for v in value:
                add(v, name)
            return
        if isinstance(value, str) and _is_file_path(value):
            path = value.split("|", 1)[0].strip()
            if path and os.path.isfile(path):
                found.setdefault(os.path.realpath(path), name)

    for key, value in parameters.items():
        if key not in names:
            add(value, key)
    return found


def check_destinations(algorithm, parameters: dict) -> None:
    """Every output path can be written, fits its kind, and is used once — before computing.

    Raises a ``QgsProcessingException`` naming the parameter and the fix. Writes nothing.
    """
    seen: dict[tuple[str, str], object] = {}
    inputs = _input_files(algorithm, parameters)
    for definition, path, suffix in destinations(algorithm, parameters):
        folder = definition.type() == _FOLDER_TYPE
        text = str(path)
        if len(os.fsencode(text)) > PATH_MAX_BYTES:
            _fail(definition, tr("the path is too long. Choose a shorter path."))
        for part in path.parts:
            if len(os.fsencode(part)) > NAME_MAX_BYTES:
                _fail(
                    definition,
                    tr(
                        "the name '{name}…' is {size} bytes long; file and folder names can "
                        "have at most {max} bytes. Choose a shorter name."
                    ),
                    name=part[:40],
                    size=len(os.fsencode(part)),
                    max=NAME_MAX_BYTES,
                )
        if not folder:
            allowed = _allowed_extensions(definition)
            if allowed and _extension(path) not in allowed:
                _fail(
                    definition,
                    tr(
                        "the file {file} does not end in {allowed}. Give a file name ending in "
                        ".{first}."
                    ),
                    file=path.name,
                    allowed=", ".join("." + e for e in allowed),
                    first=allowed[0],
                )
            if path.is_dir():
                _fail(
                    definition,
                    tr("{path} is a folder. Give a file name inside it, e.g. {example}."),
                    path=text,
                    example=str(path / ("result." + (allowed[0] if allowed else "gpkg"))),
                )
        elif path.exists() and not path.is_dir():
            _fail(definition, tr("{path} is a file, not a folder. Choose a folder."), path=text)
        ancestor = path.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            _fail(
                definition,
                tr(
                    "{path} cannot be written: it lies under {file}, which is a file, not a "
                    "folder. Choose a path in a folder."
                ),
                path=text,
                file=str(ancestor),
            )
        if not os.access(ancestor, os.W_OK | os.X_OK):
            _fail(
                definition,
                tr("the folder {folder} cannot be written to. Choose a folder you can write to."),
                folder=str(ancestor),
            )
        real = os.path.realpath(text)
        if real in inputs:
            _fail(
                definition,
                tr(
                    "{path} is also the input {input}; the input would be overwritten. "
                    "Choose another output file."
                ),
                path=text,
                input=inputs[real],
            )
        keys = [(real, suffix)]
        if definition.name() == "REPORT":  # the text report is written beside the JSON
            keys.append((os.path.realpath(str(path.with_suffix(".txt"))), ""))
        for key_path, key_suffix in keys:
            for (other_path, other_suffix), other in seen.items():
                two_layers = key_suffix and other_suffix and key_suffix != other_suffix
                if other_path == key_path and not two_layers:
                    _fail(
                        definition,
                        tr(
                            "{path} is also given for {other}; each output needs its own file. "
                            "Choose another file name."
                        ),
                        path=key_path,
                        other=_label(other),
                    )
            seen[(key_path, key_suffix)] = definition


class OutputTransaction:
    """Redirect file outputs to hidden temporaries beside the targets; commit or roll back."""

    def __init__(self, algorithm, parameters: dict):
        self.algorithm = algorithm
        self.parameters = parameters
        self.created_dirs: list[Path] = []  # folders this run created (for the roll-back)
        self.tmp_dirs: dict[Path, Path] = {}  # target folder -> hidden temporary folder
        self.mapping: list[tuple[str, str]] = []  # (temporary prefix, final prefix)
        self.moves: list[tuple[Path, Path, bool]] = []  # (tmp dir, target dir, folder output)
        self.final_files: list[Path] = []

    # ------------------------------------------------------------------ prepare
    def _make_dir(self, folder: Path, definition) -> None:
        missing = []
        probe = folder
        while not probe.exists():
            missing.append(probe)
            probe = probe.parent
        for d in reversed(missing):
            try:
                d.mkdir()
            except OSError as exc:
                _fail(
                    definition,
                    tr(
                        "cannot create the folder {folder}: {reason}. Choose a folder you can "
                        "write to."
                    ),
                    folder=str(d),
                    reason=exc.strerror or exc,
                )
            self.created_dirs.append(d)

    def _tmp_for(self, folder: Path, definition) -> Path:
        if folder not in self.tmp_dirs:
            self._make_dir(folder, definition)
            tmp = folder / (TMP_PREFIX + secrets.token_hex(4))
            try:
                tmp.mkdir()
            except OSError as exc:
                _fail(
                    definition,
                    tr(
                        "cannot write in the folder {folder}: {reason}. Choose a folder you can "
                        "write to."
                    ),
                    folder=str(folder),
                    reason=exc.strerror or exc,
                )
            self.tmp_dirs[folder] = tmp
        return self.tmp_dirs[folder]

    def prepare(self) -> dict:
        """Create the folders and temporaries; return the parameters pointing at them."""
        params = dict(self.parameters)
        try:
            for definition, path, suffix in destinations(self.algorithm, self.parameters):
                if definition.type() == _FOLDER_TYPE:
                    tmp = self._tmp_for(path.parent, definition) / path.name
                    self.moves.append((tmp, path, True))
                else:
                    tmp = self._tmp_for(path.parent, definition) / path.name
                    self.final_files.append(path)
                    if (tmp.parent, path.parent, False) not in self.moves:
                        self.moves.append((tmp.parent, path.parent, False))
                self.mapping.append((str(tmp), str(path)))
                params[definition.name()] = _redirected(
                    self.parameters[definition.name()], str(tmp) + suffix
                )
        except BaseException:
            self.rollback()
            raise
        return params

    # ------------------------------------------------------------------ finish
    def final(self, value):
        """``value`` (a string, or a list/dict of them) with temporary paths made final."""
        if isinstance(value, str):
            for tmp, final in self.mapping:
                if value == tmp or value.startswith(tmp + "|"):
                    return final + value[len(tmp) :]
            for tmp_dir, target, folder in self.moves:
                prefix = str(tmp_dir) + os.sep
                if not folder and value.startswith(prefix):
                    return str(target) + os.sep + value[len(prefix) :]
                if folder and (value == str(tmp_dir) or value.startswith(prefix)):
                    return str(target) + value[len(str(tmp_dir)) :]
            return value
        if isinstance(value, list | tuple):
            return type(value)(self.final(v) for v in value)
        if isinstance(value, dict):
            return {k: self.final(v) for k, v in value.items()}
        return value

    def commit(self, results: dict, context) -> dict:
        """Move every temporary into place; re-point results, styles and layers to load."""
        for tmp_dir in self.tmp_dirs.values():
            for gpkg in tmp_dir.rglob("*.gpkg"):
                close_wal(gpkg)
        for tmp, target, folder in self.moves:
            if folder:
                if tmp.exists():
                    _merge_move(tmp, target)
            else:
                for entry in sorted(tmp.iterdir()):
                    dest = target / entry.name
                    if entry.is_dir():
                        _merge_move(entry, dest)
                    else:
                        os.replace(entry, dest)
        for tmp_dir in self.tmp_dirs.values():
            shutil.rmtree(tmp_dir, ignore_errors=True)
        results = self.final(results)
        algorithm = self.algorithm
        algorithm._outputs_to_style = {
            self.final(k): v for k, v in algorithm._outputs_to_style.items()
        }
        layers = context.layersToLoadOnCompletion()
        if layers and any(self.final(k) != k for k in layers):
            context.setLayersToLoadOnCompletion({self.final(k): v for k, v in layers.items()})
        return results

    def rollback(self) -> None:
        """Remove the temporaries and every folder this run created; keep older outputs."""
        for tmp_dir in self.tmp_dirs.values():
            shutil.rmtree(tmp_dir, ignore_errors=True)
        for d in reversed(self.created_dirs):
            try:
                d.rmdir()
            except OSError:
                pass


def _redirected(value, tmp: str):
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        copy = QgsProcessingOutputLayerDefinition(value)
        copy.sink = QgsProperty.fromValue(tmp)
        return copy
    return tmp


def _merge_move(src: Path, dst: Path) -> None:
    """Move the folder ``src`` to ``dst``; into it, entry by entry, when it exists."""
    if not dst.exists():
        os.replace(src, dst)
        return
    for entry in src.iterdir():
        target = dst / entry.name
        if entry.is_dir() and target.is_dir():
            _merge_move(entry, target)
        else:
            os.replace(entry, target)
    src.rmdir()


@contextlib.contextmanager
def unsynced_sqlite_writes():
    """GeoPackages opened by GDAL in this thread meanwhile skip SQLite's fsync calls
    (``OGR_SQLITE_SYNCHRONOUS=OFF``, thread-local, restored afterwards).

    Why: creating, filling, styling and annotating one GeoPackage output costs about 30
    fsyncs (tenths of a second on a busy disk), each guarding only against a power cut while
    the run writes a new file; the other outputs (GeoTIFF, report) are not synced either.
    What is written does not change. GDAL reads the option when it opens a
    dataset, so only what is opened inside is affected: used around our own new outputs
    only (``write_frame``, the styles and metadata stored after the run), never around
    reading a user's files, whose connections QGIS may keep for editing."""
    from osgeo import gdal

    previous = gdal.GetThreadLocalConfigOption(_SQLITE_SYNC, None)
    gdal.SetThreadLocalConfigOption(_SQLITE_SYNC, "OFF")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption(_SQLITE_SYNC, previous)


_SQLITE_SYNC = "OGR_SQLITE_SYNCHRONOUS"


def close_wal(path: Path | str) -> str | None:
    """Take a GeoPackage out of WAL mode (``PRAGMA journal_mode=DELETE``), so it is one
    self-contained file; returns the journal mode afterwards (None when not readable)."""
    import sqlite3

    path = Path(path)
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(str(path), timeout=5)
        try:
            con.execute("PRAGMA synchronous=OFF")  # as unsynced_sqlite_writes()
            mode = con.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() == "wal":
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            return str(mode).lower()
        finally:
            con.close()
    except sqlite3.Error:
        return None


def labelled(frame, labels: Mapping[str, Mapping[str, Any]] | None = None):
    """``frame`` as a planner reads it in the UI language, codes kept for styles and scripts.

    For each code column named in ``labels`` (``{"class": gaps.CLASS_LABELS}``), a column
    ``<code>_label`` with the code's label (a core message, translated; a message in the code
    column itself is translated as it is; an unknown code is shown as it is) is appended at
    the end, so the existing columns keep their order. Core messages in any other column
    (sentences such as relocation descriptions, "(outside all areas)") are translated in place.
    """
    labels = labels or {}
    out = frame.copy()
    for column in out.columns:
        if column in labels or out[column].dtype != object:
            continue
        values = out[column].tolist()
        if any(isinstance(v, Message) for v in values):
            out[column] = [translate_message(v) if isinstance(v, Message) else v for v in values]
    for column, codes in labels.items():
        if column in frame.columns:
            out[f"{column}_label"] = [_code_label(v, codes) for v in frame[column]]
    return out


def _code_label(value, codes: Mapping[str, Any]):
    if value is None or (isinstance(value, float) and value != value):  # NULL stays NULL
        return None
    label = codes.get(value) if isinstance(value, Hashable) else None
    if label is None and isinstance(value, Message):
        label = value
    return str(value) if label is None else translate_message(label)
