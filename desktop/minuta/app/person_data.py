"""A person's data, for GDPR access and erasure requests: find it, export it, erase it.

* :func:`find_person` searches by name or e-mail address across meetings
  (participants, speakers, titles, notes, highlights, consent records),
  transcripts, summaries, CRM pushes and exports; see
  :mod:`minuta.core.person` for exactly what matches.
* :func:`export_person` / :func:`save_person_export` give everything found as
  JSON plus a readable HTML page (:mod:`minuta.app.person_export`).
* :func:`erase_person` erases or redacts it all in one transaction
  (:mod:`minuta.app.person_erase`) and lists the CRM records to follow up in
  the CRM, which Minuta cannot change.

The same services serve the command line (``minuta person``) and the Privacy
dialog. Audit events name the query only by its SHA-256.
"""

from __future__ import annotations

from minuta.app.person_erase import ErasureIncompleteError, ErasureReport, Mode, erase_person
from minuta.app.person_export import (
    PersonExport,
    export_paths,
    export_person,
    save_person_export,
)
from minuta.app.person_find import find_person
from minuta.app.person_report import (
    ConsentHit,
    CrmRecordHit,
    ExportHit,
    HighlightHit,
    MeetingHit,
    PersonReport,
    PushHit,
    SegmentHit,
    SpeakerHit,
    SummaryItemHit,
    SummaryTextHit,
)

__all__ = [
    "ConsentHit",
    "CrmRecordHit",
    "ErasureIncompleteError",
    "ErasureReport",
    "ExportHit",
    "HighlightHit",
    "MeetingHit",
    "Mode",
    "PersonExport",
    "PersonReport",
    "PushHit",
    "SegmentHit",
    "SpeakerHit",
    "SummaryItemHit",
    "SummaryTextHit",
    "erase_person",
    "export_paths",
    "export_person",
    "find_person",
    "save_person_export",
]
