"""Searching meetings from the main window: results model, controller, widgets."""

from minuta.ui.search.controller import SearchController
from minuta.ui.search.model import SearchResultsModel, snippet_html
from minuta.ui.search.widget import SearchField, SearchResultsPage

__all__ = [
    "SearchController",
    "SearchField",
    "SearchResultsModel",
    "SearchResultsPage",
    "snippet_html",
]
