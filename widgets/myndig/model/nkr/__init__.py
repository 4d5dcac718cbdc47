"""Learning outcomes after the Norwegian qualifications framework (NKR).

``analyse_statement`` reads one outcome and tells its category (kunnskap, ferdigheter,
generell kompetanse) with how sure it is and why, an estimate of its NKR level, and what could be
better; ``analyse_set`` looks at a theme's or a course's outcomes together.
"""

from myndig.model.nkr.analysis import Analysis, analyse_statement, warm_up
from myndig.model.nkr.findings import Finding, Severity
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.outcome_set import OutcomeSet
from myndig.model.nkr.set_analysis import SetReport, analyse_set

__all__ = ["Analysis", "Category", "Finding", "OutcomeSet", "SetReport", "Severity", "analyse_set",
           "analyse_statement", "warm_up"]
