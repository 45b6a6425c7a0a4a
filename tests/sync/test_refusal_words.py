"""Every refusal code the server may send is worded on the laptop, in Indonesian and in
English, with every parameter in the sentence; never the server's own text."""

from __future__ import annotations

import re

import pytest

from desktop.core.i18n import set_language
from desktop.sync.refusals import MESSAGES, PROBLEMS, _worded, describe
from protocol.refusals import PARAMS, Problem, Refusal

SAMPLE: dict[str, object] = {
    "entity": "recommendations",
    "field": "title",
    "problem": "too_long",
    "kind": "merge_all",
    "id": "0190f0e2-aaaa-7bbb",
    "action": "reject",
    "status": "accepted",
    "to_unit_id": "unit-42",
    "op_id": "op-0190f0e2",
    "code": "stale_transition",
    "since": 987654,
    "newest": 1234,
    "server_version": 4,
    "client_version": 3,
    "device_unit": "KPPN-SORONG",
    "code_unit": "KPPN-MANOKWARI",
    "unit": "KPPN-BIAK",
    "applied_high": 4321,
    "until": "2025-04-14",
    "period_id": "0190f0e2-cccc-7ddd",
    "version": 2,
    "size": 27_262_976,
    "max": 26_214_400,
    "used": 10_737_000_000,
    "quota": 10_737_418_240,
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "received": 1_048_576,
    "user_id": "5f0c8e2a-1b2c-5d3e-8f40-123456789abc",
    "act": "triage",
}
# Words both languages use (names, loanwords): not English left behind.
SHARED = {"server", "mufakat", "laptop", "forum", "data", "administrator", "unit", "folder", "pdf"}
COMMAND = re.compile(r"mufakat(\s+[-\w{}:/.]+)*")  # a command line to type: the same in any language


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", COMMAND.sub(" ", text))}


@pytest.mark.parametrize("code", list(Refusal))
def test_every_code_is_worded_in_both_languages_with_every_parameter(code: Refusal) -> None:
    params = {name: SAMPLE[name] for name in PARAMS[code]}
    english = describe(code.value, params, lang="en", url="https://server.example")
    indonesian = describe(code.value, params, lang="id", url="https://server.example")
    assert code.value in MESSAGES
    assert english != describe("no_such_code", {}, lang="en")  # its own sentence, not the general one
    assert english != indonesian
    for lang, text in (("en", english), ("id", indonesian)):
        for name, value in params.items():
            assert _worded(name, value, params, lang) in text, f"{code}: {name} missing in {lang}"
    template = re.sub(r"\{[a-z_]+\}", " ", MESSAGES[code.value])
    values = " ".join(_worded(n, v, params, "id") for n, v in params.items())
    left = (_words(template) - SHARED) & (_words(indonesian) - _words(values))
    assert not left, f"{code}: English left in the Indonesian: {sorted(left)}"


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_of_a_field_is_worded(problem: Problem) -> None:
    params = {"entity": "forums", "field": "title", "problem": problem.value}
    english = describe("invalid_field", params, lang="en")
    indonesian = describe("invalid_field", params, lang="id")
    assert problem.value in PROBLEMS
    assert english != indonesian and problem.value not in english and problem.value not in indonesian


def test_the_language_of_the_moment_words_a_kept_refusal() -> None:
    params = {"entity": "recommendations", "id": "r1", "action": "reject", "status": "accepted"}
    set_language("id")
    assert describe("stale_transition", params) == (
        "Tidak dapat menolak rekomendasi ini (id r1): di server statusnya sudah diterima. "
        "Seseorang mengubahnya lebih dulu di laptop lain."
    )
    set_language("en")
    assert describe("stale_transition", params).startswith("Could not reject this recommendation (id r1)")


def test_an_unknown_code_or_missing_parameters_still_say_something() -> None:
    assert describe("brand_new_code", {}, lang="en") == (
        "The server refused the request (brand_new_code). Ask the administrator."
    )
    general = describe("stale_transition", {"entity": "forums"}, lang="id")
    assert general == "Server menolak permintaan (stale_transition). Tanyakan kepada administrator."


def test_a_refused_request_is_worded_from_its_code_never_the_servers_text() -> None:
    set_language("id")
    message = describe("revoked", {}, url="https://server.example")
    assert message.startswith("Administrator telah mencabut")
    assert "revoked" not in message
