"""Benchmark of the NKR analyser on the labelled corpus in tests/nkr/corpus (not a test).

Run: .venv/bin/python benchmarks/nkr.py

Reports category accuracy, macro-F1, level accuracy (all levels, and 6 vs 7), the confusion
matrix and the median time per statement, for the analyser and for a keyword baseline on the
same rows, overall and per source.
"""

from __future__ import annotations

import csv
import os
import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

from myndig.model.nkr import analyse_statement

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "nkr" / "corpus" / "nkr_utbytter.csv"
CATEGORIES = ("kunnskap", "ferdigheter", "generell_kompetanse")


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


def confusion(pairs: list[tuple[str, str]]) -> str:
    counts = Counter(pairs)
    columns = (*CATEGORIES, "ingen")
    lines = ["gull \\ gjetning      " + "".join(f"{c[:11]:>12}" for c in columns)]
    for gold in CATEGORIES:
        lines.append(f"{gold:<21}" + "".join(f"{counts[(gold, c)]:>12}" for c in columns))
    return "\n".join(lines)


def main() -> None:
    rows = list(csv.DictReader(CORPUS.open(encoding="utf-8")))
    assert all(row["kilde"].strip() for row in rows), "hver rad må ha en kilde"
    analysed, baseline, levels, times, cpu_times = [], [], [], [], []
    by_source: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        analyse_statement(row["tekst"])  # warm the caches and the spell-checker
    for row in rows:
        started, cpu_started = time.perf_counter(), time.process_time()
        analysis = analyse_statement(row["tekst"])
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        guess = analysis.category.value if analysis.category else "ingen"
        analysed.append((row["kategori"], guess))
        baseline.append((row["kategori"], keyword_baseline(row["tekst"])))
        by_source[row["kilde"].split(",")[0].split(":")[0]].append((row["kategori"], guess))
        if row["nivaa"]:
            levels.append((int(row["nivaa"]), analysis.level))

    def accuracy(pairs):
        return sum(1 for gold, guess in pairs if gold == guess) / len(pairs)

    six_seven = [(gold, guess) for gold, guess in levels if gold in (6, 7)]
    six_seven_right = sum(1 for gold, guess in six_seven
                          if (guess <= 6 and gold == 6) or (guess >= 7 and gold == 7))
    print(f"Korpus: {len(rows)} utbytter fra {len(by_source)} kilder ({CORPUS.name})")
    print(f"Kategori, analysator: treff {accuracy(analysed):.1%}, "
          f"makro-F1 {macro_f1(analysed):.3f}")
    held_out = [pair for row, pair in zip(rows, analysed, strict=True)
                if not row["kilde"].startswith("Kunnskapsdepartementet")]
    held_out_baseline = [pair for row, pair in zip(rows, baseline, strict=True)
                         if not row["kilde"].startswith("Kunnskapsdepartementet")]
    print(f"  uten NKR-radene (ordlisten er bygget på dem): treff {accuracy(held_out):.1%} av "
          f"{len(held_out)}; grunnlinjen {accuracy(held_out_baseline):.1%}")
    print(f"Kategori, nøkkelord-grunnlinje: treff {accuracy(baseline):.1%}, "
          f"makro-F1 {macro_f1(baseline):.3f}")
    print(f"Nivå, eksakt treff: {accuracy(levels):.1%} av {len(levels)} med oppgitt nivå")
    print(f"Nivå 6 mot 7: {six_seven_right / len(six_seven):.1%} av {len(six_seven)}")
    print(f"Tid per utbytte: median {statistics.median(times):.2f} ms, "
          f"maks {max(times):.2f} ms (veggklokke); CPU-tid median "
          f"{statistics.median(cpu_times):.2f} ms, maks {max(cpu_times):.2f} ms")
    print(f"Maskinlast nå (1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} kjerner")
    print("\nForvekslingsmatrise (analysator):")
    print(confusion(analysed))
    print("\nForvekslingsmatrise (grunnlinje):")
    print(confusion(baseline))
    print("\nPer kilde (analysator):")
    for source, pairs in by_source.items():
        print(f"  {accuracy(pairs):6.1%}  n={len(pairs):<3} {source}")
    print("\nFeil kategori:")
    for row, (gold, guess) in zip(rows, analysed, strict=True):
        if gold != guess:
            print(f"  [{gold} → {guess}] {row['tekst'][:90]}")
    print("\nFeil nivå (6/7):")
    for row in rows:
        if row["nivaa"] in {"6", "7"}:
            level = analyse_statement(row["tekst"]).level
            if (level <= 6) != (row["nivaa"] == "6"):
                print(f"  [{row['nivaa']} → {level}] {row['tekst'][:90]}")


if __name__ == "__main__":
    main()
