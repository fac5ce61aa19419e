"""A meeting as a Word document (.docx), written by hand: no extra dependency.

A .docx is a zip of a few XML parts (ECMA-376 / ISO 29500). This writes the
smallest set Word, LibreOffice and Google Docs open without complaint: content
types, the package relationships, the document, and a styles part for the
title and headings (without it they would fall back to plain paragraphs).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from minuta.core import timecode
from minuta.core.models import Meeting, Segment

if TYPE_CHECKING:
    from minuta.app.export import ExportContext

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
"""  # noqa: E501 - XML content types are long by nature

_PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>
</Relationships>
"""


def _style(style_id: str, name: str, size_half_points: int, *, bold: bool) -> str:
    weight = "<w:b/>" if bold else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
        f'<w:rPr>{weight}<w:sz w:val="{size_half_points}"/></w:rPr></w:style>'
    )


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _style("Title", "Title", 48, bold=True)
    + _style("Heading1", "heading 1", 32, bold=True)
    + "</w:styles>\n"
)

# Characters XML 1.0 cannot carry at all (a transcript should never hold them, but a
# pasted note might): dropped rather than producing a file Word refuses to open.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _run(text: str, *, bold: bool = False) -> str:
    clean = escape(_INVALID_XML.sub("", text))
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{clean}</w:t></w:r>'


def _paragraph(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _document(meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None) -> str:
    # Imported lazily: export.py registers this module's writer.
    from minuta.app.export import _date as meeting_date
    from minuta.app.export import _speaker as speaker_label
    from minuta.app.export import consent_text, head_footer

    body = [_paragraph(_run(meeting.title), style="Title")]
    facts = [("Date", meeting_date(meeting)), ("Duration", timecode.clock(meeting.duration_s))]
    if meeting.participants:
        facts.append(("Participants", ", ".join(meeting.participants)))
    if meeting.language:
        facts.append(("Language", meeting.language))
    if context is not None:
        facts.append(("Consent", consent_text(meeting, context)))
    body += [_paragraph(_run(f"{name}: ", bold=True), _run(value)) for name, value in facts]
    if meeting.notes.strip():
        body.append(_paragraph(_run("Notes"), style="Heading1"))
        body += [_paragraph(_run(line)) for line in meeting.notes.strip().splitlines()]
    body.append(_paragraph(_run("Transcript"), style="Heading1"))
    for segment in segments:
        who = speaker_label(segment)
        head = f"[{timecode.clock(segment.start)}]" + (f" {who}:" if who else "")
        body.append(_paragraph(_run(head, bold=True), _run(" " + segment.text)))
    if context is not None:
        body.append(_paragraph(_run(head_footer(context))))
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"'
        ' w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_REL}"><w:body>'
        + "".join(body)
        + section
        + "</w:body></w:document>\n"
    )


def to_docx(
    meeting: Meeting, segments: Sequence[Segment], context: ExportContext | None = None
) -> bytes:
    """The meeting's details, notes and transcript as the bytes of a .docx file.

    With ``context``: a "Consent" line among the facts, and the audit head last.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        # [Content_Types].xml first, as some readers expect.
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/document.xml", _document(meeting, segments, context))
        package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        package.writestr("word/styles.xml", _STYLES)
    return buffer.getvalue()
