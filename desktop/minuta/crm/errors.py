"""What can go wrong talking to a CRM, in words a user can act on.

Each error says whether trying again later can help (:attr:`CrmError.retryable`):
the outbox retries those with backoff and leaves the others for the user.
Messages never hold tokens or meeting content.
"""

from __future__ import annotations


class CrmError(Exception):
    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CrmUnavailable(CrmError):
    """No answer, a timeout or a server error: worth another try later."""

    retryable = True

    def __init__(self, message: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class CrmRateLimited(CrmUnavailable):
    """429: the CRM asks us to slow down, usually saying for how long."""


class CrmAuthError(CrmError):
    """The sign-in expired or was withdrawn and could not be renewed."""


class CrmRejected(CrmError):
    """The CRM refused the request itself (4xx): sending it again will not help."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class CrmTlsError(CrmError):
    """The server's certificate did not check out: we never talk to it."""


class CrmNotConnected(CrmError):
    """No sign-in or token is stored for this CRM."""
