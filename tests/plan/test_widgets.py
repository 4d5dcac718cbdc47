"""The plan widgets, driven through their controls' state as a person would use them."""

from __future__ import annotations

from datetime import date

import pytest
from myndig.model.plan import Answer, read_plan, royken_2015, save_plan
from myndig.views.plan_app import PlanApp
from myndig.views.plan_arenas import ArenaRegisterWidget
from myndig.views.plan_builder import PlanBuilderWidget
from myndig.views.plan_common import SharedPlan
from myndig.views.plan_evaluation import EvaluationWidget
from myndig.views.plan_flow import KnowledgeFlowWidget
from myndig.views.plan_group import WorkingGroupWidget


@pytest.fixture
def shared(plan, tmp_path):
    return SharedPlan(plan, answer_file=tmp_path / "svar-plan.json")


def test_arena_register_add_edit_remove(shared, tmp_path):
    """Can arenas be added, edited and removed, with each change saved to the answer file?"""
    widget = ArenaRegisterWidget(shared)
    widget.name.value = "Sosialfaglig møte"
    widget.kind.value = "intern"
    widget.frequency.value = "Ukentlig"
    widget.aliases.value = "Sosialfaglig; Sosialmøte"
    widget.add_button.click()
    assert "Lagret" in widget.message.value
    saved = read_plan(tmp_path / "svar-plan.json")
    assert saved.register.find("Sosialmøte").name == "Sosialfaglig møte"
    assert widget.arena_list.index == 3
    widget.frequency.value = "Hver 14. dag"
    widget.update_button.click()
    assert shared.plan.register.arenas[3].frequency == "Hver 14. dag"
    widget.arena_list.index = 0
    assert widget.name.value == "Kontormøte"
    widget.remove_button.click()
    assert "Kontormøte" not in shared.plan.register.names()
    assert "3 arenaer" in widget.summary.value


def test_arena_register_explains_bad_input_and_keeps_plan(shared):
    """Is a duplicate or nameless arena explained, with the register left as it was?"""
    widget = ArenaRegisterWidget(shared)
    widget.name.value = "kontormøte"
    widget.add_button.click()
    assert 'role="alert"' in widget.message.value
    assert "finnes allerede" in widget.message.value
    widget.name.value = ""
    widget.add_button.click()
    assert "navnet" in widget.message.value
    assert len(shared.plan.register.arenas) == 3


def test_knowledge_flow_mapper(shared):
    """Can activities be mapped per transfer, with the picture and summary following?"""
    widget = KnowledgeFlowWidget(shared, show_figure=False)
    assert "Ansatte lærer av hverandre" in widget.explanation.value
    widget.transfer.value = 7
    assert widget.rows.options == ()
    widget.activity.value = "Innspill fra brukerutvalget"
    widget.arena.value = "Kontormøte"
    widget.extent.value = 3
    widget.add_button.click()
    assert len(widget.rows.options) == 1
    assert shared.plan.flow.weights()[7] == 3
    widget.rows.index = 0
    widget.extent.value = 1
    widget.update_button.click()
    assert shared.plan.flow.weights()[7] == 1
    widget.remove_button.click()
    assert shared.plan.flow.weights()[7] == 0
    widget.transfer.value = 1
    assert len(widget.rows.options) == 1
    widget.activity.value = ""
    widget.add_button.click()
    assert "aktiviteten" in widget.message.value


def test_knowledge_flow_picture_has_alt_text(shared):
    """Is the structures picture an image whose alt text is the summary?"""
    widget = KnowledgeFlowWidget(shared)
    assert "<img" in widget.chart.value
    assert "Kartleggingen har 2 aktiviteter" in widget.chart.value
    assert "Kartleggingen har 2 aktiviteter" in widget.summary.value


def test_builder_add_theme_and_row_with_live_validation(shared):
    """Does adding a theme show at once what it lacks, and a row clear it?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    assert "komplett" in widget.problems.value
    widget.theme_title.value = "Nasjonal kvalitetsstrategi"
    widget.origins[next(iter(widget.origins))].value = True
    widget.theme_responsible.value = "Fagansvarlig"
    widget.evaluation_date.value = date(2026, 12, 15)
    widget.add_theme_button.click()
    assert widget.theme_list.index == 1
    assert "ingen læringsutbytter" in widget.problems.value
    widget.outcome.value = "Alle ansatte kjenner de seks kjennetegnene ved god kvalitet"
    assert "mangler" in widget.draft_hints.value  # live, before the row is added
    widget.arena.value = "Kontormøte"
    widget.method.value = "refleksjon"
    widget.participants.value = "Alle ansatte"
    widget.time_start.value = date(2026, 10, 9)
    assert "komplett" in widget.draft_hints.value
    widget.add_row_button.click()
    assert len(shared.plan.themes[1].rows) == 1
    assert "komplett" in widget.problems.value


def test_builder_draft_warns_of_unknown_arena_and_dates(shared):
    """While typing, is an arena outside the register and a date outside the period flagged?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    widget.theme_list.index = 0
    widget.outcome.value = "Utbytte"
    widget.arena.value = "Kantina"
    widget.time_start.value = date(2027, 3, 1)
    assert "Kantina" in widget.draft_hints.value
    assert "01.03.2027" in widget.draft_hints.value


def test_builder_edit_and_remove_rows_and_themes(shared):
    """Can rows and themes be edited, moved and removed through the controls?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    widget.theme_list.index = 0
    widget.row_list.index = 1
    assert widget.method.value == "ferdighetstrening"
    widget.participants.value = ""
    widget.row_note.value = "Flyttes hvis fagmøtet faller bort."
    widget.update_row_button.click()
    assert "hvem som skal delta" in widget.problems.value
    assert shared.plan.themes[0].rows[1].note == "Flyttes hvis fagmøtet faller bort."
    widget.remove_row_button.click()
    assert len(shared.plan.themes[0].rows) == 1
    widget.theme_title.value = "Arbeidsmarked"
    widget.update_theme_button.click()
    assert shared.plan.themes[0].title == "Arbeidsmarked"
    assert len(shared.plan.themes[0].rows) == 1
    widget.theme_list.index = None
    widget.theme_title.value = "Nytt"
    widget.add_theme_button.click()
    widget.up_button.click()
    assert [theme.title for theme in shared.plan.themes] == ["Nytt", "Arbeidsmarked"]
    widget.remove_theme_button.click()
    assert [theme.title for theme in shared.plan.themes] == ["Arbeidsmarked"]


def test_builder_refuses_row_without_theme_and_bad_input(shared):
    """Is adding a row with no theme chosen, or an empty row, explained without a change?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    widget.theme_list.index = None
    widget.outcome.value = "Utbytte"
    widget.add_row_button.click()
    assert "Velg eller legg til et tema" in widget.message.value
    widget.theme_list.index = 0
    for field in (widget.outcome, widget.arena, widget.participants):
        field.value = ""
    widget.method.value = ""
    widget.add_row_button.click()
    assert "tom" in widget.message.value
    assert len(shared.plan.themes[0].rows) == 2


def test_builder_header_changes_period(shared):
    """Does changing the period re-check the dates (a row now outside it is flagged)?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    widget.period_end.value = date(2026, 9, 30)
    widget.introduction.value = "Temaene bygger på forslag fra de ansatte."
    widget.header_button.click()
    assert shared.plan.period.end == date(2026, 9, 30)
    assert shared.plan.introduction == "Temaene bygger på forslag fra de ansatte."
    assert "utenfor perioden" in widget.problems.value
    widget.period_end.value = date(2026, 1, 1)
    widget.header_button.click()
    assert "Bytt om" in widget.message.value


def test_builder_exports_word(shared, tmp_path):
    """Does the export button write the chosen document next to the answer file?"""
    widget = PlanBuilderWidget(shared, show_figures=False)
    widget.export_format.value = "docx"
    widget.export_button.click()
    target = tmp_path / "plan-for-laering-nav-eksempel.docx"
    assert target.is_file()
    assert "download" in widget.export_result.value


def test_builder_figures_follow_changes(shared):
    """Are the timeline and method pictures drawn, with alt text, and redrawn on change?"""
    widget = PlanBuilderWidget(shared)
    assert "<img" in widget.timeline.value
    assert "<img" in widget.methods.value
    before = widget.methods.value
    widget.theme_list.index = 0
    widget.row_list.index = 0
    widget.method.value = "e_laering"
    widget.update_row_button.click()
    assert widget.methods.value != before
    assert "e-læring (1)" in widget.methods_summary.value


def test_evaluation_saves_answers_and_carries_forward(shared, tmp_path):
    """Are evaluation answers saved, and is next period's plan made from the carried themes?"""
    widget = EvaluationWidget(shared, next_file=tmp_path / "neste.json")
    row = widget.theme_rows[0]
    row.done.value = "ja"
    row.useful.value = "delvis"
    row.changes.value = "Flere rollespill"
    row.carry.value = True
    saved = read_plan(tmp_path / "svar-plan.json")
    assert saved.themes[0].review.done is Answer.YES
    assert saved.themes[0].review.carry_forward
    assert "1 skal videreføres" in widget.summary.value
    widget.next_name.value = "Våren 2027"
    widget.next_start.value = date(2027, 1, 1)
    widget.next_end.value = date(2027, 6, 30)
    widget.carry_button.click()
    following = read_plan(tmp_path / "neste.json")
    assert following.period.name == "Våren 2027"
    assert [theme.title for theme in following.themes] == ["Arbeidsmarkedskompetanse"]
    assert "Flere rollespill" in following.themes[0].note
    assert widget.next_plan is not None


def test_evaluation_needs_a_next_period(shared):
    """Is making the next plan without dates explained?"""
    widget = EvaluationWidget(shared)
    widget.carry_button.click()
    assert "første og siste dag" in widget.result.value
    assert widget.next_plan is None


def test_working_group_widget(shared):
    """Can members be added and removed, and mandate and time frame saved?"""
    widget = WorkingGroupWidget(shared)
    assert "innenfor anbefalingen" in widget.summary.value
    widget.member_name.value = "Per"
    widget.add_button.click()
    widget.member_name.value = "Liv"
    widget.add_button.click()
    widget.member_name.value = "Tor"
    widget.add_button.click()
    assert "anbefaler" in widget.summary.value
    widget.member_list.index = 5
    widget.remove_button.click()
    assert len(shared.plan.working_group.members) == 5
    widget.mandate.value = "Lag plan for læring for høsten."
    widget.frame_start.value = date(2026, 5, 1)
    widget.frame_end.value = date(2026, 6, 15)
    widget.details_button.click()
    assert shared.plan.working_group.time_frame.end == date(2026, 6, 15)


def test_shared_plan_reloads_from_answer_file(plan, tmp_path):
    """Does a new session pick up the saved plan from the answer file?"""
    path = tmp_path / "svar-plan.json"
    save_plan(path, plan)
    again = SharedPlan(answer_file=path)
    assert again.plan.themes[0].title == "Arbeidsmarkedskompetanse"


def test_broken_answer_file_is_set_aside_and_explained(tmp_path):
    """Does a broken answer file get kept aside, with a notice, and a fresh plan start?"""
    path = tmp_path / "svar-plan.json"
    path.write_text("{ødelagt", encoding="utf-8")
    widget = PlanBuilderWidget(SharedPlan(answer_file=path), show_figures=False)
    assert "tatt vare på" in widget.message.value
    assert list(tmp_path.glob("svar-plan.uleselig-*.json"))
    assert widget.shared.plan.themes == []


def test_save_failure_is_reported_and_work_kept(plan, tmp_path):
    """If the answer file cannot be written, is that said, with the change kept in the widget?"""
    blocker = tmp_path / "mappe"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    shared = SharedPlan(plan, answer_file=blocker / "svar-plan.json")
    widget = ArenaRegisterWidget(shared)
    widget.name.value = "Ny arena"
    widget.add_button.click()
    assert "Kunne ikke lagre" in widget.message.value
    assert "Ny arena" in shared.plan.register.names()


def test_app_shares_one_plan_between_tabs(tmp_path):
    """Is an arena added in the register tab offered in the builder at once?"""
    app = PlanApp(royken_2015(), answer_file=tmp_path / "svar-plan.json")
    assert app.get_title(3) == "4 Plan for læring"
    app.arenas.name.value = "Brukermøtet"
    app.arenas.add_button.click()
    assert "Brukermøtet" in app.builder.arena.options
    assert "«Brukermøtet»" not in app.builder.problems.value


def test_every_control_has_a_label(shared):
    """Does every input control in the builder have a description (a label for screen readers)?"""
    import ipywidgets as widgets

    builder = PlanBuilderWidget(shared, show_figures=False)
    controls = [value for value in vars(builder).values()
                if isinstance(value, (widgets.Text, widgets.Textarea, widgets.Dropdown,
                                      widgets.DatePicker, widgets.Select, widgets.Combobox,
                                      widgets.Button))]
    controls += list(builder.origins.values())
    assert len(controls) > 25
    assert all(control.description for control in controls)


def test_exercise_app_reloads_what_the_widgets_saved(tmp_path):
    """Does the exercise tool, started again (as at autograde), hold the plan built before?"""
    from myndig.views.plan_app import exercise_app

    path = tmp_path / "svar-plan.json"
    first = exercise_app(path)
    first.builder.office.value = "NAV Fjordvik"
    first.builder.header_button.click()
    first.arenas.name.value = "Kontormøte"
    first.arenas.add_button.click()
    first.builder.theme_title.value = "Unge brukere"
    first.builder.add_theme_button.click()
    first.builder.outcome.value = "Veilederne kan bruke motiverende intervju"
    first.builder.arena.value = "Kontormøte"
    first.builder.add_row_button.click()
    again = exercise_app(path)
    assert again.plan.office == "NAV Fjordvik"
    assert again.plan.register.names() == ["Kontormøte"]
    assert again.plan.themes[0].rows[0].outcome == "Veilederne kan bruke motiverende intervju"
    assert again.builder.office.value == "NAV Fjordvik"


def test_unset_choices_show_a_label_not_a_blank(shared):
    """Do an unset method and an unanswered evaluation show «Velg …» and «Ikke vurdert»?"""
    builder = PlanBuilderWidget(shared, show_figures=False)
    assert builder.method.label == "Velg …"
    evaluation = EvaluationWidget(shared)
    assert evaluation.theme_rows[0].done.label == "Ikke vurdert"
