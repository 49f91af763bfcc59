"""The PDF file itself: a temporary file that gets the usual file mode, and the document
information (title, subject, author, creator) written after the export."""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from qgis.core import Qgis

from ...sundplan_qgis.provenance import sundplan_version
from ..base import tr

# An atlas title carries the page name as a layout expression; the document title does not.
_EXPRESSION_RE = re.compile(r"\s*[–-]?\s*\[%.*?%\]")


@dataclass(frozen=True)
class PdfInfo:
    """The PDF's document information; empty fields are left out."""

    title: str
    subject: str = ""
    author: str = ""

    def items(self) -> dict[str, str]:
        """GDAL PDF metadata items (the PDF Info dictionary)."""
        creator = f"Sundplan {sundplan_version()}"
        items = {
            "TITLE": _EXPRESSION_RE.sub("", self.title).strip(),
            "SUBJECT": self.subject.strip(),
            "AUTHOR": self.author.strip(),
            "CREATOR": creator,
            "PRODUCER": f"{creator}, QGIS {Qgis.version()}",
        }
        return {key: value for key, value in items.items() if value}


def new_part_file(output: Path) -> str:
    """A new, empty ``.<name>.<random>.pdf.part`` beside ``output``.

    Created with mode 0666 so the umask applies as to any new file (``tempfile.mkstemp``
    makes 0600, which then travelled with the rename: colleagues on a shared drive could not
    open the PDF). The exporter rewrites this file in place, so the mode stays.
    """
    for _ in range(100):
        part = output.parent / f".{output.stem}.{secrets.token_hex(4)}.pdf.part"
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return str(part)
    raise FileExistsError(output.parent / f".{output.stem}.*.pdf.part")


def write_info(pdf_path: str, info: PdfInfo, feedback=None) -> bool:
    """Write ``info`` into the PDF's Info dictionary (GDAL's PDF driver, an incremental update
    as QGIS itself does for a single page; QGIS writes none for an atlas and always names
    itself the creator). A PDF without the information is still a good PDF: a failure is a
    warning, never an error."""
    from osgeo import gdal

    try:
        dataset = gdal.OpenEx(pdf_path, gdal.OF_RASTER | gdal.OF_UPDATE, ["PDF"])
        if dataset is None:
            raise RuntimeError(gdal.GetLastErrorMsg() or "GDAL cannot update this PDF")
        for key, value in info.items().items():
            if dataset.SetMetadataItem(key, value) != gdal.CE_None:
                raise RuntimeError(gdal.GetLastErrorMsg() or key)
        dataset = None  # closing writes the update
        return True
    except Exception as exc:  # the PDF is complete without it
        if feedback is not None:
            feedback.pushWarning(
                tr("The PDF's title and author could not be written: {error}").format(error=exc)
            )
        return False
