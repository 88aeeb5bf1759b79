"""Errors a user sees: one line that names the input and says what is wrong."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of the errors newsgraph reports to users."""


class InputError(NewsgraphError):
    """An input that cannot be read or analysed; a batch records it and goes on."""

    def __init__(self, input_name: str, reason: str):
        super().__init__(f"{input_name}: {reason}")
        self.input = input_name
        self.reason = reason


class ModelMissing(NewsgraphError):
    """No English spaCy pipeline is installed."""
