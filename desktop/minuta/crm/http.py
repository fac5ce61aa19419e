"""The one way Minuta talks to a CRM: httpx, explicit timeouts, TLS always checked.

Every answer is turned into either a :class:`Reply` (2xx) or one of the errors
in :mod:`minuta.crm.errors`, so connectors and the outbox never look at status
codes themselves:

* 401: the credentials get one chance to refresh (a token that expired in the
  middle of a push), then the request is sent once more;
* 429 and 5xx: retryable, with the server's ``Retry-After`` when it gave one;
* other 4xx: rejected, with the vendor's own error message when its body has one;
* a certificate that does not check out: :class:`CrmTlsError`, never a retry
  without verification (``verify=False`` is refused outright).

Redirects are not followed: a CRM API that redirects a POST is misconfigured,
and following it could send meeting content somewhere the user did not choose.
Nothing here logs bodies or headers; only methods, hosts, statuses and timings.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from minuta.crm.errors import (
    CrmAuthError,
    CrmError,
    CrmNotConnected,
    CrmRateLimited,
    CrmRejected,
    CrmTlsError,
    CrmUnavailable,
)

log = logging.getLogger(__name__)
# httpx logs every request's full URL at INFO, and a CRM look-up's URL carries the
# e-mail address or name searched for: keep that out of any log, whatever level
# the application sets.
logging.getLogger("httpx").setLevel(logging.WARNING)

# Generous enough for a slow CRM on a hotel network, short enough that a stalled
# server frees the outbox for the next try. ``write`` bounds sending a long note.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# The longest wait a server's Retry-After may ask for before we call it a failure
# and leave the push queued for later.
MAX_RETRY_AFTER_S = 3600.0
USER_AGENT = "Minuta/0.1"


class Credentials(Protocol):
    """What :class:`CrmClient` needs from a sign-in (see :mod:`minuta.crm.tokens`)."""

    def authorization(self) -> tuple[str, str]: ...

    def refresh(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON; None when empty. A body that is not JSON is a CRM fault."""
        if not self.body.strip():
            return None
        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise CrmUnavailable("The CRM answered with something that is not JSON.") from exc


def retry_after_s(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return min(max(when.timestamp() - current, 0.0), MAX_RETRY_AFTER_S)


def _is_certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def json_or_none(body: bytes) -> Any:
    """``body`` as JSON; None when it is empty or not JSON (an error page, "OK")."""
    try:
        return json.loads(body) if body.strip() else None
    except ValueError:
        return None


def default_error_message(reply: Reply) -> str:
    """The usual places vendors put a message: ``message``, ``error``, ``errors[0]``."""
    found = _message_in(json_or_none(reply.body))
    return found[:300] if found else f"The CRM answered {reply.status}."


def _message_in(data: Any) -> str | None:
    if isinstance(data, str):
        return data
    if isinstance(data, list) and data:
        return _message_in(data[0])
    if isinstance(data, Mapping):
        for key in ("message", "error_description", "detail", "error", "errors", "Message"):
            if key in data:
                found = _message_in(data[key])
                if found:
                    return found
    return None


@contextmanager
def _sign_in_errors() -> Iterator[None]:
    """Sign-in failures (:mod:`minuta.crm.oauth`, :mod:`minuta.crm.tokens`) as CRM errors."""
    from minuta.crm.oauth import OAuthError
    from minuta.crm.tokens import NotSignedInError, TokenStoreError

    try:
        yield
    except NotSignedInError as exc:
        raise CrmNotConnected(str(exc)) from exc
    except TokenStoreError as exc:
        raise CrmAuthError(str(exc)) from exc
    except OAuthError as exc:
        if exc.retryable:
            raise CrmUnavailable(str(exc)) from exc
        raise CrmAuthError(str(exc)) from exc


class CrmClient:
    """An HTTP client for one CRM connection.

    ``verify`` is True (the system's trusted certificates) or an SSL context /
    CA bundle path that trusts a specific authority (a company's own CA, or a
    test's); never False.
    """

    def __init__(
        self,
        credentials: Credentials | None,
        *,
        verify: ssl.SSLContext | str | bool = True,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        error_message: Callable[[Reply], str] = default_error_message,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if verify is False:
            raise ValueError("TLS verification cannot be turned off for a CRM")
        self._credentials = credentials
        self.error_message = error_message
        self._http = httpx.Client(
            verify=verify,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CrmClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes | None = None,
        params: Mapping[str, str] | None = None,
    ) -> Reply:
        reply = self._send_once(method, url, headers, body, params)
        if reply.status == 401 and self._credentials is not None:
            # A token that expired in the middle of a push: renew once, send again.
            with _sign_in_errors():
                renewed = self._credentials.refresh()
            if renewed:
                reply = self._send_once(method, url, headers, body, params)
        return self._checked(reply)

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> Any:
        return self.send(
            "GET", url, headers=(("Accept", "application/json"),), params=params
        ).json()

    def send_json(self, method: str, url: str, payload: Any) -> Any:
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = (("Content-Type", "application/json"), ("Accept", "application/json"))
        return self.send(method, url, headers=headers, body=body).json()

    def _send_once(
        self,
        method: str,
        url: str,
        headers: Sequence[tuple[str, str]],
        body: bytes | None,
        params: Mapping[str, str] | None,
    ) -> Reply:
        all_headers = list(headers)
        if self._credentials is not None:
            with _sign_in_errors():
                all_headers.append(self._credentials.authorization())
        host = urlsplit(url).hostname or "?"
        started = time.monotonic()
        try:
            response = self._http.request(
                method, url, headers=all_headers, content=body, params=params
            )
        except httpx.TimeoutException as exc:
            raise CrmUnavailable(f"The CRM at {host} did not answer in time.") from exc
        except httpx.ConnectError as exc:
            if _is_certificate_problem(exc):
                raise CrmTlsError(
                    f"The certificate of {host} could not be verified, so nothing was sent. "
                    "Check the CRM address, or ask your IT department about the connection."
                ) from exc
            raise CrmUnavailable(f"Could not reach the CRM at {host}.") from exc
        except httpx.HTTPError as exc:
            raise CrmUnavailable(f"The connection to the CRM at {host} failed.") from exc
        log.info(
            "%s %s -> %d in %.2f s", method, host, response.status_code, time.monotonic() - started
        )
        return Reply(response.status_code, dict(response.headers), response.content)

    def _checked(self, reply: Reply) -> Reply:
        status = reply.status
        if 200 <= status < 300:
            return reply
        wait = retry_after_s(reply.headers.get("retry-after"))
        if status == 429:
            raise CrmRateLimited("The CRM asked Minuta to slow down.", retry_after_s=wait)
        if status >= 500:
            raise CrmUnavailable(f"The CRM had a problem ({status}).", retry_after_s=wait)
        if status == 401:
            raise CrmAuthError("The sign-in to the CRM has expired. Connect it again.")
        if status == 403:
            raise CrmRejected(
                "The CRM refused: your account may not be allowed to do this. "
                + self.error_message(reply),
                status=status,
            )
        if 300 <= status < 400:
            raise CrmRejected(
                "The CRM answered with a redirect; nothing was sent there.", status=status
            )
        raise CrmRejected(self.error_message(reply), status=status)


__all__ = ["Credentials", "CrmClient", "CrmError", "Reply", "retry_after_s"]
