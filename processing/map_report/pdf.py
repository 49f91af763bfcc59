"""The PDF file itself: a temporary file that gets the usual file mode, and the document
information (title, subject, author, creator) written after the export."""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from qgis.core import Qgis

from ...sundplan_qgis.provenance import sundplan_version
from ..base import tr

# An atlas title carries the page name as a layout expression; the document title does not.
_EXPRESSION_RE = re.compile(r"\s*[–-]?\s*\[%.*?%\]")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DC = "http://purl.org/dc/elements/1.1/"
_PDF_NS = "http://ns.adobe.com/pdf/1.3/"
_XMP_NS = "http://ns.adobe.com/xap/1.0/"


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
        # AUTHOR stays even when empty: it replaces the login name QGIS writes by default
        return {key: value for key, value in items.items() if value or key == "AUTHOR"}


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


def updated_xmp(xmp: str, items: dict[str, str]) -> str:
    """The XMP packet with the same title, subject, author and creator as the Info
    dictionary (``items`` from :meth:`PdfInfo.items`); no author -> no ``dc:creator``."""
    namespaces = dict(node for _event, node in ET.iterparse(io.StringIO(xmp), events=("start-ns",)))
    for prefix, uri in namespaces.items():
        with contextlib.suppress(ValueError):  # keep the document's prefixes on output
            ET.register_namespace(prefix, uri)
    root = ET.fromstring(xmp)
    rdf = root.find(f"{{{_RDF}}}RDF")
    if rdf is None:
        raise ValueError("XMP without rdf:RDF")
    description = rdf.find(f"{{{_RDF}}}Description")
    if description is None:
        description = ET.SubElement(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": ""})
    parents = {child: parent for parent in rdf.iter() for child in parent}
    for item, tag, container in (
        ("TITLE", "title", "Alt"),
        ("SUBJECT", "description", "Alt"),
        ("AUTHOR", "creator", "Seq"),
    ):
        for node in list(rdf.iter(f"{{{_DC}}}{tag}")):
            parents[node].remove(node)
        if items.get(item):
            element = ET.SubElement(description, f"{{{_DC}}}{tag}")
            values = ET.SubElement(element, f"{{{_RDF}}}{container}")
            entry = ET.SubElement(values, f"{{{_RDF}}}li")
            if container == "Alt":
                entry.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")
            entry.text = items[item]
    for node in rdf.iter(f"{{{_RDF}}}Description"):
        if f"{{{_PDF_NS}}}Producer" in node.attrib:
            node.set(f"{{{_PDF_NS}}}Producer", items["PRODUCER"])
        if f"{{{_XMP_NS}}}CreatorTool" in node.attrib:
            node.set(f"{{{_XMP_NS}}}CreatorTool", items["CREATOR"])
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        + ET.tostring(root, encoding="unicode")
        + "\n<?xpacket end='w'?>"
    )


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
        items = info.items()
        for key, value in items.items():
            if dataset.SetMetadataItem(key, value) != gdal.CE_None:
                raise RuntimeError(gdal.GetLastErrorMsg() or key)
        xmp = dataset.GetMetadata("xml:XMP")
        if xmp:  # Qt's XMP copy: empty title, the login name as creator; readers may prefer it
            dataset.SetMetadata([updated_xmp(xmp[0], items)], "xml:XMP")
        dataset = None  # closing writes the update
        return True
    except Exception as exc:  # the PDF is complete without it
        if feedback is not None:
            feedback.pushWarning(
                tr("The PDF's title and author could not be written: {error}").format(error=exc)
            )
        return False
