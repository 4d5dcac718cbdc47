"""Property-based tests: no input crashes the analyser, the command or the widget."""

from __future__ import annotations

import io
import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myndig.cli import main
from myndig.model.errors import InvalidInput
from myndig.model.nkr import analyse_set, analyse_statement
from myndig.views.outcome_writer import OutcomeWriter

NASTY = st.one_of(
    st.text(max_size=300),
    st.just(""),
    st.just(" \t\n "),
    st.just("Deltakeren kan anvende " + "metoder " * 1300),
    st.just("<script>alert('x')</script><b>kan</b> analysere &amp; vurdere"),
    st.just("😀🙂🎉 kan 🤖 analysere"),
    st.just("Kandidaten kan анализировать 分析 تحليل tiltak"),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "So", "Mn"]), max_size=50),
)


@settings(max_examples=150, deadline=None)
@given(NASTY)
def test_analyser_never_crashes(text):
    """Does any text give an analysis or a Norwegian InvalidInput, never another error?"""
    message = ""
    try:
        analysis = analyse_statement(text)
    except InvalidInput as error:
        message = str(error)
    if message:
        assert any(word in message for word in ("læringsutbytte", "Skriv", "tegn"))
    else:
        json.dumps(analysis.to_json())
        for finding in analysis.findings:
            assert finding.message
            assert finding.suggestion


@settings(max_examples=40, deadline=None)
@given(st.lists(NASTY, max_size=8))
def test_set_analysis_never_crashes(texts):
    """Does any list of texts give a report whose summary is never empty?"""
    report = analyse_set(texts)
    assert report.summary
    assert len(report.analyses) + len(report.rejected) == len(texts)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NASTY)
def test_command_never_crashes(monkeypatch, capsys, text):
    """Does the command exit 0 or 1 with output or a message for any input?"""
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(["analyse", "--uten-forslag"])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    if code == 0:
        for line in out.splitlines():
            record = json.loads(line)
            assert record.get("category") is not None or record.get("error") or record["findings"]
    else:
        assert err.strip()


WRITER = OutcomeWriter()


@settings(max_examples=80, deadline=None)
@given(NASTY)
def test_widget_never_crashes(text):
    """Does the widget show feedback for any text, and refuse bad adds with a message?"""
    WRITER.text_input.value = text
    assert WRITER.feedback.value
    before = list(WRITER.outcomes.outcomes)
    if not WRITER.add(text):
        assert WRITER.outcomes.outcomes == before
        assert WRITER.message.value
    else:
        WRITER.outcomes.outcomes.clear()
