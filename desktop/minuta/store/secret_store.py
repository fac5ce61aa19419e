"""Where the database key lives: the operating system's keyring.

Only keyrings that protect secrets are used: the Secret Service (GNOME Keyring,
KWallet 5.97+, KeePassXC), KWallet's own D-Bus API, the macOS Keychain and the
Windows Credential Manager. Plaintext and "null" backends are refused, so the
key never ends up in a file next to the data it protects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from minuta.store.errors import InsecureKeyringError, KeyringUnavailableError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE_NAME = "Minuta"

# Backend modules whose storage is encrypted or access-controlled by the OS.
_SECURE_BACKEND_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


class SecretStore(Protocol):
    """A place for a few named secrets, like the OS keyring."""

    @property
    def description(self) -> str: ...

    def get(self, account: str) -> str | None: ...

    def set(self, account: str, secret: str) -> None: ...

    def delete(self, account: str) -> None: ...


class SystemKeyring:
    """A :class:`SecretStore` on one ``keyring`` backend, errors made readable."""

    def __init__(self, backend: KeyringBackend) -> None:
        self._backend = backend

    @property
    def description(self) -> str:
        return _backend_name(self._backend)

    def get(self, account: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE_NAME, account)
        except Exception as exc:  # every backend raises its own types
            raise KeyringUnavailableError(_reason(exc)) from exc

    def set(self, account: str, secret: str) -> None:
        try:
            self._backend.set_password(SERVICE_NAME, account, secret)
        except Exception as exc:
            raise KeyringUnavailableError(_reason(exc)) from exc

    def delete(self, account: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._backend.delete_password(SERVICE_NAME, account)
        except PasswordDeleteError:
            return
        except Exception as exc:
            raise KeyringUnavailableError(_reason(exc)) from exc


def _backend_name(backend: object) -> str:
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


def _reason(exc: BaseException) -> str:
    # Exception text from D-Bus or the OS names the failure; it never holds the secret.
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _is_secure(backend: object) -> bool:
    module = type(backend).__module__
    return module.startswith(_SECURE_BACKEND_MODULES)


def _is_none(backend: object) -> bool:
    """keyring's stand-in when no keyring service answered (not a keyring at all)."""
    return type(backend).__module__.startswith("keyring.backends.fail")


def system_keyring() -> SystemKeyring:
    """The best secure keyring of this system.

    Raises :class:`InsecureKeyringError` when only a plaintext or null keyring
    exists, and :class:`KeyringUnavailableError` when none can be loaded.
    """
    try:
        import keyring
        from keyring.backends.chainer import ChainerBackend
    except Exception as exc:  # a broken install must not crash start-up
        raise KeyringUnavailableError(_reason(exc)) from exc

    try:
        backend = keyring.get_keyring()
        if _is_none(backend):
            # Chosen when none answered, and kept by keyring: look again, as the
            # keyring service may have started since (a login still under way).
            keyring.core.init_backend()
            backend = keyring.get_keyring()
    except Exception as exc:
        raise KeyringUnavailableError(_reason(exc)) from exc
    if _is_none(backend):
        raise KeyringUnavailableError("no keyring service is running, or it could not be reached")

    candidates: list[object] = (
        list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    )
    for candidate in candidates:
        if _is_secure(candidate):
            return SystemKeyring(candidate)  # type: ignore[arg-type]
    names = ", ".join(_backend_name(c) for c in candidates) or "none"
    raise InsecureKeyringError(names)
