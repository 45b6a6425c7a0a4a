"""The server's logs: one JSON object per line on stderr (journald keeps them; `jq` reads them).

Every line has `time`, `level`, `logger`, `pid` (the worker process) and `message`; a request's line adds what it was
(`method`, `route`, `status`, `ms`, `device`, `code` of a refusal, `client`), a push's line the
number of operations applied, duplicate and refused. uvicorn's own lines (start, stop, errors)
go through the same formatter, in every worker process.
"""

from __future__ import annotations

import logging
from typing import Any

REQUESTS = "mufakat.server.requests"


class PlainMessage(logging.Filter):
    """uvicorn's lines carry a coloured copy of their message for terminals: not in the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__.pop("color_message", None)
        return True


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A `logging.config.dictConfig` for uvicorn (it applies it in each worker process)."""
    json_lines = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(process)d %(message)s",
        "rename_fields": {"levelname": "level", "name": "logger", "process": "pid"},
        "timestamp": "time",  # ISO 8601, UTC, to the microsecond
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": json_lines},
        "filters": {"plain": {"()": PlainMessage}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["plain"],
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            # Requests are logged by the application, with what they were (server_stub.observe).
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            # The server's own loggers only: "mufakat.*" of the desktop app (in the same process
            # in tests and tools) keep logging where the app sends them.
            "mufakat.server": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
