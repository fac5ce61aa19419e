"""Search hits as a Qt list model: plain :class:`SearchHit` values in, text out.

Like the meetings model it never sees the store, so it is tested without any
widget. The snippet comes as HTML with the matched words in bold
(``SNIPPET_HTML_ROLE``), escaped so that nothing a person said can turn into
markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from minuta.core.models import SearchHit
from minuta.core.timecode import clock
from minuta.ui.meetings_model import TIME_FORMAT, day_heading, local_day, untitled

_ROLE = Qt.ItemDataRole.UserRole
HIT_ROLE = _ROLE + 1  # the SearchHit itself
SNIPPET_HTML_ROLE = _ROLE + 2  # the snippet, matched words in <b>
TITLE_ROLE = _ROLE + 3  # the meeting's title
WHEN_ROLE = _ROLE + 4  # "Today 09:30", "Monday 17 November 10:00": when the meeting was
POSITION_ROLE = _ROLE + 5  # "at 12:34" in the meeting, or "in the notes" / "in the title"

_ModelIndex = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str, highlights: Sequence[tuple[int, int]]) -> str:
    """The snippet as HTML, each highlighted span in bold; everything else escaped."""
    parts: list[str] = []
    position = 0
    for span_start, span_end in sorted(highlights):
        start, end = max(span_start, position), min(span_end, len(snippet))
        if start >= end:
            continue  # overlapping or out of range: already shown
        parts.append(html.escape(snippet[position:start]))
        parts.append(f"<b>{html.escape(snippet[start:end])}</b>")
        position = end
    parts.append(html.escape(snippet[position:]))
    return "".join(parts)


def position_text(hit: SearchHit) -> str:
    if hit.time_s is not None:
        return QCoreApplication.translate("SearchResultsModel", "at {time}").format(
            time=clock(hit.time_s)
        )
    if hit.kind == "note":
        return QCoreApplication.translate("SearchResultsModel", "in the notes")
    return QCoreApplication.translate("SearchResultsModel", "in the title")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._today = today
        self._hits: list[SearchHit] = []
        self._query = ""

    # --- contents -----------------------------------------------------------------

    def set_results(self, query: str, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._query = query
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_results("", ())

    @property
    def query(self) -> str:
        """The query these hits answer."""
        return self._query

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return tuple(self._hits)

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    # --- QAbstractListModel -------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        hit = self._hits[index.row()]
        role_data = self._role_data().get(int(role))
        return None if role_data is None else role_data(hit)

    def _role_data(self) -> dict[int, Callable[[SearchHit], object]]:
        return {
            int(Qt.ItemDataRole.DisplayRole): lambda hit: hit.snippet,
            int(Qt.ItemDataRole.AccessibleTextRole): lambda hit: (
                f"{_title(hit)}, {self._when(hit)}, {position_text(hit)}: {hit.snippet}"
            ),
            int(Qt.ItemDataRole.ToolTipRole): lambda hit: f"{_title(hit)}\n{self._when(hit)}",
            int(HIT_ROLE): lambda hit: hit,
            int(SNIPPET_HTML_ROLE): lambda hit: snippet_html(hit.snippet, hit.highlights),
            int(TITLE_ROLE): _title,
            int(WHEN_ROLE): self._when,
            int(POSITION_ROLE): position_text,
        }

    def _when(self, hit: SearchHit) -> str:
        day = day_heading(local_day(hit.started_at), self._today())
        return f"{day} {hit.started_at.astimezone().strftime(TIME_FORMAT)}"


def _title(hit: SearchHit) -> str:
    return hit.meeting_title.strip() or untitled()
