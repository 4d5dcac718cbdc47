"""The grading of one submission, declared as data in nbgrader's style.

nbgrader's converters list their preprocessors (``Autograde.sanitize_preprocessors``,
``autograde_preprocessors``) and run them in order; we do the same for the steps around it.
The worker (``myndig.grading.worker``) runs ``GRADE_STEPS`` in order, and the checks and rules
below are read by ``preflight`` and ``diagnose``. Adding a case means adding a line here and, if
it is new, a message ``grading.reason_<code>`` in ``i18n/nb/grading.json``.
"""

from __future__ import annotations

# What the worker does with each submission. "autograde" is nbgrader's own Autograde
# converter, unchanged, so the grades are exactly what serial ``nbgrader autograde`` gives.
GRADE_STEPS = (
    "preflight",          # look at the files before anything runs
    "autograde",          # nbgrader autograde of this one student, kernel in the cage
    "kill_leftovers",     # every process still running as the slot's user
    "diagnose",           # read the executed notebook, nbgrader's log and the cage
    "read_scores",        # the student's scores from the gradebook
    "clean_cage",         # remove the cage's working folders
)

# Checks on the submitted files, in order; each is a function in ``myndig.grading.preflight``.
PREFLIGHT_CHECKS = (
    "missing_or_renamed_notebooks",
    "undecodable_bytes",
    "invalid_json",
    "changed_locked_cells",
)

# Error outputs in the executed notebook: (exception name or "" for any, text it must
# contain or "", reason code). First match wins per output.
OUTPUT_RULES = (
    ("KeyboardInterrupt", "", "cell_time_limit"),
    ("CellTimeoutError", "", "cell_time_limit"),
    ("MemoryError", "", "memory_limit"),
    ("BlockingIOError", "", "process_limit"),
    ("OSError", "Resource temporarily unavailable", "process_limit"),
    ("SystemExit", "", "exit"),
    ("", "raw_input was called", "input"),  # ipykernel's error when nobody can type
    ("PermissionError", "", "blocked_file_access"),
    ("OSError", "Read-only file system", "blocked_file_access"),
    ("FileNotFoundError", "gradebook", "blocked_file_access"),
    ("FileNotFoundError", "submitted", "blocked_file_access"),
)
# File errors that name one of the course's secret paths (hidden in the cage) are reported
# as blocked access whatever the message says otherwise.
FILE_ERRORS = ("FileNotFoundError", "PermissionError", "NotADirectoryError", "IsADirectoryError")

# Text the kernel printed (stdout/stderr): (text it contains, reason code). Threads that
# cannot start print this when the process limit is reached.
STREAM_RULES = (
    ("Resource temporarily unavailable", "process_limit"),
)

# Lines in nbgrader's log for the student: (text it contains, reason code).
LOG_RULES = (
    ("DeadKernelError", "kernel_died"),
    ("Kernel died", "kernel_died"),
    ("kernel died", "kernel_died"),
    ("Timeout waiting for execute reply", "cell_time_limit"),
    # nbgrader sets raise_on_iopub_timeout: output still arriving after the cell finished
    # (tens of megabytes of it) makes the whole notebook fail, in serial nbgrader too.
    ("Timeout waiting for IOPub output", "output_timeout"),
    ("UnresponsiveKernelError", "kernel_unresponsive"),
    ("Skipping unknown notebook", "unknown_notebook"),
    ("No notebooks found", "no_notebook_graded"),
)

# An executed notebook larger than this is reported: the student printed far too much.
LARGE_OUTPUT_BYTES = 5 * 1024 * 1024
