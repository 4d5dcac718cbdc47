"""Work that grading processes can skip without changing a single grade.

Measured on the course machine (``python -X importtime``, ``cProfile`` of a worker):

- jsonschema compiles the whole RFC 3987 (IRI) grammar with lark when it is imported, if the
  optional ``rfc3987_syntax`` package is installed (jupyter-events pulls it in): 2.6 s of CPU in
  every process that imports nbformat or nbgrader, paid by the runner and again by each worker.
  Grading validates notebooks and nbgrader's cell metadata, whose schemas use no IRI format, and
  jsonschema does not check formats unless asked, so that grammar is never used here.
- nbgrader validates each cell's metadata with ``jsonschema.validate``, which checks the schema
  itself before every cell: about a fifth of a worker's own CPU per submission. The schema is
  nbgrader's, fixed for the run, so checking it once and reusing the validator gives the same
  answers, the same ``ValidationError`` included.
"""

from __future__ import annotations

import sys
from typing import Any

_IRI_GRAMMAR = "rfc3987_syntax"


def skip_iri_grammar() -> bool:
    """Mark the IRI grammar as absent before jsonschema loads; False if it is too late."""
    if "jsonschema" in sys.modules:
        return False
    # ``None`` in sys.modules makes ``import rfc3987_syntax`` raise ImportError, which
    # jsonschema expects of an optional package and answers by leaving the format unchecked.
    sys.modules.setdefault(_IRI_GRAMMAR, None)
    return True


class _SchemaCheckedOnce:
    """``jsonschema.validate`` for nbgrader's metadata, with the schema checked once."""

    def __init__(self, jsonschema_module: Any) -> None:
        self._jsonschema = jsonschema_module
        self._validators: dict[int, tuple[dict, Any]] = {}
        self.ValidationError = jsonschema_module.ValidationError

    def validate(self, instance: object, schema: dict) -> None:
        known = self._validators.get(id(schema))
        if known is None or known[0] is not schema:
            validator_class = self._jsonschema.validators.validator_for(schema)
            validator_class.check_schema(schema)
            known = (schema, validator_class(schema))
            self._validators[id(schema)] = known
        error = self._jsonschema.exceptions.best_match(known[1].iter_errors(instance))
        if error is not None:
            raise error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._jsonschema, name)


def check_metadata_schema_once() -> None:
    """Make nbgrader's metadata validation in this process reuse one validator per schema."""
    from nbgrader.nbgraderformat import common

    if isinstance(common.jsonschema, _SchemaCheckedOnce):
        return
    common.jsonschema = _SchemaCheckedOnce(common.jsonschema)
