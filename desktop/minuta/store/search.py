"""Full-text search over transcripts, titles and notes.

The FTS5 tables hold folded text only (see :mod:`minuta.core.text`); snippets
are cut here from the original text, so "modes" finds and highlights "mødes" as
it was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from minuta.core.models import SearchHit
from minuta.core.text import word_spans, words
from minuta.store.database import Database

_PHRASE = re.compile(r'"([^"]*)"')
SNIPPET_WORDS = 16


@dataclass(frozen=True, slots=True)
class MatchQuery:
    expression: str
    terms: tuple[str, ...]


def build_match_query(query: str) -> MatchQuery | None:
    """An FTS5 expression for what a person typed.

    Quoted text is a phrase; other words match as prefixes ("budg" finds
    "budget"). All parts must match. Operators are not passed through, so no
    input can produce an FTS5 syntax error.
    """
    parts: list[str] = []
    terms: list[str] = []
    for phrase in _PHRASE.findall(query):
        tokens = words(phrase)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
            terms.extend(tokens)
    for token in words(_PHRASE.sub(" ", query)):
        parts.append(f'"{token}"*')
        terms.append(token)
    if not parts:
        return None
    return MatchQuery(" ".join(parts), tuple(terms))


def make_snippet(
    text: str, terms: tuple[str, ...], max_words: int = SNIPPET_WORDS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text`` around its best matches, and the matched spans in it."""
    spans = word_spans(text)
    if not spans:
        return text, ()
    hits = [i for i, (_, _, w) in enumerate(spans) if any(w.startswith(t) for t in terms)]
    if len(spans) <= max_words:
        first, last = 0, len(spans)
    else:
        best_start, best_count = 0, -1
        for hit in hits or [0]:
            start = max(0, min(hit - 3, len(spans) - max_words))
            count = sum(1 for h in hits if start <= h < start + max_words)
            if count > best_count:
                best_start, best_count = start, count
        first, last = best_start, best_start + max_words
    begin = 0 if first == 0 else spans[first][0]
    end = len(text) if last >= len(spans) else spans[last - 1][1]
    prefix = "" if begin == 0 else "…"
    suffix = "" if end == len(text) else "…"
    snippet = prefix + text[begin:end].strip() + suffix
    offset = len(prefix) - begin - (len(text[begin:end]) - len(text[begin:end].lstrip()))
    marks = tuple((spans[i][0] + offset, spans[i][1] + offset) for i in hits if first <= i < last)
    return snippet, marks


class SearchIndex:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        match = build_match_query(query)
        if match is None:
            return []
        hits: list[SearchHit] = []
        for row in self._db.query_all(
            """SELECT s.meeting_id, s.start_s, s.text, m.title, m.started_at,
                      bm25(segment_fts) AS score
               FROM segment_fts
               JOIN segments s ON s.id = segment_fts.rowid
               JOIN meetings m ON m.id = s.meeting_id
               WHERE segment_fts MATCH ?
               ORDER BY score LIMIT ?""",
            (match.expression, limit),
        ):
            snippet, marks = make_snippet(row["text"], match.terms)
            hits.append(
                SearchHit(
                    meeting_id=row["meeting_id"],
                    meeting_title=row["title"],
                    started_at=datetime.fromisoformat(row["started_at"]),
                    kind="segment",
                    time_s=row["start_s"],
                    snippet=snippet,
                    highlights=marks,
                    score=row["score"],
                )
            )
        for row in self._db.query_all(
            """SELECT m.id, m.title, m.notes, m.started_at,
                      bm25(meeting_fts, 2.0, 1.0) AS score
               FROM meeting_fts JOIN meetings m ON m.id = meeting_fts.rowid
               WHERE meeting_fts MATCH ?
               ORDER BY score LIMIT ?""",
            (match.expression, limit),
        ):
            in_notes = any(w.startswith(match.terms) for w in words(row["notes"]))
            source = row["notes"] if in_notes else row["title"]
            snippet, marks = make_snippet(source, match.terms)
            hits.append(
                SearchHit(
                    meeting_id=row["id"],
                    meeting_title=row["title"],
                    started_at=datetime.fromisoformat(row["started_at"]),
                    kind="note" if in_notes else "title",
                    time_s=None,
                    snippet=snippet,
                    highlights=marks,
                    score=row["score"],
                )
            )
        # bm25 is lower-is-better in SQLite.
        hits.sort(key=lambda hit: hit.score)
        return hits[:limit]
