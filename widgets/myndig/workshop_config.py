"""Every setting of the workshop server, in one place.

:class:`WorkshopConfig` is the single source for how ``make workshop`` (``myndig workshop
serve``) runs Voilà: it produces both the command-line options and ``voila.json`` at the
project root (``myndig workshop config --write voila.json`` keeps that file in step, and a test
checks that it is). Change a default here, not in the JSON; change a setting for one run with
the options of ``myndig workshop serve``.

Why each setting is what it is:

* **Preheated kernels.** Starting a kernel and running an app's imports takes a few seconds on a
  laptop; thirty people opening the join page within ten seconds would queue behind each other.
  Voilà can start kernels ahead of time and run the notebook in them (``preheat_kernel``), so a
  page is served from a kernel that is already done. The participant page gets a pool as large
  as the expected group plus a margin; the other app pages a small pool, refilled as used.
* **Culling.** A tab closed without saying goodbye leaves its kernel behind. Kernels with no
  open connection and idle for :attr:`cull_idle_seconds` are shut down; kernels with an open
  tab are never culled, however quiet, because a participant may simply be thinking.
* **Kernels on Unix sockets.** Over TCP, Jupyter picks a kernel's ports by asking the system for
  free ones and closing them again; thirty kernels starting at once, and every outgoing
  connection, can take one of those ports before the kernel binds it. The kernel then dies, and
  its restarts keep the same ports, so the participant's page never loads (seen once in CI:
  "Address already in use", the page waited three minutes). Over ``ipc`` each kernel has its
  own socket files in the Jupyter runtime folder and there is no port to lose. The kit runs on
  Linux; ``tcp`` remains for a platform without Unix sockets.
* **Cell timeout.** An app notebook that hangs should fail visibly rather than hold a kernel
  for ever.
* **Only these settings.** ``myndig workshop serve`` writes them to a fresh folder and points
  Voilà there alone (``Voila.config_file_paths``), so no Jupyter configuration on the machine
  can change them.
* **Nothing but the apps.** Sources and tracebacks are hidden (participants see Norwegian
  messages, not Python), the server listens on loopback unless asked for the network, and an
  access token can be required. Voilà serves no Jupyter REST API (contents, sessions,
  terminals, the kernel list); the tests check that those addresses answer 404.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from traitlets import Bool, Int, Unicode
from traitlets.config import Configurable

PARTICIPANT_NOTEBOOK = "deltaker.ipynb"
# Set for every kernel when participants reach the server under another address than the one
# the kernel sees (a laptop on the office network); used for the join link and QR code.
PUBLIC_URL_VARIABLE = "MYNDIG_VERKSTED_URL"
# The only JupyterLab extensions the apps need in the browser: the widgets. Others installed
# beside them (nbgrader's, the classic notebook's) do not work in Voilà and slow every page.
FRONTEND_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")


class WorkshopConfig(Configurable):
    """Settings for serving the workshop apps (``course/verksted``) with Voilà."""

    apps_dir = Unicode("course/verksted",
                       help="Folder of the app notebooks, relative to the project root.").tag(
                           config=True)
    database = Unicode("", help="Path of the SQLite store; empty: .myndig/verksted.sqlite3 "
                                "under the project root.").tag(config=True)
    ip = Unicode("127.0.0.1", help="Address to listen on; 0.0.0.0 for the office network.").tag(
        config=True)
    port = Int(8866, help="Port to listen on.").tag(config=True)
    public_url = Unicode("", help="Address participants use (for the join link and QR code) "
                                  "when it differs from what the server sees, e.g. "
                                  "http://10.0.0.12:8866.").tag(config=True)
    participants = Int(30, help="Expected participants; sizes the participant page's pool.").tag(
        config=True)
    pool_margin = Int(2, help="Extra preheated kernels beyond the expected participants, for "
                              "reloads and late arrivals.").tag(config=True)
    app_pool_size = Int(2, help="Preheated kernels for each of the other app pages.").tag(
        config=True)
    preheat = Bool(True, help="Start and run kernels ahead of requests.").tag(config=True)
    fill_delay_seconds = Int(45, help="Wait before refilling a pool after a kernel is taken. "
                                      "Long on purpose: the pool already holds the whole "
                                      "group, and new kernels starting while people join "
                                      "would take the CPU from the pages being opened.").tag(
        config=True)
    cull_idle_seconds = Int(1800, help="Shut down kernels with no open tab after this many "
                                       "idle seconds.").tag(config=True)
    cull_interval_seconds = Int(120, help="How often to look for kernels to cull.").tag(
        config=True)
    kernel_transport = Unicode("ipc", help="How the server talks to its kernels: ipc (Unix "
                                           "sockets, no ports to race for) or tcp.").tag(
        config=True)
    cell_timeout_seconds = Int(60, help="Longest a single app cell may run.").tag(config=True)
    token = Unicode("", help="Access token participants must present (?token=…); empty: none, "
                             "which is right on loopback or a trusted office network.").tag(
                                 config=True)

    @property
    def participant_pool_size(self) -> int:
        return self.participants + self.pool_margin

    def kernel_pools(self) -> dict[str, dict[str, int]]:
        return {
            "default": {"pool_size": self.app_pool_size},
            PARTICIPANT_NOTEBOOK: {"pool_size": self.participant_pool_size},
        }

    def voila_settings(self) -> dict[str, Any]:
        """The Voilà configuration as the nested mapping ``voila.json`` holds."""
        settings: dict[str, Any] = {
            "Voila": {"ip": self.ip, "port": self.port, "open_browser": False},
            "VoilaConfiguration": {
                "show_tracebacks": False,
                "strip_sources": True,
                "preheat_kernel": self.preheat,
                "default_pool_size": self.app_pool_size,
                "extension_allowlist": list(FRONTEND_EXTENSIONS),
            },
            "VoilaKernelManager": {
                "kernel_pools_config": self.kernel_pools(),
                "fill_delay": float(self.fill_delay_seconds),
            },
            "MappingKernelManager": {
                "cull_idle_timeout": self.cull_idle_seconds,
                "cull_interval": self.cull_interval_seconds,
                "cull_connected": False,
                "cull_busy": False,
            },
            "VoilaExecutor": {"timeout": self.cell_timeout_seconds},
            "KernelManager": {"transport": self.kernel_transport},
        }
        if self.token:
            settings["Voila"]["token"] = self.token
        return settings

    def database_path(self, project_root: Path) -> Path:
        if self.database:
            path = Path(self.database).expanduser()
            return path if path.is_absolute() else project_root / path
        return project_root / ".myndig" / "verksted.sqlite3"

    def voila_json(self) -> str:
        """``voila.json`` for the project root: the settings that do not depend on a run."""
        return json.dumps(self.voila_settings(), indent=2, ensure_ascii=False) + "\n"

