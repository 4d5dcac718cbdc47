"""What grading skips to go faster must not change what nbgrader and nbformat decide.

Each check runs in a fresh Python, since both speed-ups change a process for good.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run_python(code: str) -> dict:
    completed = subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_notebooks_are_still_validated_without_the_iri_grammar():
    """With the IRI grammar skipped, does nbformat still reject a broken notebook and load a
    good one, without ever importing the grammar?"""
    answer = run_python("""
        import json, sys
        from myndig.grading.speedups import skip_iri_grammar
        skipped = skip_iri_grammar()
        import nbformat
        good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        nbformat.validate(good)
        broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        broken.cells[0]["cell_type"] = "kode"
        try:
            nbformat.validate(broken)
            rejected = False
        except nbformat.ValidationError:
            rejected = True
        print(json.dumps({"skipped": skipped, "rejected": rejected,
                          "grammar": sys.modules.get("rfc3987_syntax", "missing") is None,
                          "again": skip_iri_grammar()}))
    """)
    assert answer == {"skipped": True, "rejected": True, "grammar": True, "again": False}


def test_nbgrader_metadata_checks_give_the_same_verdicts_with_the_schema_checked_once():
    """Does nbgrader accept and reject exactly the same cell metadata, with the same error,
    once its schema is checked only once?"""
    answer = run_python("""
        import json
        import nbformat
        from nbgrader.nbgraderformat import ValidationError
        from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
        from myndig.grading.speedups import check_metadata_schema_once

        def cell(**nbgrader):
            made = nbformat.v4.new_code_cell("x = 1")
            made.metadata["nbgrader"] = {"schema_version": 3, "grade": True, "solution": False,
                                         "locked": True, "task": False, "grade_id": "a",
                                         **nbgrader}
            return made

        cases = [cell(points=2), cell(points="mange"), cell(grade_id=7), cell(ekstra=True),
                 cell(points=1)]

        def verdicts():
            found = []
            validator = MetadataValidatorV3()
            for case in cases:
                try:
                    validator.validate_cell(case)
                    found.append("ok")
                except ValidationError as error:
                    found.append(error.message)
            return found

        before = verdicts()
        check_metadata_schema_once()
        check_metadata_schema_once()
        print(json.dumps({"before": before, "after": verdicts()}))
    """)
    assert answer["before"] == answer["after"]
    assert answer["before"][0] == "ok"
    assert "'mange' is not of type" in answer["before"][1]
    assert "7 is not of type" in answer["before"][2]
