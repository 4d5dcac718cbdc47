"""Late-submission policies as nbgrader plugins, so serial nbgrader and ``myndig grade`` agree.

nbgrader applies ``AssignLatePenalties.plugin_class`` while autograding; choosing the policy
through that hook (instead of adjusting scores at export) keeps the gradebook, nbgrader's own
CSV and our Canvas export in step.
"""

from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float

from myndig.i18n import t
from myndig.model.errors import InvalidInput

SECONDS_PER_DAY = 24 * 60 * 60


class PercentPerDay(LateSubmissionPlugin):
    """Take ``percent_per_day`` of the score for each started day late; zero after a limit."""

    percent_per_day = Float(10.0, help="Prosent trekk per påbegynte døgn for sent").tag(config=True)
    zero_after_days = Float(
        7.0, help="Null poeng når innleveringen er mer enn så mange døgn for sent").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        if total_seconds_late <= 0:
            return None
        if not score:
            return 0.0
        days = total_seconds_late / SECONDS_PER_DAY
        if days > self.zero_after_days:
            return float(score)
        return min(float(score), float(score) * self.percent_per_day / 100 * math.ceil(days))


def policy_config(policy: str) -> dict[str, dict[str, object]]:
    """nbgrader configuration for a policy written as ``none``, ``zero`` or ``percent:10[:7]``."""
    if policy in ("none", "zero"):
        return {"LateSubmissionPlugin": {"penalty_method": policy}}
    parts = policy.split(":")
    if parts[0] == "percent" and len(parts) in (2, 3):
        try:
            numbers = [float(part) for part in parts[1:]]
        except ValueError:
            numbers = []
        if numbers and all(number >= 0 for number in numbers):
            settings: dict[str, object] = {"percent_per_day": numbers[0]}
            if len(numbers) == 2:
                settings["zero_after_days"] = numbers[1]
            return {"AssignLatePenalties": {"plugin_class": f"{__name__}.PercentPerDay"},
                    "PercentPerDay": settings}
    raise InvalidInput(t("grading.late_policy_invalid", policy=policy), field="late_policy")
