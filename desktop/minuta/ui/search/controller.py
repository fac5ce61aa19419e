"""Search as you type, on the store's thread.

Typing restarts a short timer; when it runs out the query goes to the
:class:`~minuta.ui.store_worker.StoreWorker`. At most one search is in flight:
what is typed meanwhile is searched when it comes back, and an answer to an
older query is never shown over a newer one.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from minuta.core.models import SearchHit
from minuta.store.store import Store, require_store
from minuta.ui.search.model import SearchResultsModel
from minuta.ui.store_worker import StoreWorker

log = logging.getLogger(__name__)

DEBOUNCE_MS = 200
LIMIT = 50


def _search(query: str, limit: int, store: Store | None) -> list[SearchHit]:
    return require_store(store).search.search(query, limit)


class SearchController(QObject):
    """Owns the results model; ``results_ready(query)`` once it shows that query's hits."""

    results_ready = Signal(str)
    searching = Signal(str)  # a query went to the store
    failed = Signal(str)  # plain words for the person

    def __init__(
        self,
        worker: StoreWorker,
        parent: QObject | None = None,
        *,
        delay_ms: int = DEBOUNCE_MS,
        limit: int = LIMIT,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._limit = limit
        self.model = SearchResultsModel()
        self._wanted = ""  # what the person typed last
        self._in_flight: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

    @property
    def query(self) -> str:
        return self._wanted

    @property
    def active(self) -> bool:
        """Whether there is a query: the window shows results instead of meetings."""
        return bool(self._wanted)

    def set_query(self, text: str) -> None:
        self._wanted = text.strip()
        if not self._wanted:
            self._timer.stop()
            self.model.clear()
            self.results_ready.emit("")
            return
        self._timer.start()

    def refresh(self) -> None:
        """Search the current query again now (the meetings changed)."""
        if self._wanted:
            self._timer.stop()
            self._start()

    def _start(self) -> None:
        if self._in_flight is not None:
            return  # _done starts the newest query when this one is back
        query = self._wanted
        if not query:
            return
        self._in_flight = query
        self.searching.emit(query)
        self._worker.submit(
            partial(_search, query, self._limit),
            lambda hits: self._done(query, hits),
            lambda exc: self._failed(query, exc),
        )

    def _done(self, query: str, hits: list[SearchHit]) -> None:
        self._in_flight = None
        if query != self._wanted:
            self._start()  # typed on meanwhile: this answer is already old
            return
        self.model.set_results(query, hits)
        self.results_ready.emit(query)

    def _failed(self, query: str, exc: Exception) -> None:
        self._in_flight = None
        if query != self._wanted:
            self._start()
            return
        # The type only: an error's message can quote the search words (a customer's name).
        log.error("search failed: %s", type(exc).__name__)
        self.model.clear()
        self.failed.emit(self.tr("Minuta could not search your meetings just now."))
