"""Voilà for workshops: the apps and nothing else a browser could use against the server.

Stock Voilà already serves no Jupyter REST API (contents, sessions, terminals, the kernel
list). Two addresses remain that a workshop does not need and a curious participant could
misuse: ``DELETE /api/kernels/<id>`` (shut down a kernel whose id one knows; the page itself
only reads its own kernel's model there) and ``/voila/api/contents`` (a listing of the apps
folder). This subclass keeps the kernel route read-only and leaves the listing out.

Run as ``python -m myndig.workshop_server <folder> [Voilà options]``; ``myndig workshop
serve`` does that with the settings of :class:`myndig.workshop_config.WorkshopConfig`.
"""

from __future__ import annotations

import re

from jupyter_server.services.kernels.handlers import KernelHandler
from tornado import web
from voila.app import Voila

# Patterns are matched against the route's regular expression as Voilà registers it.
BLOCKED_ROUTES = (re.compile(r"/voila/api/contents"),)
KERNEL_MODEL_ROUTE = re.compile(r"/api/kernels/\(\?P<kernel_id>[^)]*\)\$?$")


def is_blocked(route: str) -> bool:
    return any(pattern.search(route) for pattern in BLOCKED_ROUTES)


class ReadOnlyKernelHandler(KernelHandler):
    """The kernel's model for the page that owns it; no shutting kernels down from outside."""

    async def delete(self, kernel_id: str) -> None:
        raise web.HTTPError(405)


class WorkshopVoila(Voila):
    """Voilà without the contents listing and with a read-only kernel route."""

    def init_handlers(self) -> list:
        handlers = []
        for handler in super().init_handlers():
            if is_blocked(handler[0]):
                continue
            if KERNEL_MODEL_ROUTE.search(handler[0]) and handler[1] is KernelHandler:
                handler = (handler[0], ReadOnlyKernelHandler, *handler[2:])
            handlers.append(handler)
        return handlers


main = WorkshopVoila.launch_instance

if __name__ == "__main__":
    main()
