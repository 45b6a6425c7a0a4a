"""The transfer of attached files (issue 16): the bytes travel apart from the records that name
them, by their SHA-256, in fixed chunks with offsets (the shape of tus' core protocol, on the
sync API's own paths, bearer token and refusal bodies).

Upload, resumable:
  GET /files/{sha256}/upload?size=N         → UploadState: how much of it the server holds
  PUT /files/{sha256}/upload?size=N&offset=K  (body: the bytes from K on, at most CHUNK_BYTES)
                                            → UploadState after them
A laptop asks first, then sends the rest in chunks of CHUNK_BYTES, each at the offset the
server last answered: a cut connection costs at most the chunk that was on the way. The last
chunk completes the file: the server checks its SHA-256 (`hash_mismatch` discards what it
held) and from then on the caller's office may name the hash in an `attachments` record. A
chunk at another offset than the server holds is answered `offset_mismatch` with the server's
`received`: the laptop goes on from there.

Download, ranged:
  GET /files/{sha256}   (optionally `Range: bytes=K-`)  → the bytes (200, or 206 from K on)

Visibility (no existence oracle): an office may download a file only when a live attachment it
may see names it (its own; the office above, those of a recommendation escalated to it, but
never a signed attendance scan), and may name a hash in a record only after uploading it or
when it may download it. A hash the server does not hold and one it holds for others only get
the same answers: `file_unknown` for a download, "nothing received" for an upload (the office
then sends the whole file, which proves it holds it). Every office's uploads count against
its own quota, whoever else holds the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated

from msgspec import Meta, Struct

from protocol.entities import MAX_FILE_SIZE

SHA256_PATTERN = r"^[0-9a-f]{64}$"
SHA256 = re.compile(SHA256_PATTERN)
Sha256 = Annotated[str, Meta(pattern=SHA256_PATTERN)]
# One chunk: a cut at 90 % of a 10 MB upload sends less than a tenth of it again; small enough
# that a chunk on a 1 Mbit/s link takes seconds, large enough that a loopback copy is not
# dominated by round trips.
CHUNK_BYTES = 1024 * 1024
FILE_PATHS = "/files"

__all__ = [
    "CHUNK_BYTES",
    "MAX_FILE_SIZE",
    "SHA256",
    "SHA256_PATTERN",
    "Sha256",
    "UploadState",
    "file_sha256",
    "is_sha256",
]


class UploadState(Struct):
    """What the server holds of one upload of the caller's office."""

    sha256: str
    size: int
    received: int  # bytes held, from the start: the next chunk's offset
    complete: bool  # the whole file is there, checked: the office may name it in a record


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and SHA256.match(value) is not None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's content (lower-case hex), read in blocks: the name a file has in
    both file stores and on the wire."""
    with path.open("rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


def upload_path(sha256: str) -> str:
    return f"{FILE_PATHS}/{sha256}/upload"


def file_path(sha256: str) -> str:
    return f"{FILE_PATHS}/{sha256}"
