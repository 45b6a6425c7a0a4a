"""argparse's own words ("usage:", "options", "the following arguments are required", "invalid
choice", …) in the user's language: argparse asks `gettext` for each of them, and `install()`
makes it ask the project's catalog (desktop/locale/id.po) instead, in the language of the moment.
The messages below are argparse's exactly (CPython 3.11–3.13), marked here so that `make
catalog` keeps them; one argparse words differently is shown as argparse has it."""

from __future__ import annotations

import argparse

from desktop.core.i18n import N_, language, translate_to

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _gettext(message: str) -> str:
    return translate_to(language(), message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return translate_to(language(), singular if count == 1 else plural)


def install() -> None:
    """From now on argparse words its usage, help and errors in the current language."""
    setattr(argparse, "_", _gettext)  # noqa: B010 - argparse's module-level gettext names
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
