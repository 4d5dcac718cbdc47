"""The late-submission policy: nbgrader plugin and its configuration."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myndig.grading.late import SECONDS_PER_DAY, PercentPerDay, policy_config
from myndig.model.errors import InvalidInput


def plugin(percent: float = 10.0, zero_after: float = 7.0) -> PercentPerDay:
    return PercentPerDay(percent_per_day=percent, zero_after_days=zero_after)


def test_on_time_has_no_penalty():
    """Is a submission on time left alone (None, as nbgrader expects)?"""
    assert plugin().late_submission_penalty("s", 8.0, 0) is None


def test_each_started_day_costs_its_percentage():
    """Does one hour late cost one day's percentage, and a day and a minute two days'?"""
    assert plugin().late_submission_penalty("s", 10.0, 3600) == pytest.approx(1.0)
    assert plugin().late_submission_penalty("s", 10.0, SECONDS_PER_DAY + 60) == pytest.approx(2.0)


def test_after_the_limit_everything_is_lost():
    """Is a submission beyond the limit given zero (penalty equals the score)?"""
    assert plugin(zero_after=3).late_submission_penalty("s", 7.0, 4 * SECONDS_PER_DAY) == 7.0


@given(score=st.floats(0, 100), seconds=st.floats(1, 30 * SECONDS_PER_DAY),
       percent=st.floats(0, 100), zero_after=st.floats(0, 30))
def test_penalty_never_exceeds_the_score(score, seconds, percent, zero_after):
    """Is the penalty always between zero and the score itself?"""
    penalty = plugin(percent, zero_after).late_submission_penalty("s", score, seconds)
    assert 0.0 <= penalty <= score


def test_policies_are_read_from_text():
    """Do none, zero and percent:P[:D] become nbgrader configuration?"""
    assert policy_config("zero") == {"LateSubmissionPlugin": {"penalty_method": "zero"}}
    settings = policy_config("percent:15:5")
    assert settings["AssignLatePenalties"]["plugin_class"] == "myndig.grading.late.PercentPerDay"
    assert settings["PercentPerDay"] == {"percent_per_day": 15.0, "zero_after_days": 5.0}


@pytest.mark.parametrize(
    "text", ["", "halve", "percent", "percent:x", "percent:-5", "percent:1:2:3"])
def test_a_bad_policy_is_explained(text):
    """Is an unknown policy refused with a Norwegian message showing the right form?"""
    with pytest.raises(InvalidInput, match="percent:PROSENT"):
        policy_config(text)
