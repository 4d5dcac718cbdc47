"""The two modes of an exercise notebook: graded in JupyterLab, a workshop app in Voilà.

Visible checks call :func:`check`. Under JupyterLab and nbgrader a failed check raises
``AssertionError`` with the Norwegian explanation, which is how nbgrader knows to withhold the
points; under Voilà it prints the same explanation instead, because a workshop has no grader
and a traceback helps nobody there.
"""

from __future__ import annotations

import os
from html import escape

from IPython.display import HTML, display

# Voilà sets these in every kernel it starts (voila.utils.ENV_VARIABLE).
_VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_APP_PORT", "VOILA_PREHEAT")


def in_voila() -> bool:
    return any(name in os.environ for name in _VOILA_VARIABLES)


def check(passed: bool, feedback: str, *, praise: str = "Riktig!") -> None:
    """Report a visible check in the way the current mode needs.

    Returns nothing on purpose: a notebook cell ending in ``check(...)`` should show the
    feedback, not a stray ``True`` or ``False`` under it.
    """
    if passed:
        display(HTML(f'<p role="status">✅ {escape(praise)}</p>'))
    elif in_voila():
        display(HTML(f'<p role="status">💡 {escape(feedback)}</p>'))
    else:
        raise AssertionError(feedback)

