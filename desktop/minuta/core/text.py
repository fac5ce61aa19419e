"""Text folding for search, shared by the index and the query side.

SQLite's unicode61 tokenizer with ``remove_diacritics 2`` folds letters that
Unicode decomposes (å, ä, ö, é, š, ž, ū, ...) but not letters that are their own
code point with no decomposition: Danish and Norwegian ø and æ, German ß,
Lithuanian-adjacent đ, Icelandic ð/þ, Polish ł. A Danish user typing "modes" on
a keyboard without ø must still find "mødes", so both the indexed text and the
query pass through :func:`fold` first, and the tokenizer does the rest.
"""

from __future__ import annotations

import re
import unicodedata

# Letters with no Unicode decomposition, mapped the way people type them on a
# keyboard that lacks them.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ẞ": "ss",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
    }
)

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping word boundaries."""
    text = text.translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``, as the search index sees them."""
    return _WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of the original ``text``."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def base_language(tag: str | None) -> str:
    """A language tag's language, lower case, without its region: "da-DK" and "da_dk" are "da"."""
    return re.split(r"[-_]", (tag or "").strip().lower(), maxsplit=1)[0]
