"""Screenshots of the server's web pages (issue 17) for the README, in headless Chromium: the
public page of KPPN Sorong on a phone, the oversight of its Kanwil and the administrator's
units and devices on a desktop window. The data is the web tests' (tests/server/web_world.py),
pushed by laptops over HTTP to a real server on 127.0.0.1.

.venv/bin/python tools/web_screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.server.chrome import chrome
from tests.server.serving import Running, prepared_store, serving
from tests.server.web_client import ADMIN, ADMIN_PASSWORD, add_web_admin
from tests.server.web_world import KEPALA_NIP, PASSWORD, add_survey, add_user, create, web_world


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        store = prepared_store(f"sqlite:///{work}/server.sqlite3")
        add_web_admin(store)
        with serving(store) as url:
            world = web_world(Running(url, store))
            add_user(world.kanwil, KEPALA_NIP, "Budi Santoso", ["kepala"])
            create(world.manokwari, "forums", title="FKP Standar Pelayanan 2026", held_on="2026-11-20")
            answers = [[4] * 9, [3] * 9, [4, 4, 3, 4, 4, 4, 4, 3, 4]]
            add_survey(world.kppn, "SKM Semester II 2026", "2026-12-31", answers)
            add_survey(world.manokwari, "SKM 2026", "2026-12-31", [[3] * 9, [4, 3, 3, 3, 4, 3, 3, 3, 3]])
            with chrome(phone=True) as phone:
                phone.get(f"{url}/web/publik/KPPN-SORONG")
                _full_page(phone, folder / "web-public-phone.png")
            with chrome() as desktop:
                desktop.get(f"{url}/web/masuk")
                desktop.find_element(By.NAME, "unit_code").send_keys("KANWIL-PBD")
                desktop.find_element(By.NAME, "name").send_keys(KEPALA_NIP)
                desktop.find_element(By.NAME, "password").send_keys(PASSWORD, Keys.ENTER)
                desktop.get(f"{url}/web/pengawasan")
                _full_page(desktop, folder / "web-oversight.png")
                desktop.delete_all_cookies()
                desktop.get(f"{url}/web/admin/masuk")
                desktop.find_element(By.NAME, "name").send_keys(ADMIN)
                desktop.find_element(By.NAME, "password").send_keys(ADMIN_PASSWORD, Keys.ENTER)
                desktop.get(f"{url}/web/admin/perangkat")
                _full_page(desktop, folder / "web-admin-devices.png")
        store.close()


def _full_page(driver: object, path: Path) -> None:
    body = driver.find_element(By.TAG_NAME, "body")  # type: ignore[attr-defined]
    body.screenshot(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
