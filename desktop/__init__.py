"""Mufakat: offline-first desktop app for Forum Konsultasi Publik."""

__version__ = "0.1.0"
