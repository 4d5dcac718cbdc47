"""The built-in example: NAV Røyken's Plan for læring for spring 2015.

Source: the appendix of *Læringssystem for kompetanseutvikling i NAV-kontor. Veileder* (KLAR
project, Høgskolen i Østfold, 2017). The file records how the plan was rebuilt from the guide.
"""

from __future__ import annotations

import json
from importlib import resources

from myndig.model.plan.fileformat import plan_from_json
from myndig.model.plan.plan import LearningPlan

ROYKEN_2015 = "royken_2015.json"


def royken_2015() -> LearningPlan:
    text = (resources.files("myndig") / "data" / ROYKEN_2015).read_text(encoding="utf-8")
    return plan_from_json(json.loads(text))
