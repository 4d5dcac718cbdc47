"""The command line: ``myndig grade`` and its companions are registered and explain mistakes."""

from __future__ import annotations

import pytest
from myndig import cli
from myndig.commands import grade
from myndig.grading.runner import CLAIMABLE_UIDS, DEFAULT_UID_BASE, SlotClaims
from myndig.model.errors import InvalidInput


def test_grade_commands_are_registered():
    """Does ``myndig`` offer grade, grade-feedback, grade-export and grade-synthetic?"""
    help_text = cli.build_parser().format_help()
    for name in ("grade", "grade-feedback", "grade-export", "grade-synthetic"):
        assert name in help_text


def test_grade_refuses_to_run_student_code_without_root(monkeypatch, capsys, tmp_path):
    """Without root the cage cannot be built: is that said plainly, before anything runs?"""
    monkeypatch.setattr(grade.os, "geteuid", lambda: 1000)
    code = cli.main(["grade", "00-kom-i-gang", "--course", str(tmp_path)])
    assert code == 2
    assert "root" in capsys.readouterr().err
    assert not (tmp_path / "gradebook.db").exists()


def test_unknown_assignment_is_explained(capsys, tmp_path):
    """Is an assignment that is not in the course's source folder named in the error?"""
    (tmp_path / "nbgrader_config.py").write_text("", encoding="utf-8")
    code = cli.main(["grade", "finnes-ikke", "--course", str(tmp_path)])
    assert code == 2
    assert "finnes-ikke" in capsys.readouterr().err


def test_a_bad_late_policy_is_explained(capsys, tmp_path):
    """Is a misspelt late policy refused with the form it should have?"""
    code = cli.main(["grade", "x", "--course", str(tmp_path), "--late-policy", "halvparten"])
    assert code == 2
    assert "percent:" in capsys.readouterr().err


def test_export_with_a_broken_roster_is_explained(capsys, tmp_path):
    """Does grade-export stop with a Norwegian reason when the roster lacks Canvas' columns?"""
    roster = tmp_path / "klasse.csv"
    roster.write_text("navn\nOla\n", encoding="utf-8")
    code = cli.main(["grade-export", "x", "--course", str(tmp_path), "--roster", str(roster),
                     "--canvas", str(tmp_path / "c.csv"),
                     "--nbgrader-csv", str(tmp_path / "n.csv")])
    assert code == 2
    assert "mangler kolonnene" in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["--student", "--jobs", "--cell-timeout", "--notebook-timeout",
                                  "--memory-mb", "--max-processes", "--late-policy", "--due"])
def test_grade_has_the_documented_options(flag):
    """Does ``myndig grade --help`` document each option the lecturer needs?"""
    assert flag in cli.build_parser()._subparsers._group_actions[0].choices["grade"].format_help()


def test_two_runs_at_once_never_share_a_user_id(tmp_path):
    """Does a second run on the same machine get other user ids than a run still going, and the
    first ids again once that run has ended?"""
    first = SlotClaims(DEFAULT_UID_BASE, 2, folder=tmp_path)
    with SlotClaims(DEFAULT_UID_BASE, 2, folder=tmp_path) as second:
        assert first.uids == [DEFAULT_UID_BASE, DEFAULT_UID_BASE + 1]
        assert set(second.uids).isdisjoint(first.uids)
    first.release()
    with SlotClaims(DEFAULT_UID_BASE, 2, folder=tmp_path) as again:
        assert again.uids == [DEFAULT_UID_BASE, DEFAULT_UID_BASE + 1]


def test_no_free_user_id_is_explained(tmp_path):
    """When every id in the range is taken by other runs, is the lecturer told what to do?"""
    with (SlotClaims(DEFAULT_UID_BASE, CLAIMABLE_UIDS, folder=tmp_path),
          pytest.raises(InvalidInput, match="--uid-base")):
        SlotClaims(DEFAULT_UID_BASE, 1, folder=tmp_path)
