"""Work above the training app that follows new completions, without an import upward.

The training app sits below the requests app, so it cannot call it. A higher
app registers a function here when Django starts (its `AppConfig.ready`), and
the completions import calls each registered function inside its transaction
with the people whose training changed: a request waiting for a course moves
on in the same all-or-nothing import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

CompletionsChanged = Callable[..., Any]

_on_completions_changed: list[CompletionsChanged] = []


def on_completions_changed(hook: CompletionsChanged) -> None:
    """Register `hook(person_ids=...)`; registering the same function twice keeps one."""
    if hook not in _on_completions_changed:
        _on_completions_changed.append(hook)


def completions_changed(*, person_ids: Iterable[int]) -> None:
    """Call every registered hook with the people whose completions changed."""
    people = frozenset(person_ids)
    for hook in _on_completions_changed:
        hook(person_ids=people)
