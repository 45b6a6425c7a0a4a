"""One logging set-up for the app and the command line: lines in English, for support, in the
data folder's `logs/mufakat.log`, rotated (the file and its five predecessors, 1 MB each) so that
a laptop left running for years never fills its disk with them. Configured once per process:
calling it again for the same folder changes nothing."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.core.config import log_path

MAX_BYTES = 1_000_000
KEPT = 5  # mufakat.log.1 … mufakat.log.5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(RotatingFileHandler):
    """Ours: recognised when asked again for the same folder."""


class _Fallback(logging.StreamHandler):  # type: ignore[type-arg]
    """Ours too: stderr, when the data folder cannot hold the log."""


def configure_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger's lines to the data folder's log file (to stderr when the folder
    cannot be written); returns the file's path, as messages to the user name it."""
    path = log_path(data_dir)
    root = logging.getLogger()
    if any(isinstance(h, _LogFile) and Path(h.baseFilename) == path.absolute() for h in root.handlers):
        return path
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=KEPT, encoding="utf-8")
    except OSError:
        handler = _Fallback(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    for old in [h for h in root.handlers if isinstance(h, _LogFile | _Fallback)]:  # another folder's
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path
