"""The lecturer's summary of an assignment: how each question went, and what was contained.

Written to ``<course>/myndig-retting/<assignment>/``: ``fordeling.png`` (score distribution per
question, one small chart each, colour and hatch together so colour never carries meaning
alone) and ``oppsummering.md`` (the same in words, the questions most got wrong, and every
submission the cage stopped or flagged, with the reason).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from myndig.grading.layout import Course, Result, load_results
from myndig.i18n import t
from myndig.views.figures import HATCHES, PALETTE, new_figure, to_png


@dataclass
class Question:
    name: str
    max_score: float
    scores: list[float] = field(default_factory=list)
    waiting: int = 0  # manually graded cells nobody has graded yet

    @property
    def mean(self) -> float:
        return sum(self.scores) / len(self.scores) if self.scores else 0.0

    @property
    def share_full(self) -> float:
        if not self.scores:
            return 0.0
        return sum(score >= self.max_score for score in self.scores) / len(self.scores)

    @property
    def fraction(self) -> float:
        return self.mean / self.max_score if self.max_score else 1.0


def questions_from_gradebook(course: Course, assignment: str) -> list[Question]:
    from nbgrader.api import Gradebook

    found: dict[str, Question] = {}
    with Gradebook(course.db_url) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            several = len(submission.notebooks) > 1
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    name = f"{notebook.name}/{grade.name}" if several else grade.name
                    question = found.setdefault(name, Question(name, grade.max_score))
                    if grade.manual_score is None and grade.auto_score is None:
                        question.waiting += 1
                    else:
                        question.scores.append(grade.score)
    return sorted(found.values(), key=lambda question: question.name)


def auto_scores(course: Course, assignment: str) -> dict[tuple[str, str], float | None]:
    """(student, "notebook/cell") -> the autograder's score, as nbgrader's gradebook holds it.

    What two gradings of the same submissions must agree on, cell by cell.
    """
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(course.db_url) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    found[(submission.student.id, f"{notebook.name}/{grade.name}")] = (
                        grade.auto_score)
    return found


def most_missed(questions: list[Question], count: int = 3) -> list[Question]:
    graded = [question for question in questions if question.scores]
    return sorted(graded, key=lambda question: (question.fraction, question.name))[:count]


def distribution_figure(questions: list[Question]):
    columns = min(3, max(1, len(questions)))
    rows = -(-len(questions) // columns) or 1
    figure = new_figure(width=3.2 * columns, height=2.4 * rows)
    axes = figure.subplots(rows, columns, squeeze=False)
    for index, question in enumerate(questions):
        axis = axes[index // columns][index % columns]
        counts = Counter(question.scores)
        values = sorted(set(counts) | {0.0, float(question.max_score)})
        axis.bar([f"{value:g}" for value in values], [counts.get(value, 0) for value in values],
                 color=PALETTE[index % len(PALETTE)], hatch=HATCHES[index % len(HATCHES)],
                 edgecolor="black", linewidth=0.6)
        axis.set_title(f"{question.name} (maks {question.max_score:g})", fontsize=9)
        axis.set_xlabel(t("grading.summary_axis_score"), fontsize=8)
        axis.set_ylabel(t("grading.summary_axis_students"), fontsize=8)
        axis.tick_params(labelsize=8)
    for index in range(len(questions), rows * columns):
        axes[index // columns][index % columns].set_visible(False)
    figure.suptitle(t("grading.summary_figure_title"), fontsize=10)
    return figure


def summary_text(assignment: str, questions: list[Question], results: list[Result]) -> str:
    lines = [f"# {t('grading.summary_title', assignment=assignment)}", ""]
    lines += [t("grading.summary_counts", graded=sum(r.status == "graded" for r in results),
                total=len(results)), ""]
    lines += [f"## {t('grading.summary_questions')}", "",
              t("grading.summary_table_header"), "|---|---|---|---|---|"]
    for question in questions:
        lines.append(f"| {question.name} | {question.max_score:g} | {question.mean:.2f} | "
                     f"{question.share_full:.0%} | {question.waiting} |")
    lines += ["", f"![{t('grading.summary_alt')}](fordeling.png)", ""]
    lines += [f"## {t('grading.summary_missed')}", ""]
    for question in most_missed(questions):
        lines.append("- " + t("grading.summary_missed_line", question=question.name,
                              mean=f"{question.mean:.2f}", max_score=f"{question.max_score:g}",
                              full=f"{question.share_full:.0%}"))
    contained = [result for result in results if result.reasons]
    lines += ["", f"## {t('grading.summary_contained')}", ""]
    if not contained:
        lines.append(t("grading.summary_none_contained"))
    for result in contained:
        score = "–" if result.score is None else f"{result.score:g}"
        lines.append(f"- **{result.student}** ({result.status}, {score} poeng):")
        for reason in result.reasons:
            detail = f" [{reason.detail}]" if reason.detail else ""
            lines.append(f"  - {reason.text}{detail}")
    return "\n".join(lines) + "\n"


def alt_text(questions: list[Question]) -> str:
    parts = [t("grading.summary_alt_question", question=q.name, mean=f"{q.mean:.1f}",
               max_score=f"{q.max_score:g}", full=f"{q.share_full:.0%}") for q in questions]
    return t("grading.summary_alt") + ": " + "; ".join(parts)


def write_summary(course: Course, assignment: str) -> tuple[Path, Path]:
    questions = questions_from_gradebook(course, assignment)
    results = load_results(course, assignment)
    folder = course.state(assignment)
    folder.mkdir(parents=True, exist_ok=True)
    picture = folder / "fordeling.png"
    picture.write_bytes(to_png(distribution_figure(questions)))
    text = folder / "oppsummering.md"
    text.write_text(summary_text(assignment, questions, results), encoding="utf-8")
    return text, picture
