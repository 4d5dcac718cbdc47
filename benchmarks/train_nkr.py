"""Rebuild the NKR analyser's learned model (widgets/myndig/data/nkr_modell.json).

Run: .venv/bin/python benchmarks/train_nkr.py [--check]

Trained on every row of tests/nkr/corpus/nkr_utbytter.csv, the development half of
studieplaner.csv and, when they exist, trening.csv and proeve.csv to proeve5.csv; never on the
test half.
The category (the plan's own heading), and bachelor (6) against master (7) from the rows with
one of those levels, which only nudges the rules' level estimate (myndig.model.nkr.level says
why). Deterministic: the same rows give the same file byte for byte. ``--check`` fails when
the stored file differs from a fresh build.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from myndig.model.nkr.learned import MODEL_FILE, fit
from myndig.model.nkr.verbs import known_verbs

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "nkr" / "corpus"
TARGET = ROOT / "widgets" / "myndig" / "data" / MODEL_FILE
# Each run once, untouched, when it was new, and training data since (tests/nkr/corpus/README.md).
USED_FRESH_PLANS = tuple(CORPUS_DIR / name for name in ("proeve.csv", "proeve2.csv", "proeve3.csv",
                                                         "proeve4.csv", "proeve5.csv"))


def read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def training_rows() -> list[dict]:
    """The rows the model may learn from: never a test-half row.

    proeve.csv to proeve5.csv joined the training after their one run each (23.11.2026, and
    04.12.2026 for the other four; tests/nkr/corpus/README.md).
    """
    plans = [row for row in read(CORPUS_DIR / "studieplaner.csv") if row["split"] == "dev"]
    return (read(CORPUS_DIR / "nkr_utbytter.csv") + plans + read(CORPUS_DIR / "trening.csv")
            + [row for path in USED_FRESH_PLANS for row in read(path)])


def build(rows: list[dict]) -> str:
    return fit(rows).to_json()


def main() -> None:
    if not known_verbs():
        # Without the dictionaries the verb feature is missing and the model would differ.
        raise SystemExit("Fant ikke hunspell-ordbøkene nb_NO/nn_NO: installer hunspell-no "
                         "(apt-get install hunspell-no) før modellen bygges")
    rows = training_rows()
    text = build(rows)
    if "--check" in sys.argv[1:]:
        stored = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if stored != text:
            raise SystemExit(f"{TARGET.name} er utdatert: kjør benchmarks/train_nkr.py")
        print(f"{TARGET.name} stemmer med en ny bygging ({len(rows)} rader)")
        return
    TARGET.write_text(text, encoding="utf-8")
    print(f"Skrev {TARGET} ({len(rows)} rader, {len(text) // 1024} KiB)")


if __name__ == "__main__":
    main()
