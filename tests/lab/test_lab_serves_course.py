"""`make lab` starts a real JupyterLab that serves the course."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "myndig-test"


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


@pytest.mark.server
@pytest.mark.slow
def test_make_lab_serves_the_course(start_server, tcp_port):
    """Does `make lab` answer with the lab page and list the course through the contents API?"""
    base = f"http://127.0.0.1:{tcp_port}"
    start_server(
        ["make", "--no-print-directory", "lab", f"LAB_PORT={tcp_port}",
         f"LAB_ARGS=--no-browser --IdentityProvider.token={TOKEN} --ServerApp.ip=127.0.0.1"],
        base, ready_path=f"/api/status?token={TOKEN}")

    status, page = get(f"{base}/lab?token={TOKEN}")
    assert status == 200
    assert "JupyterLab" in page

    status, listing = get(f"{base}/api/contents/course?token={TOKEN}")
    names = {entry["name"] for entry in json.loads(listing)["content"]}
    assert "00-kom-i-gang.ipynb" in names

    status, notebook = get(f"{base}/api/contents/course/00-kom-i-gang.ipynb?token={TOKEN}")
    cells = json.loads(notebook)["content"]["cells"]
    assert cells[0]["source"].startswith("# Velkommen til *Myndiggjørende ledelse*")

    status, kernels = get(f"{base}/api/kernelspecs?token={TOKEN}")
    assert "python3" in json.loads(kernels)["kernelspecs"]
