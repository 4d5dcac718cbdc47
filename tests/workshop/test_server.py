"""The workshop server as participants reach it: served HTML, no Jupyter API, the token."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from myndig.processes import running
from myndig.workshop_config import WorkshopConfig

pytestmark = [pytest.mark.server, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_arguments: object, **_keywords: object) -> None:
        return None


def _status(url: str, method: str = "GET") -> int:
    """The status of the first answer; a redirect (to the login page) is not followed."""
    request = urllib.request.Request(url, method=method)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def test_voila_json_is_what_the_configuration_class_says() -> None:
    """Is the committed voila.json exactly WorkshopConfig's defaults (one source of truth)?"""
    committed = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    assert committed == json.loads(WorkshopConfig().voila_json())
    settings = committed["VoilaConfiguration"]
    assert settings["preheat_kernel"] is True
    assert settings["show_tracebacks"] is False
    assert settings["strip_sources"] is True
    pools = committed["VoilaKernelManager"]["kernel_pools_config"]
    assert pools["deltaker.ipynb"]["pool_size"] >= 30
    assert committed["MappingKernelManager"]["cull_idle_timeout"] > 0
    assert committed["VoilaExecutor"]["timeout"] > 0


def test_served_page_is_the_app_without_sources(token_server, access_token: str) -> None:
    """Does the participant page come from a preheated kernel, with no Python source in it?"""
    html = unescape(_get(f"{token_server.url}/voila/render/deltaker.ipynb?token={access_token}"))
    assert "Verksted på kontoret" in html
    assert "from myndig.views" not in html  # the cell's source is stripped
    assert "application/vnd.jupyter.widget-view+json" in html
    assert "Using pre-heated kernel" in token_server.output()


def test_token_is_required(token_server, access_token: str) -> None:
    """Is a page refused without the access token?"""
    assert _status(f"{token_server.url}/voila/render/deltaker.ipynb") in {302, 401, 403}
    assert _status(f"{token_server.url}/voila/render/deltaker.ipynb?token=feil") in {
        302, 401, 403}


@pytest.mark.parametrize("path", [
    "/api/contents", "/api/contents/deltaker.ipynb", "/api/kernels", "/api/sessions",
    "/api/terminals", "/terminals/1", "/api/kernelspecs", "/api/config/notebook",
    "/voila/api/contents", "/voila/files/deltaker.ipynb", "/files/deltaker.ipynb",
    "/lab", "/tree",
])
def test_jupyter_api_is_not_reachable(token_server, access_token: str, path: str) -> None:
    """Does every Jupyter REST address answer 'not found' or 'forbidden', even with the token?"""
    separator = "&" if "?" in path else "?"
    assert _status(f"{token_server.url}{path}{separator}token={access_token}") in {403, 404}


def test_kernels_cannot_be_shut_down_from_outside(token_server, access_token: str) -> None:
    """Is DELETE on a kernel's address refused, even for a real kernel id?"""
    html = _get(f"{token_server.url}/voila/render/puls.ipynb?token={access_token}")
    kernel_id = json.loads(html.split('"kernelId": ')[1].split(",")[0])
    url = f"{token_server.url}/api/kernels/{kernel_id}?token={access_token}"
    assert _status(url, "DELETE") == 405
    assert _status(url) == 200


def _kernel_connection_files(server_pid: int) -> list[Path]:
    """The connection files named on the command lines of the server's kernel processes."""
    return [Path(process.arguments[process.arguments.index(b"-f") + 1].decode())
            for process in running()
            if process.parent == server_pid and b"-f" in process.arguments]


def test_kernels_talk_over_unix_sockets(token_server, access_token: str) -> None:
    """Do the kernels use Unix sockets, so that no two of them can race for a TCP port?"""
    _get(f"{token_server.url}/voila/render/puls.ipynb?token={access_token}")
    connection_files = _kernel_connection_files(token_server.process.pid)
    assert connection_files
    for path in connection_files:
        connection = json.loads(path.read_text(encoding="utf-8"))
        assert connection["transport"] == "ipc"
        assert Path(f"{connection['ip']}-{connection['shell_port']}").is_socket()


def test_serve_writes_only_its_own_configuration(tmp_path: Path) -> None:
    """Does `serve --dry-run` point Voilà at its own config folder alone, with the pool sized?"""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "myndig.cli", "workshop", "serve", "--dry-run", "--root", str(ROOT),
         "--participants", "40", "--lan", "--database", str(tmp_path / "db.sqlite3"),
         "--config-dir", str(tmp_path / "voila")],
        capture_output=True, text=True, check=True)
    assert f"--Voila.config_file_paths={tmp_path / 'voila'}" in result.stdout
    written = json.loads((tmp_path / "voila" / "voila.json").read_text(encoding="utf-8"))
    assert written["VoilaKernelManager"]["kernel_pools_config"]["deltaker.ipynb"] == {
        "pool_size": 42}
    assert written["Voila"]["ip"] == "0.0.0.0"
    assert (tmp_path / "db.sqlite3").exists()



def test_kernels_without_a_tab_are_culled(culling_server) -> None:
    """Is a kernel whose page was fetched but never connected shut down once idle, while the
    preheated pool is left alone?"""
    import time

    html = _get(f"{culling_server.url}/voila/render/puls.ipynb")
    kernel_id = json.loads(html.split('"kernelId": ')[1].split(",")[0])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and "Culling '" not in culling_server.output():
        time.sleep(1)
    time.sleep(3)  # a few more culling rounds, in which pooled kernels must survive
    culled = [line for line in culling_server.output().splitlines() if "Culling '" in line]
    assert culled, culling_server.output()[-2000:]
    assert all(kernel_id in line for line in culled)
    assert _status(f"{culling_server.url}/api/kernels/{kernel_id}") == 404
