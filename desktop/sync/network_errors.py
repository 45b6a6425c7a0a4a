"""What went wrong on the way to the server, in words a user can act on: a certificate the
laptop does not trust (and a laptop clock so wrong that a good certificate looks expired), an
address that is not http:// or https://, a server that does not answer. Never the name of an
exception class."""

from __future__ import annotations

import logging
import ssl
from datetime import datetime

from desktop.core.errors import EnvironmentProblem, InputError, MufakatError
from desktop.core.i18n import tr

# OpenSSL's X509_V_ERR_* numbers (ssl.SSLCertVerificationError.verify_code).
CERT_NOT_YET_VALID = 9
CERT_HAS_EXPIRED = 10
HOSTNAME_MISMATCH = 62
IP_ADDRESS_MISMATCH = 64
UNABLE_TO_GET_ISSUER_CERT = 2
CERT_REVOKED = 23
SELF_SIGNED = frozenset({18, 19})  # DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN
UNKNOWN_AUTHORITY = frozenset({UNABLE_TO_GET_ISSUER_CERT, 20, 21, 27})  # …_LOCALLY, …_LEAF_SIGNATURE, CERT_UNTRUSTED

log = logging.getLogger(__name__)


class SyncUnavailable(EnvironmentProblem):
    """The server could not be reached or did not answer in time: try again later."""


class CertificateProblem(EnvironmentProblem):
    """The server's certificate was refused: a person must act (the clock, the address, the
    administrator); waiting for the network does not help, so it is not `SyncUnavailable`.
    `untrusted`: "url: reason" when its authority is one this laptop does not know, which the
    office's CA file given at enrollment cures (the CLI and the form each say where it goes)."""

    def __init__(self, message: str, untrusted: str = "") -> None:
        super().__init__(message)
        self.untrusted = untrusted


class HttpsOnly(EnvironmentProblem):
    """An http:// address of a server that speaks only TLS: the address must start with
    https://. Waiting does not help, so it is not `SyncUnavailable`."""


def https_only(url: str) -> HttpsOnly:
    secure = "https://" + url.split("://", 1)[-1]
    return HttpsOnly(
        tr(
            "The server {url} answers only encrypted connections: use the address {secure} "
            "(https://, not http://).",
            url=url,
            secure=secure,
        )
    )


def untrusted_for_cli(problem: CertificateProblem) -> str:
    return tr(
        "The server's certificate is not trusted ({detail}): give the office's CA certificate with "
        "--ca-file FILE, or contact the administrator.",
        detail=problem.untrusted,
    )


def untrusted_in_form(problem: CertificateProblem, field: str) -> str:
    return tr(
        "The server's certificate is not trusted ({detail}): choose the office's CA certificate in "
        "the field “{field}”, or contact the administrator.",
        detail=problem.untrusted,
        field=field,
    )


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def certificate_problem(exc: ssl.SSLCertVerificationError, url: str) -> CertificateProblem:
    code = exc.verify_code
    now = datetime.now().astimezone().strftime("%d-%m-%Y %H:%M")
    if code in (CERT_NOT_YET_VALID, CERT_HAS_EXPIRED):
        message = (
            tr(
                "The certificate of {url} is not valid yet as this laptop sees it. This laptop's "
                "clock says {now}: check its date, time and time zone, then sync again.",
                url=url,
                now=now,
            )
            if code == CERT_NOT_YET_VALID
            else tr(
                "The certificate of {url} has expired as this laptop sees it. This laptop's clock "
                "says {now}: check its date, time and time zone; if they are right, tell the "
                "administrator the server's certificate must be renewed.",
                url=url,
                now=now,
            )
        )
        return CertificateProblem(message)
    if code in (HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH):
        return CertificateProblem(
            tr(
                "The certificate of {url} belongs to another address. Check the server address; "
                "if it is right, tell the administrator.",
                url=url,
            )
        )
    # OpenSSL's own words are English and technical: the log keeps them for support, the user
    # reads what is wrong in their language.
    log.warning("certificate of %s refused: %s (OpenSSL verify code %s)", url, exc.verify_message or exc.reason, code)
    detail = f"{url}: {_untrusted_reason(code)}"
    return CertificateProblem(
        tr(
            "The server's certificate is not trusted ({detail}): enroll this laptop again with the "
            "office's CA file, or contact the administrator.",
            detail=detail,
        ),
        untrusted=detail,
    )


def _untrusted_reason(code: int) -> str:
    if code in SELF_SIGNED:
        return tr("it is signed by the server itself, not by an authority this laptop trusts")
    if code in UNKNOWN_AUTHORITY:
        return tr("it is signed by an authority this laptop does not know")
    if code == CERT_REVOKED:
        return tr("it was revoked")
    return tr("it could not be checked")


def describe(exc: BaseException, url: str) -> MufakatError:
    """The user's message for a failed request (httpx's exceptions)."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return SyncUnavailable(tr("The server {url} did not answer in time.", url=url))
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return InputError(tr("The server address {url} must start with http:// or https://.", url=url))
    certificate = _cause(exc, ssl.SSLCertVerificationError)
    if isinstance(certificate, ssl.SSLCertVerificationError):
        return certificate_problem(certificate, url)
    if _cause(exc, ssl.SSLError) is not None:
        return SyncUnavailable(
            tr(
                "The secure connection to {url} failed. Check whether the address starts with "
                "http:// or https:// as the administrator gave it.",
                url=url,
            )
        )
    if isinstance(exc, httpx.ConnectError):
        return SyncUnavailable(
            tr(
                "The server {url} cannot be reached. Check the network and the server address; "
                "sync is retried by itself.",
                url=url,
            )
        )
    return SyncUnavailable(tr("The connection to {url} was interrupted; sync is retried by itself.", url=url))
