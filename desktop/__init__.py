"""Mufakat: offline-first desktop app for Forum Konsultasi Publik."""

from importlib.metadata import PackageNotFoundError, version

try:
    # One place for the version: pyproject.toml, as installed (the packaged app carries the
    # package's metadata for this; see packaging/mufakat.spec).
    __version__ = version("mufakat")
except PackageNotFoundError:  # a source tree run without installing it (`make run` installs it)
    __version__ = "0+unknown"
