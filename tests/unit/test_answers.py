"""Answer files: atomic saves, and broken files kept aside rather than lost."""

from __future__ import annotations

import json

import pytest
from myndig.answers import load_or_set_aside, read_json, save_json_atomic
from myndig.model.errors import InvalidFile
from myndig.model.learning_mix import LearningMix


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    """Does a save leave exactly the answer file, with the data in it?"""
    target = tmp_path / "svar.json"
    save_json_atomic(target, {"a": "æøå"})
    assert json.loads(target.read_text(encoding="utf-8")) == {"a": "æøå"}
    assert [path.name for path in tmp_path.iterdir()] == ["svar.json"]


def test_missing_file_loads_as_nothing(tmp_path):
    """Does a missing answer file give an empty result and no error?"""
    loaded = load_or_set_aside(tmp_path / "svar.json", LearningMix.from_json)
    assert (loaded.value, loaded.kept_copy, loaded.problem) == (None, None, None)


def test_broken_file_is_kept_aside_not_overwritten(tmp_path):
    """Is a file that cannot be read renamed aside with its content intact, and explained?"""
    target = tmp_path / "svar.json"
    target.write_bytes(b'{"format": "myndig.laer')
    loaded = load_or_set_aside(target, LearningMix.from_json)
    assert loaded.value is None
    assert not target.exists()
    assert loaded.kept_copy.read_bytes() == b'{"format": "myndig.laer'
    assert "ikke gyldig JSON" in loaded.problem


def test_non_utf8_is_explained(tmp_path):
    """Are bytes that are not UTF-8 explained rather than crashing?"""
    target = tmp_path / "svar.json"
    target.write_bytes(b"\xff\xfe\x00")
    loaded = load_or_set_aside(target, LearningMix.from_json)
    assert "UTF-8" in loaded.problem


def test_read_json_refuses_huge_files(tmp_path):
    """Is a file over the size bound refused before it is parsed?"""
    target = tmp_path / "svar.json"
    target.write_bytes(b" " * (6 * 1024 * 1024))
    with pytest.raises(InvalidFile, match="MB"):
        read_json(target)


def test_saved_file_follows_the_umask(tmp_path):
    """Does a saved file get the usual permissions, not mkstemp's private 0600?"""
    import os

    previous = os.umask(0o022)
    try:
        target = tmp_path / "svar.json"
        save_json_atomic(target, {})
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644
