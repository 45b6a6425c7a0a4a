"""Files the app shows that are not code: its icon (drawn by tools/make_icon.py)."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
APP_ICON = RESOURCES_DIR / "mufakat.png"
