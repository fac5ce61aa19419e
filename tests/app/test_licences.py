"""The licence table against what is really installed: every runtime dependency has an
entry, and every entry agrees with its distribution's own metadata."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.licenses import canonicalize_license_expression

from minuta.app.licences import (
    COMPONENTS,
    covered_distributions,
    licence_text_dir,
    normalise,
    runtime_distributions,
)

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"

# Trove classifiers as SPDX ids. A set is "any of these": "BSD License" does not say
# which BSD, and "v2 or later" allows 2.1.
CLASSIFIERS: dict[str, set[str]] = {
    "MIT License": {"MIT"},
    "BSD License": {"BSD-2-Clause", "BSD-3-Clause"},
    "Apache Software License": {"Apache-2.0"},
    "Mozilla Public License 2.0 (MPL 2.0)": {"MPL-2.0"},
    "Python Software Foundation License": {"PSF-2.0"},
    "GNU Lesser General Public License v2 or later (LGPLv2+)": {
        "LGPL-2.0-or-later",
        "LGPL-2.1-or-later",
    },
}
# Free-text License fields seen in the wild, as SPDX.
LICENSE_FIELDS: dict[str, str] = {
    "MIT License": "MIT",
    "Apache 2.0": "Apache-2.0",
    "3-Clause BSD License": "BSD-3-Clause",
}
# FFmpeg's avutil_license() strings, as SPDX.
FFMPEG_LICENCES = {
    "LGPL version 2.1 or later": "LGPL-2.1-or-later",
    "LGPL version 3 or later": "LGPL-3.0-or-later",
    "GPL version 2 or later": "GPL-2.0-or-later",
    "GPL version 3 or later": "GPL-3.0-or-later",
}


def licence_ids(expression: str) -> set[str]:
    """Every licence id in an SPDX expression (exceptions stay with their licence)."""
    expression = re.sub(r"\s+WITH\s+", "+WITH+", expression)
    return {token for token in re.split(r"[\s()]+", expression) if token} - {"AND", "OR"}


def alternatives(expression: str) -> list[set[str]]:
    """Ways to comply with an expression: ``A OR (B AND C)`` -> [{A}, {B, C}] (top level)."""
    if "(" not in expression:
        return [licence_ids(part) for part in re.split(r"\s+OR\s+", expression)]
    return [licence_ids(expression)]  # a nested choice: all of it, to be safe


def declared(name: str) -> list[set[str]] | None:
    """What a distribution's metadata says, as alternatives; None when it says nothing."""
    meta = metadata.metadata(name)
    expression = meta.get("License-Expression")
    if expression:
        return alternatives(canonicalize_license_expression(expression))
    field = (meta.get("License") or "").strip()
    if field in LICENSE_FIELDS:
        return [{LICENSE_FIELDS[field]}]
    if field and "\n" not in field and len(field) < 80:
        try:
            return alternatives(canonicalize_license_expression(field))
        except ValueError:
            pass  # prose ("Copyright (c) ..."): the classifiers say more
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    unknown = [c for c in classifiers if c not in CLASSIFIERS]
    assert not unknown, f"{name}: teach this test the classifier(s) {unknown}"
    if classifiers:
        return [{spdx} for c in classifiers for spdx in CLASSIFIERS[c]]
    return None


def installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def pyproject_requirements() -> list[str]:
    with PYPROJECT.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def test_every_runtime_dependency_has_a_licence_entry():
    # pyproject.toml too: an editable install's metadata is only as new as its last install.
    needed = runtime_distributions(
        [*(metadata.requires("minuta") or []), *pyproject_requirements()]
    )
    assert {"pyside6-essentials", "faster-whisper", "onnxruntime", "av", "numpy"} <= needed
    missing = sorted(needed - covered_distributions().keys())
    assert not missing, f"no entry in minuta.app.licences.COMPONENTS for: {', '.join(missing)}"


def test_runtime_distributions_follow_markers_and_leave_extras_out():
    needed = runtime_distributions()
    assert "minuta" not in needed
    # Extras: bench and dev.
    assert not {"jiwer", "pytest", "ruff", "mypy"} & needed
    # Markers: keyring needs SecretStorage on Linux only.
    assert ("secretstorage" in needed) == sys.platform.startswith("linux")
    # Each requirement is followed: faster-whisper brings ONNX Runtime, which brings protobuf.
    assert {"onnxruntime", "protobuf"} <= needed
    # A requirement that is not installed is still listed, so that it needs an entry.
    assert runtime_distributions(["Not_Installed.Thing>=1"]) == {"not-installed-thing"}
    assert runtime_distributions(['pywin32; sys_platform == "nonexistent"']) == set()


def test_no_distribution_is_claimed_twice_and_names_are_normalised():
    claims = [name for component in COMPONENTS for name in component.distributions]
    twice = sorted({name for name in claims if claims.count(name) > 1})
    assert not twice, f"claimed by more than one component: {twice}"
    assert all(name == normalise(name) for name in claims)
    names = [component.name for component in COMPONENTS]
    assert len(names) == len(set(names))


def test_bundled_libraries_name_a_listed_wheel():
    covered = covered_distributions()
    for component in COMPONENTS:
        for wheel in component.bundled_in:
            assert wheel in covered, f"{component.name}: {wheel} has no entry of its own"


def test_entries_are_complete_and_use_spdx_expressions():
    for component in COMPONENTS:
        assert component.name and component.purpose, component
        assert component.homepage.startswith("https://"), component.name
        assert canonicalize_license_expression(component.licence) == component.licence, (
            f"{component.name}: {component.licence!r} is not a canonical SPDX expression"
        )


def test_every_installed_distribution_agrees_with_its_entry():
    checked = []
    for name, component in covered_distributions().items():
        if not installed(name):
            continue
        says = declared(name)
        if says is None:
            continue  # nothing declared: see the sqlcipher3 test
        table = licence_ids(component.licence)
        assert any(option <= table for option in says), (
            f"{name}: metadata says {says}, the table says {component.licence!r}"
        )
        checked.append(name)
    # The ones that matter most were compared, not skipped.
    assert {"pyside6-essentials", "faster-whisper", "numpy", "keyring", "certifi", "soxr"} <= set(
        checked
    )


def test_named_entries_match_their_metadata_exactly():
    entries = covered_distributions()
    assert entries["pyside6-essentials"].licence in metadata.metadata("PySide6-Essentials")[
        "License"
    ].split(" OR ")
    for name in ("faster-whisper", "keyring", "soxr", "certifi", "sounddevice"):
        meta = metadata.metadata(name)
        said = meta.get("License-Expression") or meta.get("License")
        assert entries[name].licence == said, name
    assert entries["numpy"].licence == metadata.metadata("numpy")["License-Expression"]


def test_sqlcipher3_declares_no_licence_but_ships_the_zlib_licence():
    dist = metadata.distribution("sqlcipher3")
    [licence] = [f for f in dist.files or [] if f.name == "LICENSE"]
    text = " ".join(licence.read_text().split())
    assert "Permission is granted to anyone to use this software for any purpose" in text
    assert "must not be misrepresented" in text  # the zlib licence's own words
    assert covered_distributions()["sqlcipher3"].licence == "Zlib"


def test_ffmpeg_entries_match_the_bundled_ffmpeg():
    import av
    from av import _core

    entries = {component.name: component for component in COMPONENTS}
    reported = {meta["license"] for meta in _core.library_meta.values()}
    assert len(reported) == 1, reported
    assert entries["FFmpeg"].licence == FFMPEG_LICENCES[reported.pop()]
    # PyAV's wheel links GPL encoders into libavcodec whatever avutil_license() says.
    if {"libx264", "libx265"} & set(av.codecs_available):
        assert entries["x264 and x265"].licence == "GPL-2.0-or-later"
        assert entries["x264 and x265"].bundled_in == ("av",)


def test_licence_texts_are_found_only_in_a_bundle(tmp_path, monkeypatch):
    assert licence_text_dir() is None  # running from source
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert licence_text_dir() is None  # a bundle built without them
    (tmp_path / "licenses" / "numpy").mkdir(parents=True)
    assert licence_text_dir() == tmp_path / "licenses"


@pytest.mark.parametrize(
    ("expression", "ids"),
    [
        ("MIT", {"MIT"}),
        ("Apache-2.0 OR BSD-3-Clause", {"Apache-2.0", "BSD-3-Clause"}),
        (
            "GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later",
            {"GPL-3.0-or-later+WITH+GCC-exception-3.1", "LGPL-2.1-or-later"},
        ),
    ],
)
def test_licence_ids(expression, ids):
    assert licence_ids(expression) == ids
