"""The lecturer's grading: nbgrader's own autograde, in parallel, with every submission caged.

One concern per module:

``pipeline``        the steps of grading one submission and the rules for reasons, as data
``layout``          where results, logs and the summary live in the course folder
``runner``          the pool of workers, one per core; time limit per notebook; resume; progress
``worker``          one worker process: nbgrader ``Autograde`` for one student at a time
``gradebook_lock``  one gradebook session at a time across workers (SQLite stays consistent)
``sandbox``         the cage a student's kernel runs in (own user, mount namespace, rlimits)
``preflight``       checks on the submitted files before anything runs
``diagnose``        what the cage stopped, read from outputs, nbgrader's log and the cage
``progress``        the progress bar
``late``            late-submission policies as nbgrader plugins
``synthetic``       a synthetic class (full, partial, blank, late and hostile submissions)
``feedback``        nbgrader feedback per student
``summary``         the lecturer's summary: distribution per question, most missed, contained
``roster``, ``export``  nbgrader CSV and the Canvas gradebook import file

The command line is ``myndig grade`` (and ``grade-feedback``, ``grade-export``,
``grade-synthetic``) in ``myndig.commands``.
"""
