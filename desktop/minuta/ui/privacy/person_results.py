"""What "A person's data" found, as a tree: one group per kind of data, with counts.

:class:`PersonResultsModel` is filled from a :class:`~minuta.app.person_data.PersonReport`
(plain data, read on the store's worker) and is tested without widgets. The CRM
follow-up list is rich text with links to the records in the CRM's web app;
every value in it is escaped.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from minuta.app.person_data import CrmRecordHit, PersonReport, PushHit
from minuta.core.timecode import clock
from minuta.crm.registry import display_name

# lupdate reads only literal calls of a function named translate.
translate = QCoreApplication.translate

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # the group's key, on group rows
GROUPS = ("meetings", "segments", "summary", "crm", "exports")


def group_title(key: str, count: int) -> str:
    titles = {
        "meetings": translate("PersonDialog", "Meetings ({count})"),
        "segments": translate("PersonDialog", "Transcript lines ({count})"),
        "summary": translate("PersonDialog", "Summary items ({count})"),
        "crm": translate("PersonDialog", "Sent to CRM ({count})"),
        "exports": translate("PersonDialog", "Exports ({count})"),
    }
    return titles[key].format(count=count)


def reason_text(reason: str) -> str:
    names = {
        "participant": translate("PersonDialog", "participant"),
        "speaker": translate("PersonDialog", "speaker"),
        "title": translate("PersonDialog", "title"),
        "notes": translate("PersonDialog", "notes"),
        "transcript": translate("PersonDialog", "transcript"),
        "summary": translate("PersonDialog", "summary"),
        "highlight": translate("PersonDialog", "highlight"),
        "consent": translate("PersonDialog", "consent record"),
        "crm": translate("PersonDialog", "CRM"),
        "export": translate("PersonDialog", "export"),
    }
    return names.get(reason, reason)


def push_state_text(push: PushHit) -> str:
    names = {
        "sent": translate("PersonDialog", "sent"),
        "queued": translate("PersonDialog", "waiting to be sent"),
        "sending": translate("PersonDialog", "being sent"),
        "failed": translate("PersonDialog", "failed"),
        "cancelled": translate("PersonDialog", "withdrawn"),
    }
    return names.get(push.state, push.state)


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _row(text: str, tooltip: str | None = None) -> QStandardItem:
    item = QStandardItem(_one_line(text))
    item.setEditable(False)
    item.setToolTip(tooltip or text)
    return item


class PersonResultsModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: PersonReport | None = None
        self._counts: dict[str, int] = dict.fromkeys(GROUPS, 0)

    def set_report(self, report: PersonReport | None) -> None:
        self.clear()
        self.report = report
        self._counts = dict.fromkeys(GROUPS, 0)
        if report is None:
            return
        titles = {m.id: m.title for m in report.meetings}
        rows: dict[str, list[QStandardItem]] = {key: [] for key in GROUPS}
        for m in report.meetings:
            day = m.started_at.astimezone().strftime("%Y-%m-%d")
            why = ", ".join(reason_text(r) for r in m.reasons)
            rows["meetings"].append(_row(f"{day}  {m.title}  ({why})"))
        for s in report.segments:
            where = titles.get(s.meeting_id, "")
            rows["segments"].append(_row(f"{where} [{clock(s.start_s)}] {s.speaker}: {s.text}"))
        for i in report.summary_items:
            kind = i.kind.replace("_", " ").capitalize()
            rows["summary"].append(_row(f"{titles.get(i.meeting_id, '')} · {kind}: {i.text}"))
        for t in report.summary_texts:
            field = {
                "summary": translate("PersonDialog", "Summary"),
                "email.subject": translate("PersonDialog", "E-mail subject"),
                "email.body": translate("PersonDialog", "E-mail draft"),
            }.get(t.field, t.field)
            rows["summary"].append(_row(f"{titles.get(t.meeting_id, '')} · {field}: {t.text}"))
        for p in report.pushes:
            item = _row(f"{display_name(p.vendor)} ({p.connection}) · {push_state_text(p)}")
            for record in p.records:
                item.appendRow(_row(f"{record.what}: {record.remote_id}", record.url or None))
            rows["crm"].append(item)
        for e in report.exports:
            at = e.at.astimezone().strftime("%Y-%m-%d %H:%M")
            rows["exports"].append(_row(f"{at} · {e.format} · {e.destination}"))
        for key in GROUPS:
            self._counts[key] = len(rows[key])
            group = QStandardItem(group_title(key, len(rows[key])))
            group.setEditable(False)
            group.setData(key, GROUP_ROLE)
            for row in rows[key]:
                group.appendRow(row)
            self.appendRow(group)

    def count(self, key: str) -> int:
        """How many rows the group ``key`` (see :data:`GROUPS`) holds."""
        return self._counts[key]

    def group_row(self, key: str) -> int:
        return GROUPS.index(key)


def follow_up_html(records: tuple[CrmRecordHit, ...]) -> str:
    """The CRM records to follow up, as links (rich text; every value escaped)."""
    lines = []
    for r in records:
        label = escape(f"{display_name(r.vendor)} ({r.connection}): {r.what}, {r.remote_id}")
        if r.url and urlsplit(r.url).scheme in ("http", "https"):
            lines.append(f'<a href="{escape(r.url, quote=True)}">{label}</a>')
        else:
            lines.append(label)
    return "<br>".join(lines)
