"""nbgrader configuration for the course, read by every ``nbgrader`` command run from here."""

c = get_config()  # noqa: F821  (nbgrader provides get_config when it loads this file)

c.CourseDirectory.course_id = "myndiggjorende-ledelse"
# nbgrader's "source" and "release" folders, under the names DESIGN.md gives them.
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"

# A cell that runs longer than this is stopped and counted as failed, so one endless loop
# cannot hold up a whole class. Module notebooks draw charts; two minutes is ample.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True

# The blank an exercise leaves where the solution was. No ``raise NotImplementedError``:
# the same notebook runs as a workshop app in Voilà, where an exception would break the page;
# an unanswered question still scores zero because its hidden tests find no answer.
c.ClearSolutions.code_stub = {"python": "# Skriv svaret ditt her"}
c.ClearSolutions.text_stub = "Skriv svaret ditt her."
