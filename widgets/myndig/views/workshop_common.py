"""What the workshop views share: the store, polling for changes, escaping, query parameters.

A Voilà app is a kernel per browser tab, so a colleague's vote reaches this tab only through
the store. Each view polls the workshop's revision (one indexed row) every
:data:`POLL_SECONDS`; when it moved, the view fetches and redraws. One cheap query a second
per tab is nothing for SQLite, and it needs no server push machinery.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from functools import cache
from html import escape
from urllib.parse import parse_qs

from myndig.exercise import in_voila
from myndig.model.workshop import WorkshopService
from myndig.store import open_store
from myndig.store.base import StoreError

POLL_SECONDS = 1.0


@cache
def default_service() -> WorkshopService:
    """One service per kernel, over the store the workshop server points at."""
    return WorkshopService(open_store())


def html_text(text: str) -> str:
    """Participant text made safe for an ``HTML`` widget: no markup from a colleague runs."""
    return escape(text, quote=True)


def chart_text(text: str) -> str:
    """Participant text made safe for a matplotlib label, where ``$`` would start mathtext."""
    return text.replace("\\", "\\\\").replace("$", r"\$")


def paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{html_text(text)}</p>'


class Poller:
    """Calls ``on_change`` whenever ``read_revision()`` returns something new.

    In a kernel the polling runs as a task on the kernel's own event loop, so widget updates
    happen on the same thread as everything else; outside one (tests, scripts) call
    :meth:`poll_once` directly.
    """

    def __init__(self, read_revision: Callable[[], object], on_change: Callable[[], None],
                 interval: float = POLL_SECONDS) -> None:
        self.read_revision = read_revision
        self.on_change = on_change
        self.interval = interval
        self.last_seen: object = None
        self.task: asyncio.Task | None = None
        self.problem: str | None = None

    def poll_once(self) -> bool:
        """Check once; True if something changed and ``on_change`` ran."""
        try:
            current = self.read_revision()
        except StoreError as error:
            self.problem = str(error)
            return False
        self.problem = None
        if current == self.last_seen:
            return False
        self.last_seen = current
        self.on_change()
        return True

    def start(self) -> bool:
        """Start polling on the running event loop; False when there is none (not a kernel)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run())
        return True

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            # A failing redraw must not end the polling for the rest of the workshop.
            with contextlib.suppress(Exception):
                self.poll_once()


def when_query_known(callback: Callable[[dict[str, str]], None]) -> None:
    """Call ``callback`` with the page's query parameters once the request is known.

    A preheated Voilà kernel runs the notebook before anyone has asked for the page, so the
    query string arrives later; waiting for it in a thread keeps the page itself ready at once.
    The callback always runs on the kernel's event loop.
    """
    if not in_voila():
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return

    def wait() -> None:
        from voila.utils import get_query_string

        query = get_query_string() or ""
        values = {name: found[0] for name, found in parse_qs(query).items() if found}
        loop.call_soon_threadsafe(callback, values)

    threading.Thread(target=wait, daemon=True, name="myndig-query").start()
