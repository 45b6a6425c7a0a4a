"""Which server certificates this laptop trusts.

By default the operating system's own store, through `truststore`: Windows' and macOS' stores,
the Linux CA folder. An office CA the administrator installed on the laptop is trusted there,
as the browser trusts it (httpx alone would trust only certifi's public list). A laptop enrolled
with `--ca-file` trusts that CA file instead; a copy is kept in the data folder
(`server-ca.pem`), so it moves with the folder and survives the original's removal.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.i18n import tr

CA_FILENAME = "server-ca.pem"


def ssl_context(ca_file: Path | None = None) -> ssl.SSLContext:
    if ca_file is not None:
        return ssl.create_default_context(cafile=str(ca_file))
    import truststore  # loaded with the first encrypted request

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def read_ca_file(path: Path) -> bytes:
    """The certificate authority file given at enrollment, checked: PEM certificates only."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise InputError(tr("The certificate file {path} does not exist.", path=path)) from None
    except OSError as exc:
        raise InputError(tr("Cannot read {path}: {error}", path=path, error=exc.strerror or exc)) from None
    try:
        if b"-----BEGIN CERTIFICATE-----" not in content:
            raise ssl.SSLError("no certificate")
        ssl.create_default_context(cadata=content.decode("ascii"))
    except (ssl.SSLError, UnicodeDecodeError, ValueError):
        raise InputError(
            tr(
                "{path} is not a certificate file: give the office's CA certificate in PEM form "
                "(text that starts with -----BEGIN CERTIFICATE-----).",
                path=path,
            )
        ) from None
    return content


def kept_ca(data_dir: Path) -> Path:
    """Where the laptop keeps its copy of the office's CA file: the file it trusts (the one the
    user chose may be moved or deleted afterwards)."""
    return (data_dir / CA_FILENAME).absolute()


def ca_path(data_dir: Path) -> Path | None:
    """The CA file this laptop was enrolled with, if any (its kept copy)."""
    path = kept_ca(data_dir)
    return path if path.exists() else None


def keep_ca(data_dir: Path, content: bytes) -> None:
    """Keep the CA file in the data folder, whole or not at all."""
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".server-ca-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(kept_ca(data_dir))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
