"""myndig: kurssettet for emnet Myndiggjørende ledelse.

The package is split the way DESIGN.md describes: ``myndig.model`` holds the rules in plain
Python, ``myndig.views`` renders them with ipywidgets and matplotlib, and everything a person
reads goes through ``myndig.i18n``.
"""

__version__ = "0.1.0"
