"""A rekey killed at any point leaves exactly one key that opens the store.

A worker process (rekey_worker.py) rekeys a copy of a store of a few MB and is
killed with SIGKILL: at each named step of the rekey in turn, and at seeded
random moments (mostly inside the export, the longest step). After each kill the
store opens (which finishes or undoes the rekey), holds everything it held, and
exactly one of the old and the new database key opens ``minuta.db``.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.harness.meetings import add_transcript
from tests.store.rekey_support import LINES, audio_plays, fill, master_key, raw_opens, snapshot

from minuta.store import keys, rekey
from minuta.store.manifest import KeyMode, load_manifest
from minuta.store.paths import StorePaths
from minuta.store.store import create_store, open_store

WORKER = Path(__file__).with_name("rekey_worker.py")
# Enough lines that exporting the store takes a while, for kills to land inside it.
_VOCABULARY = sorted({word for _, text in LINES for word in text.split()})
_RANDOM_KILLS = 8


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A store rekeyed once already (so its key is a database key), with a few MB of lines."""
    from minuta.store.secret_store import system_keyring

    backend = system_keyring()
    paths = StorePaths(tmp_path_factory.mktemp("template") / "data")
    store, _ = create_store(paths, mode=KeyMode.KEYRING, secret_store=backend)
    try:
        ids = fill(store)
        rng = random.Random(8)
        for number in range(2):
            lines = [
                ("Anna" if n % 2 else "Kari", " ".join(rng.choices(_VOCABULARY, k=14)))
                for n in range(2000)
            ]
            add_transcript(store, lines, title=f"Long meeting {number}", line_s=2.0)
        store.vacuum_and_rekey()
        expected = snapshot(store)
    finally:
        store.close()
    master = master_key(paths, backend)
    return paths, master, expected, ids, backend


def _copy(template, tmp_path) -> StorePaths:
    paths, *_ = template
    target = StorePaths(tmp_path / "data")
    shutil.copytree(paths.root, target.root)
    return target


def _after_the_kill(template, paths: StorePaths) -> None:
    """The store opens, holds everything, and exactly one key opens minuta.db."""
    _, master, expected, ids, backend = template
    killed = load_manifest(paths.manifest)
    candidates = {keys.database_key(load_manifest(template[0].manifest), master)}
    candidates.add(keys.database_key(killed, master))
    if killed.rekey_pending is not None:
        candidates.add(keys.pending_database_key(killed.rekey_pending, master, killed.store_id))

    store = open_store(paths, secret_store=backend)  # finishes or undoes the rekey
    try:
        assert snapshot(store) == expected
        assert store.audit.verify().ok
        assert audio_plays(store, ids["audio_id"])
    finally:
        store.close()

    manifest = load_manifest(paths.manifest)
    assert manifest.rekey_pending is None
    assert not paths.rekey_temp.exists()
    assert not any(path.exists() for path in paths.rekey_temp_sidecars)
    opening = [key for key in candidates if raw_opens(paths.database, key)]
    assert opening == [keys.database_key(manifest, master)]


def _worker(paths: StorePaths, *args: str, kill_at: str | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    if kill_at:
        env["MINUTA_REKEY_KILL_AT"] = kill_at
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(paths.root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("point", rekey.CHECKPOINTS)
def test_a_rekey_killed_at_each_step_leaves_one_working_key(template, tmp_path, point):
    paths = _copy(template, tmp_path)
    worker = _worker(paths, kill_at=point)
    _, err = worker.communicate(timeout=120)
    assert worker.returncode == -signal.SIGKILL, err
    _after_the_kill(template, paths)
    # What the repair left behind is a store that rekeys again.
    store = open_store(paths, secret_store=template[4])
    try:
        store.vacuum_and_rekey()
        assert snapshot(store) == template[2]
    finally:
        store.close()


@pytest.mark.parametrize("seed", range(_RANDOM_KILLS))
def test_a_rekey_killed_at_a_random_moment_leaves_one_working_key(template, tmp_path, seed):
    paths = _copy(template, tmp_path)
    # Rekeys again and again until killed, so the kill always lands in one of them.
    worker = _worker(paths, "--forever")
    assert worker.stdout is not None
    assert worker.stdout.readline().strip() == "ready"
    # The kill's timing is what is tested, not a synchronisation.
    time.sleep(random.Random(seed).uniform(0.0, 1.5))
    worker.send_signal(signal.SIGKILL)
    _, err = worker.communicate(timeout=60)
    assert worker.returncode == -signal.SIGKILL, err
    _after_the_kill(template, paths)
