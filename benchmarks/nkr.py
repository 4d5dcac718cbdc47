"""Benchmark of the NKR analyser on the labelled corpora in tests/nkr/corpus (not a test).

Run: .venv/bin/python benchmarks/nkr.py [--feil] [--uten-test] [--ny FIL]

``--ny FIL`` reports only FIL, a new untouched file with the corpus's columns, analysed once by
the stored model, which never learnt from it.

Two corpora, reported apart because they answer different questions:

- ``nkr_utbytter.csv``: the NKR level descriptors (the analyser's word lists were built from
  them, so the figures there are in-sample) plus a few rows from NTNU, UiO and NAV Røyken;
- ``studieplaner.csv``: outcomes copied verbatim from published study plans, with the category
  the plan itself gives them and the level of the programme. The analyser was not tuned on them.
  Once the file has a ``split`` column, the rows are reported as a development half (the only
  rows anyone may look at while improving the analyser) and a test half (held out).

The analyser has a learned part (``benchmarks/train_nkr.py``) trained on the NKR rows,
``trening.csv`` and the development half, so figures on those rows are in-sample. The development
half is therefore also reported cross-validated: in ten folds (by a hash of the text), each fold
analysed by a model trained without it, and plan by plan (leave one plan out), which is closer to
a plan the analyser has never seen. ``trening.csv`` is reported plan by plan as well.
``proeve.csv`` (fourth round), ``proeve2.csv`` (fifth), ``proeve3.csv`` and ``proeve4.csv``
(sixth) and ``proeve5.csv`` (seventh) hold outcomes from new plans, collected by helpers who did
not tune the analyser. Each was run once, untouched (83.5 %, 79.6 %, 83.5 %, 82.4 % and 81.2 %),
and has been training data since, reported plan by plan like trening.csv; no untouched file is
left, so a new attempt needs a new one (``--ny``). ``--uten-test`` leaves the test half out,
for use while developing. Plan by plan is the honest proxy for a plan the analyser has never
seen (figures in tests/nkr/corpus/README.md).

Each row is read twice: the list item alone (the measure since the first round), and the way
``myndig analyse`` reads a pasted plan, with the shared stem the corpus notes in ``merknad``
(«stamme «Studenten har kunnskap om:»»). The two differ only where the stem names the category
and the item has no verb of its own (myndig.model.nkr.plan_text.category_named_by).

For each group: category accuracy and macro-F1 for the analyser and for a keyword baseline,
exact level accuracy and 6-vs-7 accuracy, and the median time per statement. Confusion matrices
and per-source figures for the study-plan rows. ``--feil`` lists the misclassified
development rows (never the test rows).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from myndig.model.nkr import analyse_statement
from myndig.model.nkr.learned import fit, models_in_use
from train_nkr import USED_FRESH_PLANS, training_rows
from train_nkr import read as read_if_present

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "nkr" / "corpus"
DESCRIPTORS = CORPUS_DIR / "nkr_utbytter.csv"
STUDY_PLANS = CORPUS_DIR / "studieplaner.csv"
TRAINING = CORPUS_DIR / "trening.csv"
# 300 of the plan rows labelled again from the statement alone, after NKR's definitions.
SECOND_READER = CORPUS_DIR / "andre_leser.csv"
# 300 rows of proeve5.csv labelled by three readers, each asked which heading the plan most likely
# put the statement under (tests/nkr/corpus/README.md, seventh round).
THREE_READERS = CORPUS_DIR / "tre_lesere.csv"
FOLDS = 10
CATEGORIES = ("kunnskap", "ferdigheter", "generell_kompetanse")
NKR_SOURCE = "Kunnskapsdepartementet"
STEM_NOTE = re.compile(r"stamme «([^»]*)»")


def keyword_baseline(text: str) -> str:
    """The obvious rule: knowledge words → kunnskap, sharing words → generell, else ferdigheter."""
    lowered = text.lower()
    if re.search(r"kunnskap|kjenne|innsikt|forstå|forståelse", lowered):
        return "kunnskap"
    if re.search(r"formidl|samarbeid|etisk|kommunis|holdning|refleks", lowered):
        return "generell_kompetanse"
    return "ferdigheter"


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for category in CATEGORIES:
        tp = sum(1 for gold, guess in pairs if gold == guess == category)
        fp = sum(1 for gold, guess in pairs if guess == category and gold != category)
        fn = sum(1 for gold, guess in pairs if gold == category and guess != category)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def accuracy(pairs) -> float:
    return sum(1 for gold, guess in pairs if gold == guess) / len(pairs) if pairs else float("nan")


def confusion(pairs: list[tuple[str, str]]) -> str:
    counts = Counter(pairs)
    columns = (*CATEGORIES, "ingen")
    lines = ["    gull \\ gjetning      " + "".join(f"{c[:11]:>12}" for c in columns)]
    for gold in CATEGORIES:
        lines.append(f"    {gold:<21}" + "".join(f"{counts[(gold, c)]:>12}" for c in columns))
    return "\n".join(lines)


@dataclass
class Scored:
    """One corpus row with what the analyser and the baseline said about it."""

    row: dict
    category: str
    baseline: str
    level: int
    millis: float
    # The category with the plan's shared stem in front, as ``myndig analyse`` reads a plan.
    category_with_stem: str


@dataclass
class Group:
    title: str
    items: list[Scored] = field(default_factory=list)

    def category_pairs(self):
        return [(item.row["kategori"], item.category) for item in self.items]

    def stem_pairs(self):
        return [(item.row["kategori"], item.category_with_stem) for item in self.items]

    def baseline_pairs(self):
        return [(item.row["kategori"], item.baseline) for item in self.items]

    def level_pairs(self):
        return [(int(item.row["nivaa"]), item.level) for item in self.items if item.row["nivaa"]]


def read(path: Path) -> list[dict]:
    if (path == TRAINING or path in USED_FRESH_PLANS) and not path.exists():
        return []
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    if not all(row["kilde"].strip() for row in rows):
        raise SystemExit(f"{path.name}: hver rad må ha en kilde")
    return rows


def stem_of(row: dict) -> str:
    """The shared stem the row stood under in its plan, as the corpus notes it in ``merknad``.

    «stamme «Studenten har kunnskap om:»» gives «Studenten har kunnskap om:»; a note in
    parentheses is the collector's, not the plan's, and «ingen …» means there was none.
    """
    found = STEM_NOTE.search(row.get("merknad") or "")
    if not found:
        return ""
    stem = re.sub(r"\([^)]*\)", " ", found.group(1)).strip()
    return "" if stem.lower().startswith("ingen") else stem


def category_of(analysis) -> str:
    return analysis.category.value if analysis.category else "ingen"


def score(rows: list[dict]) -> list[Scored]:
    for row in rows:
        analyse_statement(row["tekst"])  # warm the caches and the spell-checker
    scored = []
    for row in rows:
        started = time.perf_counter()
        analysis = analyse_statement(row["tekst"])
        millis = (time.perf_counter() - started) * 1000
        stem = stem_of(row)
        with_stem = category_of(analyse_statement(row["tekst"], stem=stem)) if stem else None
        scored.append(Scored(row, category_of(analysis), keyword_baseline(row["tekst"]),
                             analysis.level, millis, with_stem or category_of(analysis)))
    return scored


def fold(text: str) -> int:
    return hashlib.sha256(("myndig-nkr-folds:" + text).encode("utf-8")).digest()[0] % FOLDS


def cross_validated(dev_rows: list[dict]) -> list[Scored]:
    """Each development row analysed by a model that never saw it (ten folds)."""
    everything = training_rows()
    scored: list[Scored] = []
    for number in range(FOLDS):
        held = [row for row in dev_rows if fold(row["tekst"]) == number]
        if not held:
            continue
        held_texts = {row["tekst"] for row in held}
        with models_in_use(fit([row for row in everything if row["tekst"] not in held_texts])):
            scored.extend(score(held))
    order = {row["tekst"]: index for index, row in enumerate(dev_rows)}
    return sorted(scored, key=lambda item: order[item.row["tekst"]])


def plan(row: dict) -> str:
    """The plan a row comes from: its source up to the first comma."""
    return row["kilde"].split(",")[0]


def plans_held_out(rows: list[dict]) -> list[Scored]:
    """Each row analysed by a model trained without any row of its plan (leave one plan out).

    Closer to a plan the analyser has never seen than the ten folds above, where the rest of the
    same plan is in the training.
    """
    everything = training_rows()
    by_plan: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_plan[plan(row)].append(row)
    scored: list[Scored] = []
    for name, held in by_plan.items():
        held_texts = {row["tekst"] for row in held}
        kept = [row for row in everything
                if row["tekst"] not in held_texts and not (plan(row) == name and row in rows)]
        with models_in_use(fit(kept)):
            scored.extend(score(held))
    order = {row["tekst"]: index for index, row in enumerate(rows)}
    return sorted(scored, key=lambda item: order[item.row["tekst"]])


def summary(group: Group, *, details: bool) -> None:
    pairs, base = group.category_pairs(), group.baseline_pairs()
    levels = group.level_pairs()
    six_seven = [(gold, guess) for gold, guess in levels if gold in (6, 7)]
    six_seven_right = sum(1 for gold, guess in six_seven
                          if (guess <= 6 and gold == 6) or (guess >= 7 and gold == 7))
    times = [item.millis for item in group.items]
    print(f"\n== {group.title}: {len(pairs)} utbytter ==")
    for name, these in (("analysator", pairs), ("grunnlinje", base)):
        print(f"  Kategori, {name}: treff {accuracy(these):6.1%}  makro-F1 {macro_f1(these):.3f}")
    stems = sum(1 for item in group.items if stem_of(item.row))
    if stems:
        stemmed = group.stem_pairs()
        print(f"  Kategori med planens stamme foran ({stems} rader har en): treff "
              f"{accuracy(stemmed):6.1%}  makro-F1 {macro_f1(stemmed):.3f}  "
              f"({sum(1 for gold, guess in stemmed if gold == guess)} mot "
              f"{sum(1 for gold, guess in pairs if gold == guess)} riktige)")
    if levels:
        by_level = Counter(gold for gold, _ in levels)
        spread = ", ".join(f"nivå {level}: {count}" for level, count in sorted(by_level.items()))
        print(f"  Nivå, eksakt:   {accuracy(levels):6.1%} av {len(levels)} med nivå ({spread})")
    if six_seven:
        print(f"  Nivå 6 mot 7:   {six_seven_right / len(six_seven):6.1%} av {len(six_seven)}")
    print(f"  Tid per utbytte: median {statistics.median(times):.2f} ms, maks {max(times):.2f} ms")
    if not details:
        return
    print("  Forvekslingsmatrise, analysator:")
    print(confusion(pairs))
    if stems:
        print("  Forvekslingsmatrise, analysator med stammen foran:")
        print(confusion(group.stem_pairs()))
    print("  Forvekslingsmatrise, grunnlinje:")
    print(confusion(base))
    if levels:
        level_counts = Counter(levels)
        guesses = sorted({guess for _, guess in levels})
        print("  Nivå, gull \\ gjetning: " + "".join(f"{g:>5}" for g in guesses))
        for gold in sorted({gold for gold, _ in levels}):
            print(f"    {gold:<20}" + "".join(f"{level_counts[(gold, g)]:>5}" for g in guesses))
    by_source: dict[str, list[Scored]] = defaultdict(list)
    for item in group.items:
        by_source[item.row["kilde"].split(",")[0]].append(item)
    print("  Per kilde (analysator / grunnlinje):")
    for source, items in by_source.items():
        right = accuracy([(i.row["kategori"], i.category) for i in items])
        base_right = accuracy([(i.row["kategori"], i.baseline) for i in items])
        print(f"    {right:6.1%} / {base_right:6.1%}  n={len(items):<3} {source[:80]}")


def second_reader(held_out: list[Scored]) -> None:
    """How often a second reader, the plans' headings and the analyser agree, on the same rows.

    The reader saw the statement only, as the analyser does; the analyser's answer for each row is
    the one from a model trained without the row's plan.
    """
    labels = {row["id"]: row for row in read_if_present(SECOND_READER)}
    items = [item for item in held_out if item.row["id"] in labels]
    if not items:
        return
    reader = [labels[item.row["id"]]["kategori"] for item in items]
    heading = [item.row["kategori"] for item in items]
    guess = [item.category for item in items]
    sure = [index for index, item in enumerate(items) if labels[item.row["id"]]["sikker"] == "ja"]
    print(f"\n== (andre leser) {len(items)} planrader merket på nytt ut fra utsagnet alene "
          f"({SECOND_READER.name}) ==")
    for title, first, second in (("leser mot planens overskrift", reader, heading),
                                 ("analysator (plan holdt ute) mot overskrift", guess, heading),
                                 ("analysator (plan holdt ute) mot leser", guess, reader)):
        pairs = list(zip(second, first, strict=True))
        sure_pairs = [pairs[index] for index in sure]
        print(f"  {title:<44} {accuracy(pairs):6.1%}   (leser sikker, {len(sure_pairs)} rader: "
              f"{accuracy(sure_pairs):6.1%})")


def three_readers(held_out: list[Scored]) -> None:
    """How often three readers, their majority and the analyser agree with the plans' headings.

    Where all three readers give the same answer, the heading still differs on some rows: a share
    no reader of the statement alone can get right, which bounds what the analyser can reach.
    """
    labels: dict[str, dict[str, dict]] = defaultdict(dict)
    for label in read_if_present(THREE_READERS):
        labels[label["id"]][label["leser"]] = label
    items = [item for item in held_out if item.row["id"] in labels]
    if not items:
        return
    readers = sorted({reader for row in labels.values() for reader in row})
    heading = [item.row["kategori"] for item in items]
    print(f"\n== (tre lesere) {len(items)} rader fra proeve5.csv, hver leser gjetter planens "
          f"overskrift ut fra utsagnet alene ({THREE_READERS.name}) ==")
    for reader in readers:
        guesses = [labels[item.row["id"]][reader]["kategori"] for item in items]
        sure = [index for index, item in enumerate(items)
                if labels[item.row["id"]][reader]["sikker"] == "ja"]
        pairs = list(zip(heading, guesses, strict=True))
        print(f"  leser {reader} mot overskriften {accuracy(pairs):6.1%}   (sikker på {len(sure)} "
              f"rader: {accuracy([pairs[index] for index in sure]):6.1%})")
    majority = [Counter(labels[item.row["id"]][reader]["kategori"] for reader in readers)
                .most_common(1)[0][0] for item in items]
    print(f"  flertallet mot overskriften    "
          f"{accuracy(list(zip(heading, majority, strict=True))):6.1%}")
    unanimous = [index for index, item in enumerate(items)
                 if len({labels[item.row["id"]][reader]["kategori"] for reader in readers}) == 1]
    agreed = [(heading[index], majority[index]) for index in unanimous]
    print(f"  der alle leserne er enige ({len(agreed)} rader), er overskriften den samme i "
          f"{accuracy(agreed):6.1%}")
    guess = [item.category for item in items]
    print(f"  analysator (plan holdt ute) mot overskriften "
          f"{accuracy(list(zip(heading, guess, strict=True))):6.1%}, mot flertallet "
          f"{accuracy(list(zip(majority, guess, strict=True))):6.1%}")


def fresh_plans(path: Path) -> None:
    """An untouched file, analysed by the stored model, which never learnt from it."""
    if not path.is_file():
        raise SystemExit(f"Finner ikke {path}")
    summary(Group(f"(ny) {path.name}, urørt: lagret modell (aldri trent på filen)",
                  score(read(path))), details=True)


def main() -> None:
    list_errors = "--feil" in sys.argv[1:]
    with_test = "--uten-test" not in sys.argv[1:]
    if "--ny" in sys.argv[1:]:
        position = sys.argv.index("--ny") + 1
        if position >= len(sys.argv):
            raise SystemExit("--ny trenger en fil: benchmarks/nkr.py --ny tests/nkr/corpus/NY.csv")
        fresh_plans(Path(sys.argv[position]))
        return
    descriptor_rows, plan_rows = read(DESCRIPTORS), read(STUDY_PLANS)
    training = read(TRAINING)
    used_fresh = {path.name: read(path) for path in USED_FRESH_PLANS}
    if not all(row["split"] in {"dev", "test"} for row in plan_rows):
        raise SystemExit("studieplaner.csv: hver rad må ha split = dev eller test")
    dev_rows = [row for row in plan_rows if row["split"] == "dev"]
    test_rows = [row for row in plan_rows if row["split"] == "test"]
    descriptor_scored, training_scored = score(descriptor_rows), score(training)
    dev_scored, dev_cross = score(dev_rows), cross_validated(dev_rows)
    # The training file comes from other plans than studieplaner.csv: analysed by a model that
    # never saw it, it says how the analyser does on plans it knows nothing of.
    with models_in_use(fit(descriptor_rows + dev_rows)):
        training_unseen = score(training)
    training_by_plan, dev_by_plan = plans_held_out(training), plans_held_out(dev_rows)
    used_fresh_by_plan = {name: plans_held_out(rows) for name, rows in used_fresh.items() if rows}

    nkr = Group("(a) NKR-nivåbeskrivelsene (ordlisten er bygget på dem, og modellen er trent på "
                "dem: ikke uavhengig)",
                [item for item in descriptor_scored if item.row["kilde"].startswith(NKR_SOURCE)])
    other = Group("    øvrige rader i nkr_utbytter.csv (NTNU, UiO, Røyken; i modellens trening)",
                  [item for item in descriptor_scored if item not in nkr.items])
    train_group = Group("(t) Treningsfilen trening.csv (i modellens trening)", training_scored)
    train_unseen = Group("(t-ny) trening.csv analysert av en modell trent uten den (bare NKR og "
                         "dev): andre planer enn studieplaner.csv", training_unseen)
    dev = Group("(b-dev) Studieplaner, utviklingshalvdel, i modellens trening (ikke uavhengig)",
                dev_scored)
    train_plans = Group("(t-plan) trening.csv, hver plan analysert av en modell trent på alt "
                        "unntatt den planen", training_by_plan)
    used_fresh_plans = [Group(f"(p-plan) {name} (kjørt én gang urørt, nå trening), hver plan "
                              "analysert av en modell trent uten den", items)
                        for name, items in used_fresh_by_plan.items()]
    all_plans = Group("(alle-plan) trening.csv og prøvefilene sammen, plan for plan",
                      training_by_plan + [item for group in used_fresh_plans
                                          for item in group.items])
    dev_plans = Group("(b-dev-plan) Studieplaner, utviklingshalvdel, hver plan analysert av en "
                      "modell trent uten planens dev-rader", dev_by_plan)
    dev_cv = Group(f"(b-dev-kv) Studieplaner, utviklingshalvdel, kryssvalidert ({FOLDS} deler: "
                   "hver rad analysert av en modell som ikke så den)", dev_cross)

    print(f"Korpus: {len(descriptor_rows)} rader i {DESCRIPTORS.name}, {len(training)} i "
          f"{TRAINING.name}, {len(plan_rows)} i {STUDY_PLANS.name} ({len(dev_rows)} dev, "
          f"{len(test_rows)} test)")
    print(f"Maskinlast nå (1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} kjerner")
    summary(nkr, details=False)
    summary(other, details=False)
    if training_scored:
        summary(train_group, details=False)
        summary(train_unseen, details=False)
        summary(train_plans, details=False)
    for group in used_fresh_plans:
        summary(group, details=False)
    if training_scored:
        summary(all_plans, details=True)
    second_reader(all_plans.items)
    three_readers(all_plans.items)
    summary(dev, details=False)
    summary(dev_cv, details=True)
    summary(dev_plans, details=False)
    if with_test:
        test = Group("(b-test) Studieplaner, testhalvdel (aldri sett under justering eller "
                     "trening)", score(test_rows))
        summary(test, details=True)
        summary(Group("(c) Alt (alle filene)",
                      descriptor_scored + training_scored + dev_scored + test.items),
                details=False)

    if list_errors:
        print("\nFeil kategori i utviklingshalvdelen (kryssvalidert):")
        for item in dev_cross:
            if item.row["kategori"] != item.category:
                print(f"  [{item.row['kategori']} → {item.category}] {item.row['tekst'][:100]}")
        print("\nFeil nivå (6/7) i utviklingshalvdelen (kryssvalidert):")
        for item in dev_cross:
            if (item.row["nivaa"] in {"6", "7"}
                    and (item.level <= 6) != (item.row["nivaa"] == "6")):
                print(f"  [{item.row['nivaa']} → {item.level}] {item.row['tekst'][:100]}")


if __name__ == "__main__":
    main()
