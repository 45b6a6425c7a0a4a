"""The web pages in a real browser (Chromium through Selenium): the public page on a phone,
the administrator making an enrollment code and revoking a device with the mouse and keyboard,
and a form posted without its CSRF token refused with 403."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from protocol.refusals import Refusal
from server_stub.models import Device
from tests.server.chrome import PHONE, chrome
from tests.server.conftest import enrolled
from tests.server.serving import Running
from tests.server.web_client import ADMIN, ADMIN_PASSWORD, add_web_admin
from tests.server.web_world import KEPALA_NIP, PASSWORD, add_user, create, web_world
from tests.server.wire import enroll_over_http


@pytest.fixture(scope="module")
def desktop() -> Iterator[webdriver.Chrome]:
    with chrome() as driver:
        yield driver


@pytest.fixture(scope="module")
def phone() -> Iterator[webdriver.Chrome]:
    with chrome(phone=True) as driver:
        yield driver


def _wait(driver: webdriver.Chrome) -> WebDriverWait[webdriver.Chrome]:
    """A wait through a page load (an element of the page before it goes stale)."""
    return WebDriverWait(
        driver, 10, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    )


def _sign_in_admin(driver: webdriver.Chrome, url: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{url}/web/admin/masuk")
    driver.find_element(By.NAME, "name").send_keys(ADMIN)
    driver.find_element(By.NAME, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/web/admin"))


def test_the_public_page_reads_on_a_phone(server: Running, phone: webdriver.Chrome) -> None:
    web_world(server)
    phone.get(f"{server.url}/web/publik/KPPN-SORONG")
    assert phone.execute_script("return window.innerWidth") == PHONE["width"]
    # Nothing wider than the screen: no sideways scrolling to read a recommendation.
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE["width"]
    body = phone.find_element(By.TAG_NAME, "body")
    assert float(body.value_of_css_property("font-size").removesuffix("px")) >= 16
    assert "Kemajuan: 50%" in body.text
    assert "Foto loket prioritas yang sudah dibuka" in body.text
    heading = phone.find_element(By.CSS_SELECTOR, "article.forum h2")
    assert heading.text == "FKP Layanan Pencairan Dana 2026" and heading.is_displayed()
    bar = phone.find_element(By.CSS_SELECTOR, ".rec .bar span")
    assert bar.size["width"] == pytest.approx(bar.find_element(By.XPATH, "..").size["width"] * 0.5, abs=1.5)


def test_the_administrator_makes_an_enrollment_code_in_the_browser(
    server: Running, desktop: webdriver.Chrome
) -> None:
    add_web_admin(server.store)
    _sign_in_admin(desktop, server.url)
    Select(desktop.find_element(By.ID, "code-unit")).select_by_value("KPPN-MANOKWARI")
    desktop.find_element(By.ID, "make-code").click()
    code = _wait(desktop).until(lambda d: d.find_element(By.ID, "new-code").text)
    laptop = enroll_over_http(server.url, code, "KPPN-MANOKWARI")
    with server.store.transaction() as session:
        assert session.get_one(Device, laptop.device_id).unit_id == laptop.unit_id


def test_the_administrator_revokes_a_device_in_the_browser(
    server: Running, desktop: webdriver.Chrome
) -> None:
    add_web_admin(server.store)
    laptop, colleague = enrolled(server, "KPPN-SORONG"), enrolled(server, "KPPN-SORONG")
    _sign_in_admin(desktop, server.url)
    desktop.get(f"{server.url}/web/admin/perangkat")
    desktop.find_element(By.CSS_SELECTOR, f"#device-{laptop.device_id} button.danger").click()
    WebDriverWait(desktop, 10).until(lambda d: "dicabut=" in d.current_url)
    row = desktop.find_element(By.ID, f"device-{laptop.device_id}")
    assert "Dicabut" in row.text
    assert laptop.http.get("/sync/pull").json()["code"] == Refusal.REVOKED.value
    assert colleague.http.get("/sync/pull").status_code == 200  # the other laptop syncs on


def test_a_form_sent_without_its_csrf_token_is_refused_in_the_browser(
    server: Running, desktop: webdriver.Chrome
) -> None:
    add_web_admin(server.store)
    laptop = enrolled(server, "KPPN-SORONG")
    _sign_in_admin(desktop, server.url)
    desktop.get(f"{server.url}/web/admin/perangkat")
    form = desktop.find_element(By.CSS_SELECTOR, f"#device-{laptop.device_id} form")
    desktop.execute_script("arguments[0].querySelector('input[name=csrftoken]').remove()", form)
    form.find_element(By.TAG_NAME, "button").click()
    _wait(desktop).until(lambda d: "kedaluwarsa" in d.find_element(By.TAG_NAME, "body").text)
    assert (
        desktop.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus") == 403
    )
    with server.store.transaction() as session:
        assert session.get_one(Device, laptop.device_id).revoked_at is None


def test_a_parent_office_filters_the_oversight_in_the_browser(
    server: Running, desktop: webdriver.Chrome
) -> None:
    world = web_world(server)
    add_user(world.kanwil, KEPALA_NIP, "Budi Kepala Kanwil", ["kepala"])
    create(world.manokwari, "forums", title="FKP Manokwari 2025", held_on="2025-05-05")
    desktop.delete_all_cookies()
    desktop.get(f"{server.url}/web/masuk")
    desktop.find_element(By.NAME, "unit_code").send_keys("KANWIL-PBD")
    desktop.find_element(By.NAME, "name").send_keys(KEPALA_NIP)
    desktop.find_element(By.NAME, "password").send_keys(PASSWORD, Keys.ENTER)
    WebDriverWait(desktop, 10).until(lambda d: d.current_url.endswith("/web/pengawasan"))
    rows = lambda: [row.text.split()[0] for row in desktop.find_elements(By.CSS_SELECTOR, "#forums tbody tr")]  # noqa: E731
    assert rows() == ["KPPN-MANOKWARI", "KPPN-SORONG"]
    Select(desktop.find_element(By.ID, "filter-unit")).select_by_visible_text("KPPN-SORONG — KPPN Sorong")
    desktop.find_element(By.ID, "filter-from").send_keys("2026")
    desktop.find_element(By.ID, "filter").click()
    WebDriverWait(desktop, 10).until(lambda d: "dari=2026" in d.current_url)
    assert rows() == ["KPPN-SORONG"]
    held = desktop.find_elements(By.CSS_SELECTOR, "#forums tbody tr td")[1].text
    assert held == "2"
    Select(desktop.find_element(By.ID, "filter-unit")).select_by_index(0)  # every unit again
    desktop.find_element(By.ID, "filter").click()
    WebDriverWait(desktop, 10).until(lambda d: "unit=&" in d.current_url)
    assert rows() == ["KPPN-MANOKWARI", "KPPN-SORONG"]  # 2026 on: Manokwari's 2025 forum not counted
    assert desktop.find_elements(By.CSS_SELECTOR, "#forums tbody tr td")[2].text == "0"
    assert desktop.find_element(By.ID, "export").get_attribute("href").endswith("dari=2026&sampai=")
