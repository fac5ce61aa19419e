"""A real BottleCRM server (django-crm 1.35.0) on 127.0.0.1, for end-to-end tests.

django-crm needs Python 3.12 and Minuta's tests run on 3.11, so the server runs
in its own virtual environment, made once in a cache folder outside the test
session's temporary HOME (``$MINUTA_TEST_CACHE``, else
``/tmp/minuta-test-cache``)::

    bottlecrm-1.35.0-py3.12.1/
        venv/                  python3.12 -m venv; pip install django-crm==1.35.0
        venv/.minuta-ready     written last: the install is complete
        template.sqlite3       every migration applied (takes a minute or two, once)
        lock                   flock: two sessions never build the cache together

Each session then copies the migrated database into its own folder, seeds it
(an organisation, an admin who owns a personal access token, two more members
to own tasks, one contact), starts ``runserver --noreload`` on a free port and
waits until it answers. Settings come from a small module that takes
``crm.settings`` and swaps PostgreSQL for that SQLite file, Redis for Celery's
in-memory broker and the password hasher for a fast one; ``runserver`` logs go
to ``server-output.log`` in the session folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

DJANGO_CRM = "django-crm==1.35.0"
SETTINGS_MODULE = "minuta_bottlecrm_settings"
READY_MARKER = ".minuta-ready"
INSTALL_TIMEOUT_S = 900
MIGRATE_TIMEOUT_S = 900
SCRIPT_TIMEOUT_S = 120
START_DEADLINE_S = 60.0
STOP_WAIT_S = 10.0

CONTACT = {
    "first_name": "Kari",
    "last_name": "Nordmann",
    "email": "kari.nordmann@example.no",
    "organization": "Fjordkraft Demo AS",
}
ADMIN = {"name": "Siri Selger", "email": "siri.selger@example.no"}
OWNERS = (
    {"name": "Ola Hansen", "email": "ola.hansen@example.no"},
    {"name": "Ingrid Berg", "email": "ingrid.berg@example.no"},
)

SETTINGS = """\
import os

from crm.settings import *  # noqa: F403

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["MINUTA_BOTTLECRM_DB"]}
}
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = os.path.join(os.path.dirname(os.environ["MINUTA_BOTTLECRM_DB"]), "media")
"""

SEED = """\
import json
import sys

import django

django.setup()

from common.models import Org, PersonalAccessToken, Profile, User
from contacts.models import Contact

spec = json.loads(sys.argv[1])
org = Org.objects.create(name="Minuta Test AS")
admin = Profile.objects.create(
    user=User.objects.create(email=spec["admin"]["email"], name=spec["admin"]["name"]),
    org=org,
    role="ADMIN",
)
owners = {}
for person in spec["owners"]:
    user = User.objects.create(email=person["email"], name=person["name"])
    owners[person["name"]] = str(Profile.objects.create(user=user, org=org, role="USER").id)
contact = Contact.objects.create(org=org, **spec["contact"])
token, _ = PersonalAccessToken.generate(admin, "Minuta tests")
print(json.dumps({
    "token": token,
    "admin_profile_id": str(admin.id),
    "owner_ids": owners,
    "contact_id": str(contact.id),
}))
"""

READBACK = """\
import json

import django

django.setup()

from interactions.models import Interaction
from tasks.models import Task

interactions = [
    {
        "id": str(i.id),
        "kind": i.kind,
        "direction": i.direction,
        "occurred_at": i.occurred_at.isoformat(),
        "duration_seconds": i.duration_seconds,
        "subject": i.subject,
        "body": i.body,
        "home": i.home,
        "contact_id": str(i.contact_id) if i.contact_id else None,
        "logged_by_id": str(i.logged_by_id) if i.logged_by_id else None,
    }
    for i in Interaction.objects.order_by("created_at")
]
tasks = [
    {
        "id": str(t.id),
        "title": t.title,
        "description": t.description,
        "status": t.status,
        "priority": t.priority,
        "due_date": t.due_date.isoformat() if t.due_date else None,
        "contact_ids": sorted(str(c) for c in t.contacts.values_list("id", flat=True)),
        "assigned_to_ids": sorted(str(p) for p in t.assigned_to.values_list("id", flat=True)),
    }
    for t in Task.objects.order_by("created_at")
]
print(json.dumps({"interactions": interactions, "tasks": tasks}))
"""


class BottleCrmSetupError(RuntimeError):
    """django-crm could not be installed (no index reachable, say)."""


# Finding Python 3.12 -----------------------------------------------------------------


def real_home() -> Path:
    """The account's own home: the test session points HOME at a temporary folder."""
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


def find_python312() -> Path | None:
    candidates: list[str] = []
    on_path = shutil.which("python3.12")
    if on_path:
        candidates.append(on_path)
    pattern = str(real_home() / ".pyenv" / "versions" / "3.12*" / "bin" / "python3.12")
    candidates += sorted(glob.glob(pattern), reverse=True)
    candidates += ["/usr/bin/python3.12", "/usr/local/bin/python3.12"]
    for candidate in candidates:
        if _runs_python312(candidate):
            return Path(candidate)
    return None


def _runs_python312(candidate: str) -> bool:
    if not os.access(candidate, os.X_OK):
        return False
    try:
        result = subprocess.run(
            [candidate, "-c", "import sys, venv; print(sys.version_info[:2] == (3, 12))"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and result.stdout.strip() == "True"


def _version_of(python: Path) -> str:
    result = subprocess.run(
        [str(python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout.strip()


# The cache: one venv and one migrated database per django-crm and Python version ------


def cache_dir(python: Path) -> Path:
    root = Path(os.environ.get("MINUTA_TEST_CACHE") or "/tmp/minuta-test-cache")
    version = DJANGO_CRM.split("==")[1]
    return root / f"bottlecrm-{version}-py{_version_of(python)}"


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_cache(python: Path) -> tuple[Path, Path]:
    """The venv's python and the migrated template database, made when missing."""
    folder = cache_dir(python)
    with _locked(folder):
        venv_python = _ensure_venv(python, folder / "venv")
        template = folder / "template.sqlite3"
        if not template.exists():
            _migrate_template(venv_python, folder, template)
    return venv_python, template


def _ensure_venv(python: Path, venv: Path) -> Path:
    venv_python = venv / "bin" / "python"
    marker = venv / READY_MARKER
    if marker.exists() and marker.read_text().strip() == DJANGO_CRM and venv_python.exists():
        return venv_python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([str(python), "-m", "venv", str(venv)], check=True, timeout=300)
    # The real HOME, so the account's own pip configuration (its index) applies.
    env = {**_clean_env(), "HOME": str(real_home())}
    install = subprocess.run(
        [str(venv_python), "-m", "pip", "install", "--disable-pip-version-check", DJANGO_CRM],
        capture_output=True,
        text=True,
        env=env,
        timeout=INSTALL_TIMEOUT_S,
        check=False,
    )
    if install.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        tail = (install.stdout + install.stderr)[-1500:]
        raise BottleCrmSetupError(f"pip install {DJANGO_CRM} failed:\n{tail}")
    marker.write_text(DJANGO_CRM + "\n")
    return venv_python


def _migrate_template(venv_python: Path, folder: Path, template: Path) -> None:
    work = folder / "template-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    database = work / "db.sqlite3"
    _run_django(
        venv_python,
        work,
        database,
        ["-m", "django", "migrate", "--noinput", "-v", "0"],
        timeout=MIGRATE_TIMEOUT_S,
    )
    database.replace(template)
    shutil.rmtree(work, ignore_errors=True)


# Running the server's Python ---------------------------------------------------------


def _clean_env() -> dict[str, str]:
    """This process's environment less what would point the other Python at ours."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def _django_env(work: Path, database: Path) -> dict[str, str]:
    (work / f"{SETTINGS_MODULE}.py").write_text(SETTINGS)
    return {
        **_clean_env(),
        "PYTHONPATH": str(work),
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "MINUTA_BOTTLECRM_DB": str(database),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ENV_TYPE": "dev",
        "DEBUG": "False",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def _run_django(
    venv_python: Path, work: Path, database: Path, args: list[str], *, timeout: float
) -> str:
    """Runs the venv's python in ``work`` (its log files land there); returns stdout."""
    result = subprocess.run(
        [str(venv_python), *args],
        cwd=work,
        env=_django_env(work, database),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"BottleCRM {args[:3]} failed ({result.returncode}):\n{result.stderr[-3000:]}"
        )
    return result.stdout


def _last_json_line(output: str) -> Any:
    lines = [line for line in output.splitlines() if line.strip()]
    return json.loads(lines[-1])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# The server ----------------------------------------------------------------------------


@dataclass
class BottleCrmServer:
    base_url: str
    token: str
    contact_id: str
    contact_email: str
    admin_profile_id: str
    owner_ids: dict[str, str]  # member's name -> profile id (what assigned_to takes)
    work: Path
    venv_python: Path
    database: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Every interaction and task in the database, read with the server's own ORM."""
        script = self.work / "readback.py"
        script.write_text(READBACK)
        output = _run_django(
            self.venv_python, self.work, self.database, [str(script)], timeout=SCRIPT_TIMEOUT_S
        )
        data: dict[str, list[dict[str, Any]]] = _last_json_line(output)
        return data

    def interaction(self, remote_id: str) -> dict[str, Any]:
        return _one(self.records()["interactions"], remote_id)

    def task(self, remote_id: str) -> dict[str, Any]:
        return _one(self.records()["tasks"], remote_id)

    def log(self) -> str:
        path = self.work / "server-output.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_WAIT_S)


def _one(rows: list[dict[str, Any]], remote_id: str) -> dict[str, Any]:
    for row in rows:
        if row["id"] == remote_id:
            return row
    raise KeyError(f"no record {remote_id} in BottleCRM")


def start_bottlecrm(python: Path, work: Path) -> BottleCrmServer:
    """Seeds a fresh copy of the migrated database in ``work`` and serves it."""
    venv_python, template = ensure_cache(python)
    database = work / "db.sqlite3"
    shutil.copyfile(template, database)
    spec = {"admin": ADMIN, "owners": list(OWNERS), "contact": CONTACT}
    seed = work / "seed.py"
    seed.write_text(SEED)
    output = _run_django(
        venv_python, work, database, [str(seed), json.dumps(spec)], timeout=SCRIPT_TIMEOUT_S
    )
    seeded = _last_json_line(output)
    server = BottleCrmServer(
        base_url="",
        token=seeded["token"],
        contact_id=seeded["contact_id"],
        contact_email=CONTACT["email"],
        admin_profile_id=seeded["admin_profile_id"],
        owner_ids=seeded["owner_ids"],
        work=work,
        venv_python=venv_python,
        database=database,
    )
    # The port is free when asked for and taken a moment later; another process
    # may take it in between, so a failed start tries another.
    for _ in range(3):
        port = _free_port()
        server.base_url = f"http://127.0.0.1:{port}"
        server.process = _spawn(venv_python, work, database, port)
        try:
            answering = _wait_until_answering(server)
        except BaseException:
            server.stop()
            raise
        if answering:
            return server
        server.stop()
    raise RuntimeError(f"BottleCRM did not start:\n{server.log()[-3000:]}")


def _spawn(venv_python: Path, work: Path, database: Path, port: int) -> subprocess.Popen[bytes]:
    args = [str(venv_python), "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"]
    with open(work / "server-output.log", "ab") as log:
        return subprocess.Popen(
            args,
            cwd=work,
            env=_django_env(work, database),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _wait_until_answering(server: BottleCrmServer) -> bool:
    """True once the server answers HTTP; False if it exits (a taken port) first."""
    deadline = time.monotonic() + START_DEADLINE_S
    with httpx.Client(timeout=2.0) as http:
        while time.monotonic() < deadline:
            if server.process is None or server.process.poll() is not None:
                return False
            try:
                http.get(f"{server.base_url}/healthz/")
            except httpx.TransportError:
                # Not listening yet: poll again after a short pause (bounded by the deadline).
                time.sleep(0.05)
                continue
            return True
    raise RuntimeError(
        f"BottleCRM did not answer in {START_DEADLINE_S:.0f} s:\n{server.log()[-3000:]}"
    )


__all__ = [
    "BottleCrmServer",
    "BottleCrmSetupError",
    "find_python312",
    "start_bottlecrm",
]
