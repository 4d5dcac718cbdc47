"""An office's learning system and its *Plan for læring*, after the KLAR guide (2017).

One concern per module: the period and its times, the arena register, Sveiby's nine knowledge
transfers, the working group, themes and their rows, the plan, its validation, its file format,
the evaluation that carries it into the next period, and the link to the NKR analyser.
"""

from myndig.model.plan.arenas import Arena, ArenaKind, ArenaRegister, make_arena
from myndig.model.plan.evaluation import carry_forward, review_summary, set_review
from myndig.model.plan.example import royken_2015
from myndig.model.plan.fileformat import (
    FORMAT,
    FORMAT_VERSION,
    json_schema,
    load_plan_or_set_aside,
    plan_from_json,
    plan_to_json,
    read_plan,
    save_plan,
)
from myndig.model.plan.knowledge_flow import (
    TRANSFERS,
    Extent,
    FlowRow,
    KnowledgeFlow,
    Structure,
    Transfer,
    make_flow_row,
    transfer,
)
from myndig.model.plan.period import Period, Timing, make_period, make_timing
from myndig.model.plan.plan import LearningPlan, new_plan
from myndig.model.plan.themes import (
    Answer,
    Method,
    Origin,
    PlanRow,
    Theme,
    ThemeReview,
    make_review,
    make_row,
    make_theme,
)
from myndig.model.plan.validation import Problem, Rule, Severity, validate
from myndig.model.plan.working_group import Member, WorkingGroup, make_member

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "TRANSFERS",
    "Answer",
    "Arena",
    "ArenaKind",
    "ArenaRegister",
    "Extent",
    "FlowRow",
    "KnowledgeFlow",
    "LearningPlan",
    "Member",
    "Method",
    "Origin",
    "Period",
    "PlanRow",
    "Problem",
    "Rule",
    "Severity",
    "Structure",
    "Theme",
    "ThemeReview",
    "Timing",
    "Transfer",
    "WorkingGroup",
    "carry_forward",
    "json_schema",
    "load_plan_or_set_aside",
    "make_arena",
    "make_flow_row",
    "make_member",
    "make_period",
    "make_review",
    "make_row",
    "make_theme",
    "make_timing",
    "new_plan",
    "plan_from_json",
    "plan_to_json",
    "read_plan",
    "review_summary",
    "royken_2015",
    "save_plan",
    "set_review",
    "transfer",
    "validate",
]
