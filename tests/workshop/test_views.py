"""Widget state of the workshop views, driven without a browser: every write goes through the
model, colleagues' changes arrive by polling, participants' text never reaches HTML raw."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from myndig.model.workshop import Phase, WorkshopService
from myndig.model.workshop.pulse import DIMENSIONS, MIN_GROUP
from myndig.store import open_store
from myndig.views.workshop_facilitator import FacilitatorWidget, status_table_html
from myndig.views.workshop_flow import KnowledgeFlowWidget
from myndig.views.workshop_join import JoinWidget, join_url, qr_html
from myndig.views.workshop_outcomes import OutcomesWidget
from myndig.views.workshop_participant import ParticipantApp
from myndig.views.workshop_plan import PlanWidget
from myndig.views.workshop_pulse import PulseWidget
from myndig.views.workshop_voting import VotingWidget, result_bars_html, voting_figure

HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.fixture
def service(tmp_path: Path) -> WorkshopService:
    return WorkshopService(open_store(tmp_path / "verksted.sqlite3"))


def test_join_widget_explains_a_bad_code_and_joins_with_a_good_one(
        service: WorkshopService) -> None:
    """Does a wrong code give an alert, and a right one hand over a participant session?"""
    facilitator = service.create("Dag")
    joined = []
    widget = JoinWidget(service, joined.append)
    widget.code_input.value = "HKT49W"
    assert widget.join() is None
    assert 'role="alert"' in widget.message.value
    widget.code_input.value = facilitator.display_code.lower()
    widget.name_input.value = "Kari"
    session = widget.join()
    assert joined == [session]
    assert session.label == "Kari"


def test_qr_code_carries_the_join_address_and_a_text_alternative() -> None:
    """Is the QR code an image with the address and code in its alt text, safely quoted?"""
    url = join_url("http://10.0.0.12:8866/", "HKT49W")
    assert url == "http://10.0.0.12:8866/voila/render/deltaker.ipynb?kode=HKT49W"
    html = qr_html(url, "HKT 49W")
    assert html.startswith('<img src="data:image/svg+xml')
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert "HKT 49W" in alt
    assert "deltaker.ipynb?kode=HKT49W" in alt


def test_votes_from_colleagues_arrive_by_polling(service: WorkshopService) -> None:
    """Does a colleague's proposal and vote show up in my widget after one poll?"""
    facilitator = service.create("Dag")
    me = service.join(facilitator.code)
    colleague = service.join(facilitator.code)
    widget = VotingWidget(me, poll=False)
    theme = colleague.propose("Samtalemetodikk")
    colleague.vote(theme)
    assert widget.poller.poll_once()
    assert [box.description for box in widget.choices.children] == ["Samtalemetodikk"]
    assert "Samtalemetodikk: <strong>1</strong>" in widget.result.value
    assert not widget.poller.poll_once()  # nothing new, nothing redrawn


def test_voting_widget_writes_through_the_model(service: WorkshopService) -> None:
    """Do the propose button and the checkboxes store proposals and votes, and limits show?"""
    facilitator = service.create("Dag")
    me = service.join(facilitator.code)
    widget = VotingWidget(me, poll=False)
    for text in ("A", "B", "C", "D"):
        widget.proposal_input.value = text
        assert widget.propose()
    assert widget.proposal_input.value == ""
    boxes = widget.choices.children
    for box in boxes[:3]:
        box.value = True
    assert "0 av 3" in widget.votes_left.value
    boxes[3].value = True  # a fourth vote is refused and the box goes back
    assert 'role="alert"' in widget.message.value
    assert boxes[3].value is False
    assert facilitator.voting_result().votes_cast == 3
    boxes[0].value = False
    assert facilitator.voting_result().votes_cast == 2


def test_participant_text_is_escaped_in_every_view(service: WorkshopService) -> None:
    """Does hostile HTML in a name, proposal or flow row reach the HTML widgets only escaped?"""
    facilitator = service.create(HOSTILE)
    attacker = service.join(facilitator.code, HOSTILE[:40])
    attacker.propose(HOSTILE)
    attacker.vote(facilitator.voting_result().themes[0].proposal_id)
    attacker.add_flow_entry(1, HOSTILE, HOSTILE, HOSTILE)
    viewer = service.join(facilitator.code)
    html_parts = [
        result_bars_html(viewer.voting_result()),
        status_table_html(facilitator),
        KnowledgeFlowWidget(viewer, poll=False).table.value,
    ]
    app = ParticipantApp(service, poll=False)
    app.enter(viewer)
    html_parts.append(app.header.value)
    dashboard = FacilitatorWidget(service, poll=False)
    dashboard.open_with_key(facilitator.key)
    html_parts += [dashboard.heading.value, dashboard.chart.value, dashboard.summary.value]
    for html in html_parts:
        assert "<img src=x" not in html
        assert "<script" not in html
    assert "&lt;img src=x" in html_parts[0]


def test_chart_labels_with_dollar_signs_render(service: WorkshopService) -> None:
    """Does a theme with $ signs (matplotlib's mathtext) still draw instead of failing?"""
    facilitator = service.create("Dag")
    person = service.join(facilitator.code)
    person.vote(person.propose("Budsjett $x^2$ og $"))
    figure = voting_figure(facilitator.voting_result())
    figure.canvas.draw()


def test_facilitator_widget_creates_and_moves_phases(service: WorkshopService) -> None:
    """Does the facilitator screen create a workshop, show its code, and move the phases?"""
    widget = FacilitatorWidget(service, poll=False)
    widget.title_input.value = ""
    assert widget.create() is None
    assert 'role="alert"' in widget.message.value
    widget.title_input.value = "Kontordag"
    session = widget.create()
    assert session.display_code in widget.join_info.value
    assert "data:image/svg+xml" in widget.join_info.value
    widget.next_button.click()
    assert session.phase is Phase.PROPOSALS
    assert widget.phase_select.value == "forslag"
    widget.phase_select.value = "puls"
    assert session.phase is Phase.PULSE
    widget.previous_button.click()
    assert session.phase is Phase.PLAN
    service.join(session.code, "Kari")
    widget.poller.poll_once()
    assert "Kari" in widget.status.value


def test_participant_app_follows_the_phase(service: WorkshopService) -> None:
    """Does the participant page switch app when the facilitator changes phase?"""
    facilitator = service.create("Dag")
    app = ParticipantApp(service, poll=False)
    app.join_widget.code_input.value = facilitator.code
    app.join_widget.join()
    assert app.current is None
    facilitator.set_phase(Phase.VOTING)
    app.poller.poll_once()
    assert isinstance(app.current, VotingWidget)
    voting = app.current
    facilitator.set_phase(Phase.PROPOSALS)
    app.poller.poll_once()
    assert app.current is voting  # same app: kept, so nothing typed is lost
    facilitator.set_phase(Phase.KNOWLEDGE_FLOW)
    app.poller.poll_once()
    assert isinstance(app.current, KnowledgeFlowWidget)
    facilitator.set_phase(Phase.OUTCOMES)
    app.poller.poll_once()
    assert isinstance(app.current, OutcomesWidget)
    facilitator.set_phase(Phase.PLAN)
    app.poller.poll_once()
    assert isinstance(app.current, PlanWidget)
    facilitator.set_phase(Phase.CLOSED)
    app.poller.poll_once()
    assert app.current is None
    assert "Avsluttet" in app.phase_info.value


def test_participant_app_resumes_from_its_link(service: WorkshopService) -> None:
    """Does ?deltaker=<token> continue as the same participant, and ?kode= fill in the code?"""
    facilitator = service.create("Dag")
    first = service.join(facilitator.code, "Ola")
    app = ParticipantApp(service, app=Phase.PULSE, poll=False)
    app.from_query({"deltaker": first.token})
    assert app.session.participant_id == first.participant_id
    assert isinstance(app.current, PulseWidget)
    other = ParticipantApp(service, poll=False)
    other.from_query({"deltaker": "feil", "kode": facilitator.code})
    assert other.session is None
    assert other.join_widget.code_input.value == facilitator.code
    assert 'role="alert"' in other.join_widget.message.value


def test_pulse_widget_hides_the_group_until_five(service: WorkshopService) -> None:
    """Is the group's result absent until MIN_GROUP have answered, and shown after?"""
    facilitator = service.create("Dag")
    people = [service.join(facilitator.code) for _ in range(MIN_GROUP)]
    widget = PulseWidget(people[0], poll=False)
    for dimension in DIMENSIONS:
        widget.scales[dimension].value = 4
    assert people[0].my_pulse() == dict.fromkeys(DIMENSIONS, 4)
    assert widget.result.value == ""
    assert "minst 5" in widget.summary.value
    for person in people[1:]:
        for dimension in DIMENSIONS:
            person.answer_pulse(dimension, 2)
    widget.poller.poll_once()
    assert "Gruppens puls" in widget.result.value
    assert "2,4" in widget.result.value


def test_flow_widget_adds_and_removes_own_rows(service: WorkshopService) -> None:
    """Can a participant add a row, see it in the shared table, and remove only their own?"""
    facilitator = service.create("Dag")
    me = service.join(facilitator.code)
    service.join(facilitator.code).add_flow_entry(9, "Fagmøte")
    widget = KnowledgeFlowWidget(me, poll=False)
    widget.activity_input.value = ""
    assert not widget.add()
    widget.transfer_input.value = 1
    widget.activity_input.value = "Fadderordning"
    widget.arena_input.value = "Daglig drift"
    assert widget.add()
    assert "Fadderordning" in widget.table.value
    assert "Fagmøte" in widget.table.value
    assert [label for label, _ in widget.own_rows.options] == ["1: Fadderordning"]
    widget.own_rows.value = widget.own_rows.options[0][1]
    assert widget.remove()
    assert [entry.activity for entry in facilitator.flow_entries()] == ["Fagmøte"]


def test_outcomes_widget_checks_then_saves_with_the_analysis(service: WorkshopService) -> None:
    """Does «Sjekk» show the NKR verdict without saving, and «Lagre» store it for everyone?"""
    facilitator = service.create("Dag")
    me = service.join(facilitator.code)
    me.vote(me.propose("Motiverende intervju"))
    widget = OutcomesWidget(me, poll=False)
    assert widget.theme_input.options == ("Motiverende intervju",)
    widget.text_input.value = "Veilederne kan anvende motiverende intervju i samtaler med brukere"
    assert widget.check() is not None
    assert "Ferdigheter" in widget.feedback.value
    assert facilitator.outcomes() == []
    widget.theme_input.value = "Motiverende intervju"
    assert widget.save()
    assert [outcome.category for outcome in facilitator.outcomes()] == ["ferdigheter"]
    assert "1 læringsutbytter for 1 temaer" in widget.summary.value
    widget.text_input.value = "x" * 400
    assert not widget.save()
    assert 'role="alert"' in widget.message.value


def test_plan_widget_builds_the_plan_and_offers_word_and_excel(service: WorkshopService) -> None:
    """Does the shared plan gather the voted themes and outcomes, refuse a stale header and
    produce Word and Excel downloads?"""
    facilitator = service.create("Dag")
    me = service.join(facilitator.code)
    colleague = service.join(facilitator.code)
    me.vote(me.propose("Motiverende intervju"))
    me.propose("Uten stemmer")
    me.add_outcome("Motiverende intervju",
                   "Veilederne kan anvende motiverende intervju i samtaler med brukere")
    widget = PlanWidget(me, poll=False)
    assert "Fyll inn kontor" in widget.preview.value
    assert not widget.make_files()
    widget.office_input.value = "NAV <Røyken>"
    widget.period_input.value = "Våren 2026"
    widget.start_input.value = "01.02.2026"
    widget.end_input.value = "30.06.2026"
    assert widget.save_header()
    assert "Plan for læring: NAV &lt;Røyken&gt;" in widget.preview.value
    assert "Motiverende intervju" in widget.preview.value
    assert "Uten stemmer" not in widget.preview.value
    other = PlanWidget(colleague, poll=False)
    assert other.office_input.value == "NAV <Røyken>"
    widget.office_input.value = "NAV Asker"
    assert widget.save_header()
    other.office_input.value = "NAV Bærum"  # based on the first version: refused, not lost
    assert not other.save_header()
    assert "endret" in other.message.value
    assert other.office_input.value == "NAV Asker"
    assert widget.make_files()
    assert 'download="plan-for-laering.docx"' in widget.downloads.value
    assert 'download="plan-for-laering.xlsx"' in widget.downloads.value
