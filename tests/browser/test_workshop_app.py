"""The thin workshop app in Voilà, as a participant sees it in a real browser."""

from __future__ import annotations

import html
import json
import re
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = "course/verksted/laeringsmiks.ipynb"


def cell_outputs(page: str) -> list[dict]:
    """The cell outputs Voilà embedded in the page, as the browser will render them."""
    blocks = re.findall(
        r'<script type="application/vnd.voila.cell-output\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def voila_app(start_server, tcp_port) -> str:
    """Voilà on the app with only the project's voila.json (no machine config can leak in)."""
    import sys

    voila = str(Path(sys.executable).parent / "voila")
    base = f"http://127.0.0.1:{tcp_port}"
    start_server(
        [voila, APP, "--no-browser", f"--port={tcp_port}",
         f"--Voila.config_file_paths={ROOT}"],
        base, ready_path="/")
    return base


@pytest.mark.server
def test_served_html_holds_no_source(voila_app):
    """Does the served page leave out the notebook's code?"""
    with urllib.request.urlopen(voila_app + "/", timeout=120) as response:
        page = html.unescape(response.read().decode("utf-8"))
    assert "Kontorets læringsmiks" in page
    notebook = nbformat.read(ROOT / APP, as_version=4)
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert sources
    for source in sources:
        for line in filter(None, map(str.strip, source.splitlines())):
            assert line not in page, f"kildekode synlig i siden: {line!r}"


@pytest.mark.browser
@pytest.mark.server
def test_participant_adds_an_activity(voila_app, browser, artifacts_dir):
    """Do the widgets render, and does adding an activity change the chart and the summary?"""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(voila_app + "/", timeout=120_000)
    name = page.get_by_label("Aktivitet", exact=True)
    name.wait_for(timeout=120_000)
    summary = page.get_by_text(re.compile("Ingen aktiviteter ennå"))
    assert summary.is_visible()
    assert page.locator("img[alt]").count() == 0

    name.fill("Kollegaveiledning i teamet")
    page.get_by_label("Hvor læringen skjer").select_option(label="Læring med og fra andre")
    hours = page.get_by_label("Timer per måned")
    hours.fill("6")
    hours.press("Tab")
    page.get_by_role("button", name="Legg til").click()

    page.get_by_text(re.compile("100 % læring med og fra andre")).first.wait_for(timeout=30_000)
    chart = page.locator("img[alt*='1 aktivitet,']")
    chart.wait_for(timeout=30_000)
    assert chart.bounding_box()["width"] > 200
    page.screenshot(path=str(artifacts_dir / "verksted-laeringsmiks.png"), full_page=True)
    assert "Traceback" not in page.content()
    page.close()


@pytest.mark.server
def test_blank_exercise_gives_feedback_in_voila(start_server, tcp_port, tmp_path):
    """Does the blank student version run in Voilà with friendly feedback instead of errors?"""
    import shutil
    import sys

    folder = tmp_path / "00-kom-i-gang"
    shutil.copytree(ROOT / "exercises" / "00-kom-i-gang", folder)
    voila = str(Path(sys.executable).parent / "voila")
    base = f"http://127.0.0.1:{tcp_port}"
    start_server([voila, "00-kom-i-gang.ipynb", "--no-browser", f"--port={tcp_port}",
                  f"--Voila.config_file_paths={ROOT}"], base, cwd=folder, ready_path="/")
    with urllib.request.urlopen(base + "/", timeout=120) as response:
        outputs = cell_outputs(response.read().decode("utf-8"))
    assert [output for output in outputs if output["output_type"] == "error"] == []
    shown = "\n".join(output.get("data", {}).get("text/html", "") for output in outputs)
    assert "💡 Sett andel_formell til et tall mellom 0 og 100" in shown
    assert "💡 Du har ført opp 0 aktiviteter" in shown
    assert "💡 Du mangler aktiviteter i læring i arbeidet" in shown
