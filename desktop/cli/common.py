"""What the command modules share: a date argument and writing a command's output (a file,
whole or not at all, or standard output). Its own module, so that the survey's commands need
not import the parser that imports them."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop.core.errors import EnvironmentProblem
from desktop.core.files import write_atomically
from desktop.core.i18n import tr
from desktop.core.os_words import os_reason


def day_arg(text: str) -> date:
    """A date on the command line, as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value!r} is not a date; write it as YYYY-MM-DD.", value=text)) from None


def write_output(content: str | bytes, output: str | None) -> None:
    """Write to the file (whole or not at all, no temporary file left on failure) or stdout."""
    if output is None:
        sys.stdout.write(content if isinstance(content, str) else content.decode())
        return
    target = Path(output)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise EnvironmentProblem(
            tr("Cannot write {path}: {error}", path=target, error=os_reason(exc))
        ) from exc
