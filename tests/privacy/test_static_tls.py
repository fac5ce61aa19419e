"""No code path turns off TLS certificate checks: a static scan of the app and its packaging.

Python files are read with ``ast``, so what is *said* about ``verify=False`` in
a docstring or comment (crm/http.py explains that it is refused) is not a
finding, while any code that passes, assigns or names an insecure setting is.
Shell scripts and build files are scanned as text for the insecure flags of
curl, wget, pip and git.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = (ROOT / "desktop", ROOT / "packaging", ROOT / "bench")

# Names whose mere use disables or weakens certificate checks.
INSECURE_NAMES = frozenset(
    {
        "CERT_NONE",
        "CERT_OPTIONAL",
        "_create_unverified_context",
        "_create_default_https_context",
        "InsecureRequestWarning",
        "disable_warnings",
    }
)
# Keyword arguments and dict keys that switch a check off when given False.
VERIFY_FLAGS = frozenset({"verify", "check_hostname", "verify_ssl", "ssl_verify", "cert_reqs"})
INSECURE_STRINGS = ("PYTHONHTTPSVERIFY", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_NO_VERIFY")
# In shell scripts, Makefiles and the like.
INSECURE_TEXT = re.compile(
    r"--insecure\b|--no-check-certificate\b|\bcurl\b[^\n]*\s-k\b|--trusted-host\b"
    r"|GIT_SSL_NO_VERIFY|PYTHONHTTPSVERIFY|verify\s*=\s*False|CERT_NONE"
)


def _false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value in (False, 0, "0", "false", "False")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def findings(source: str, name: str = "<source>") -> list[str]:
    """``name:line: what`` for every way ``source`` turns certificate checking off."""
    tree = ast.parse(source, name)
    docstrings = _docstrings(tree)
    return [
        f"{name}:{getattr(node, 'lineno', '?')}: {what}"
        for node in ast.walk(tree)
        for what in (*_flags_off(node), *_insecure_names(node, docstrings))
    ]


def _flags_off(node: ast.AST) -> list[str]:
    """``verify=False``, ``{"verify": False}``, ``x.check_hostname = False``, setattr(...)."""
    if isinstance(node, ast.keyword):
        return [f"{node.arg}=False"] if node.arg in VERIFY_FLAGS and _false(node.value) else []
    if isinstance(node, ast.Dict):
        return [
            f"{key.value!r}: False"
            for key, value in zip(node.keys, node.values, strict=True)
            if isinstance(key, ast.Constant) and key.value in VERIFY_FLAGS and _false(value)
        ]
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return [
            f"{ast.unparse(t)} = False" for t in targets if _names_flag(t) and _false(node.value)
        ]
    if isinstance(node, ast.Call) and _sets_flag(node):
        return [ast.unparse(node)]
    return []


def _insecure_names(node: ast.AST, docstrings: set[int]) -> list[str]:
    """``ssl.CERT_NONE``, ``_create_unverified_context``, "PYTHONHTTPSVERIFY" in code."""
    if isinstance(node, ast.Attribute):
        return [node.attr] if node.attr in INSECURE_NAMES else []
    if isinstance(node, ast.Name):
        return [node.id] if node.id in INSECURE_NAMES else []
    if isinstance(node, ast.alias):
        return [f"import {node.name}"] if node.name.split(".")[-1] in INSECURE_NAMES else []
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ):
        return [word for word in INSECURE_STRINGS if word in node.value]
    return []


def _names_flag(target: ast.AST) -> bool:
    if isinstance(target, ast.Attribute):
        return target.attr in VERIFY_FLAGS
    if isinstance(target, ast.Name):
        return target.id in VERIFY_FLAGS
    if isinstance(target, ast.Subscript):
        key = target.slice
        return isinstance(key, ast.Constant) and key.value in VERIFY_FLAGS
    return False


def _sets_flag(call: ast.Call) -> bool:
    # setattr(context, "check_hostname", False)
    return (
        isinstance(call.func, ast.Name)
        and call.func.id == "setattr"
        and len(call.args) == 3
        and isinstance(call.args[1], ast.Constant)
        and call.args[1].value in VERIFY_FLAGS
        and _false(call.args[2])
    )


def _files() -> list[Path]:
    return sorted(
        p
        for root in SCANNED
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
    )


def test_no_python_file_disables_certificate_checks() -> None:
    python = [p for p in _files() if p.suffix == ".py"]
    assert len(python) > 100  # the scan really read the app
    problems = [
        hit
        for path in python
        for hit in findings(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert problems == []


def test_no_script_or_build_file_disables_certificate_checks() -> None:
    texts = [ROOT / "Makefile", ROOT / "pyproject.toml"]
    texts += [p for p in _files() if p.suffix in {".sh", ".toml", ".cfg", ".ini", ".txt", ""}]
    problems = [
        f"{path.relative_to(ROOT)}: {m.group()}"
        for path in texts
        if path.exists()
        for m in INSECURE_TEXT.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert problems == []


PLANTED = [
    "httpx.Client(verify=False)",
    "httpx.AsyncClient(verify = False)",
    "requests.get(url, verify=0)",
    "kwargs = {'verify': False}",
    "kwargs['verify'] = False",
    "context.check_hostname = False",
    "setattr(context, 'check_hostname', False)",
    "context.verify_mode = ssl.CERT_NONE",
    "ssl._create_default_https_context = ssl._create_unverified_context",
    "from ssl import _create_unverified_context",
    "os.environ['PYTHONHTTPSVERIFY'] = '0'",
    "urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)",
    "warnings.simplefilter('ignore', InsecureRequestWarning)",
]


@pytest.mark.parametrize("source", PLANTED)
def test_the_scanner_catches_a_planted_sample(source: str) -> None:
    assert findings(f"import ssl\n{source}\n"), source


def test_the_scanner_ignores_what_is_only_said_about_it() -> None:
    source = (
        '"""Certificates are always checked (``verify=False`` is refused, CERT_NONE too)."""\n'
        "# never verify=False\n"
        "def client(verify=True):\n"
        '    """PYTHONHTTPSVERIFY is not read."""\n'
        "    if verify is False:\n"
        "        raise ValueError('no')\n"
        "    return httpx.Client(verify=verify)\n"
    )
    assert findings(source) == []
    assert INSECURE_TEXT.search("curl -fsSL https://example.org") is None
    assert INSECURE_TEXT.search("curl -k https://example.org")
    assert INSECURE_TEXT.search("pip install --trusted-host pypi.org x")
