"""A rule broken by a value: a code and its parameters, never a sentence (the laptop words it in
its user's language, as it does the server's refusals)."""

from __future__ import annotations


class RuleError(ValueError):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params
