"""Event coding: CAMEO and PLOVER events from the dependency parse (see docs/events.md)."""

from newsgraph.events.coder import code_events

__all__ = ["code_events"]
