"""Language codes Whisper accepts, and what users type for them."""

from __future__ import annotations

from minuta.transcribe.catalogue import ModelError

# Whisper's codes, as faster_whisper.tokenizer._LANGUAGE_CODES lists them.
WHISPER_LANGUAGES: frozenset[str] = frozenset(
    [
        "af",
        "am",
        "ar",
        "as",
        "az",
        "ba",
        "be",
        "bg",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "eu",
        "fa",
        "fi",
        "fo",
        "fr",
        "gl",
        "gu",
        "ha",
        "haw",
        "he",
        "hi",
        "hr",
        "ht",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ja",
        "jw",
        "ka",
        "kk",
        "km",
        "kn",
        "ko",
        "la",
        "lb",
        "ln",
        "lo",
        "lt",
        "lv",
        "mg",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "ne",
        "nl",
        "nn",
        "no",
        "oc",
        "pa",
        "pl",
        "ps",
        "pt",
        "ro",
        "ru",
        "sa",
        "sd",
        "si",
        "sk",
        "sl",
        "sn",
        "so",
        "sq",
        "sr",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "tk",
        "tl",
        "tr",
        "tt",
        "uk",
        "ur",
        "uz",
        "vi",
        "yi",
        "yo",
        "zh",
        "yue",
    ]
)

# What people type that Whisper spells differently.
_ALIASES = {
    "nb": "no",  # Norwegian Bokmål: Whisper's "no"
    "dk": "da",
    "se": "sv",
    "fin": "fi",
    "dan": "da",
    "swe": "sv",
    "nor": "no",
    "lit": "lt",
    "eng": "en",
}

# The languages Minuta's users speak most, shown first in pickers.
PREFERRED = ("da", "sv", "no", "fi", "lt", "en")


def normalise_language(value: str | None) -> str | None:
    """A Whisper language code, or None for "detect it"."""
    if value is None:
        return None
    code = value.strip().lower()
    if code in ("", "auto"):
        return None
    code = _ALIASES.get(code, code)
    if code not in WHISPER_LANGUAGES:
        raise ModelError(
            f"Unknown language {value!r}. Use 'auto' or a code such as {', '.join(PREFERRED)}."
        )
    return code
