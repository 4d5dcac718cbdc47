"""Manual grading of the kit's reflection cell in nbgrader's formgrader, through its HTTP API."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from myndig.grading.synthetic import make_class

KIT = "00-kom-i-gang"
TOKEN = "myndig-test-token"
REFLECTION = "refleksjon_laeringsmiks"


def call(url: str, method: str = "GET", body: dict | None = None) -> object:
    request = urllib.request.Request(
        url, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read().decode("utf-8")
    return json.loads(text) if text.lstrip().startswith(("{", "[")) else text


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_reflection_is_graded_by_hand_in_formgrader(kit_root, tmp_path, kit, start_server,
                                                     tcp_port):
    """After ``myndig grade``, does formgrader list the reflection as waiting for a grader,
    show it on its grading page, accept a manual score, and count it in the total?"""
    course = tmp_path / "kurs"
    make_class(kit_root, course, 1, assignments=[KIT], hostile_kinds=[], mix=(("full", 1.0),))
    [result] = kit.run_grading(course, KIT, jobs=1)
    assert result.grades[f"{KIT}/{REFLECTION}"]["needs_manual_grade"] is True
    config = tmp_path / "jupyter-config"  # made empty by start_server; formgrader switched on
    config.mkdir(exist_ok=True)
    (config / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader": True}}}), encoding="utf-8")
    base = f"http://127.0.0.1:{tcp_port}"
    start_server(
        ["jupyter", "server", "--no-browser", "--allow-root", f"--port={tcp_port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={course}"],
        base, cwd=course, ready_path="/api/status")
    submissions = call(f"{base}/formgrader/api/submitted_notebooks/{KIT}/{KIT}")
    assert [entry["student"] for entry in submissions] == [result.student]
    notebook_id = submissions[0]["id"]
    assert submissions[0]["needs_manual_grade"] is True

    page = call(f"{base}/formgrader/submissions/{notebook_id}/")
    assert "Tallene 70, 20 og 10" in page  # the student's reflection is shown to the grader
    assert "Vurderingskriterier" in page  # with the rubric beside it

    grades = call(f"{base}/formgrader/api/grades?submission_id={notebook_id}")
    reflection = next(grade for grade in grades if grade["name"] == REFLECTION)
    assert reflection["auto_score"] is None
    updated = call(f"{base}/formgrader/api/grade/{reflection['id']}", "PUT",
                   {"manual_score": 2, "extra_credit": 0})
    assert updated["manual_score"] == 2
    assert updated["needs_manual_grade"] is False

    after = call(f"{base}/formgrader/api/submitted_notebooks/{KIT}/{KIT}")[0]
    assert after["needs_manual_grade"] is False
    assert after["score"] == result.score + 2
    assert Path(course / "gradebook.db").exists()
