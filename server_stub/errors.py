"""Refusals of whole requests: an HTTP status with the protocol's body {"code", "params", "error"}."""

from __future__ import annotations

from protocol.refusals import Param, Refusal, Refused


class ApiError(Refused):
    def __init__(self, status: int, code: Refusal, error: str, **params: Param) -> None:
        super().__init__(code, error, **params)
        self.status = status
