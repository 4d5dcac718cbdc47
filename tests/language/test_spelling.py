"""The course's Norwegian is spelled right: every text a student reads passes hunspell (nb).

What is checked: every markdown cell of every notebook in ``course/`` and ``solutions/``, and
every message in ``widgets/myndig/i18n/nb/*.json``. Words hunspell does not know are accepted
when they are in the reviewed word list, the union of ``tests/language/words/*.txt`` (one
word per line, ``#`` starts a comment; each engineer owns a file, ``common.txt`` holds general
field terms).

What is not prose is taken out first: code (fenced and inline), web addresses and link targets,
HTML, LaTeX, nbgrader's solution markers, placeholders such as ``{navn}``, the reference list
(a section headed Kilder, Referanser or Litteratur: titles there are in many languages), and the
author names of citations, «(Spreitzer, 1995)» or «Deci og Ryan (2000)». Single letters are
left alone (initials, the a–d of multiple-choice questions), and so are abbreviations in
capitals (NAV, NKR, SECI).

A failure lists every unknown word with its file and cell or message key, and hunspell's
suggestions, so whoever reads it can fix the text or, for a real field term, add it to their
word list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import nbformat
import pytest
from myndig.notebooks import notebook_paths
from myndig.spelling import SpellingUnavailable, misspelled_words, suggestions

ROOT = Path(__file__).resolve().parents[2]
WORD_LISTS = Path(__file__).resolve().parent / "words"
NOTEBOOK_FOLDERS = ("course", "solutions")
CATALOGUE = Path("widgets") / "myndig" / "i18n" / "nb"

YEAR = r"(?:1[6-9]|20)\d\d[a-zæøå]?"
PAGES = r"(?:,\s*(?:s\.\s*)?\d+(?:[–-]\d+)?)?"
NAME = r"[A-ZÆØÅ][\w’'-]*\.?"
# One or more author names joined by «og», «&» or commas: «Deci og Ryan», «Bay et al.»,
# «Cheong mfl.».
# First names and initials join with spaces on the same line only, so a heading or the word
# that starts a sentence on the line above is never taken for an author.
AUTHOR = rf"{NAME}(?:[ \t]+{NAME}){{0,3}}?"
AUTHORS = rf"{AUTHOR}(?:(?:,\s*|\s+(?:og|and|&)\s+){AUTHOR})*(?:\s+(?:et\s+al|mfl)\.?)?"
# «(Spreitzer, 1995)», «(Deci og Ryan, 1985; Ryan og Deci, 2000)», «(Antonovsky, 1979, 1987)».
# A citation may carry the work's title in italics: «Sveiby (2001, *A knowledge-based theory*)».
TITLE = r"(?:,\s*\*[^*\n]+\*)?"
PARENTHETICAL_CITATION = re.compile(
    rf"\(\s*(?:se\s+|jf\.\s+)?{AUTHORS},?\s+{YEAR}(?:,\s*{YEAR})*{PAGES}{TITLE}"
    rf"(?:\s*;\s*{AUTHORS},?\s+{YEAR}(?:,\s*{YEAR})*{PAGES}{TITLE})*\s*\)")
# «Spreitzer (1995)», «Amundsen og Martinsen (2014)», «Amundsens (2022)»: the names go.
NARRATIVE_CITATION = re.compile(rf"{AUTHORS}\s+\(\s*{YEAR}(?:,\s*{YEAR})*{PAGES}{TITLE}\s*\)")

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]", re.DOTALL)
INLINE_MATH = re.compile(r"\$[^$\n]+\$|\\\(.+?\\\)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_BLOCK = re.compile(r"<(code|pre|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|&[a-zA-Z]{2,8};|&#\d{1,6};")
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
GRADER_MARKER = re.compile(r"^\s*#{2,3} (?:BEGIN|END) (?:SOLUTION|HIDDEN TESTS)\s*$", re.MULTILINE)
REFERENCE_HEADING = re.compile(r"^(#{1,6})\s+(?:Kilder|Referanser|Litteratur(?:liste)?)\b.*$",
                               re.MULTILINE | re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
# A word broken over two lines in a figure label: «Arbeidsplass-\nlæring».
LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")
# Suggestions take hunspell a few tenths of a second a word; past this many per file the
# words alone are listed, so a file full of new terms still reports quickly.
MAX_SUGGESTED = 10
SINGLE_LETTER = re.compile(r"(?<![\w’'-])[^\W\d_](?![\w’'-])")
# Abbreviations in capitals (NAV, NKR, KLAR, SECI, PICO) are names, not words to spell-check.
ABBREVIATION = re.compile(r"(?<![\w’'])[A-ZÆØÅ]{2,}(?![\w’'])")


def without_reference_lists(markdown: str) -> str:
    """The markdown without sections headed Kilder, Referanser or Litteratur."""
    while match := REFERENCE_HEADING.search(markdown):
        level = len(match.group(1))
        end = len(markdown)
        for heading in HEADING.finditer(markdown, match.end()):
            if len(heading.group(1)) <= level:
                end = heading.start()
                break
        markdown = markdown[:match.start()] + markdown[end:]
    return markdown


def prose(text: str) -> str:
    """The words of a markdown cell or a message a person reads, and nothing else."""
    text = without_reference_lists(text)
    for pattern in (FENCED_CODE, GRADER_MARKER, HTML_COMMENT, HTML_BLOCK, DISPLAY_MATH,
                    INLINE_CODE, INLINE_MATH, REFERENCE_DEFINITION, LINK_TARGET, URL):
        text = pattern.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = PLACEHOLDER.sub(" ", text)
    text = PARENTHETICAL_CITATION.sub(" ", text)
    text = NARRATIVE_CITATION.sub(" ", text)
    text = LINE_BREAK_HYPHEN.sub("", text)
    text = ABBREVIATION.sub(" ", text)
    return SINGLE_LETTER.sub(" ", text)


def reviewed_words(folder: Path = WORD_LISTS) -> set[str]:
    """The union of the word lists: one word per line, blank lines and ``#`` comments ignored."""
    accepted: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                accepted.add(word)
    return accepted


def checked_files(root: Path = ROOT) -> list[Path]:
    notebooks = list(notebook_paths(root, folders=NOTEBOOK_FOLDERS))
    catalogue = sorted((root / CATALOGUE).glob("*.json"))
    return [*notebooks, *catalogue]


def texts_of(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for each piece of prose in a notebook or a message catalogue."""
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        for number, cell in enumerate(notebook.cells, start=1):
            if cell.cell_type == "markdown":
                yield f"celle {number}", cell.source
    else:
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(value, str):
                yield f"nøkkel «{key}»", value


def spelling_problems(path: Path, accepted: Iterable[str], root: Path = ROOT) -> list[str]:
    """One line per unknown word: file, cell or key, the word and hunspell's suggestions."""
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    accepted = set(accepted)
    lines = []
    for where, text in texts_of(path):
        for word in misspelled_words(prose(text), language="nb", extra_words=accepted):
            proposals = (suggestions(word, language="nb", limit=3)
                         if len(lines) < MAX_SUGGESTED else [])
            hint = f" (forslag: {', '.join(proposals)})" if proposals else ""
            lines.append(f"{shown}, {where}: «{word}»{hint}")
    return lines


def report(problems: list[str]) -> str:
    return ("Ukjente ord. Rett skrivefeilen, eller legg et riktig fagord i din egen liste i "
            "tests/language/words/ (ett ord per linje):\n  " + "\n  ".join(problems))


@pytest.fixture(scope="module")
def accepted_words() -> set[str]:
    try:
        misspelled_words("test", language="nb")
    except SpellingUnavailable as error:
        pytest.fail(f"Stavekontrollen kan ikke kjøre: {error}. Kjør «make system».")
    return reviewed_words()


FILES = checked_files()


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_text_is_spelled_correctly(path, accepted_words):
    """Is every word students read in this file known to hunspell (nb) or the word list?"""
    problems = spelling_problems(path, accepted_words)
    assert not problems, report(problems)


def test_there_is_text_to_check():
    """Does the test find the course's notebooks and the catalogue (so it cannot pass empty)?"""
    assert any(path.suffix == ".ipynb" for path in FILES)
    assert any(path.suffix == ".json" for path in FILES)


def test_word_lists_hold_one_word_per_line():
    """Is every entry of every word list a single word, so no phrase slips in unreviewed?"""
    bad = []
    for path in sorted(WORD_LISTS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            word = line.split("#", 1)[0].strip()
            if word and not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", word):
                bad.append(f"{path.name}:{number}: «{word}»")
    assert not bad, "Én ordform per linje, bare bokstaver og bindestrek:\n  " + "\n  ".join(bad)


# The checker itself: each of these would let misspellings through if it broke.

def _notebook(path: Path, *markdown: str, code: str = "") -> Path:
    cells = [nbformat.v4.new_markdown_cell(text) for text in markdown]
    if code:
        cells.append(nbformat.v4.new_code_cell(code))
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def _tiny_course(root: Path) -> Path:
    (root / "course").mkdir(parents=True)
    (root / CATALOGUE).mkdir(parents=True)
    return root


def test_misspelling_in_a_notebook_fails_with_file_and_cell(tmp_path):
    """Does a misspelt word in a tiny notebook fail the check, naming the file, cell and word?"""
    root = _tiny_course(tmp_path)
    notebook = _notebook(root / "course" / "01-test.ipynb",
                         "# Overskrift\n\nDette er en setning uten feil.",
                         "Her står en settning med en skrivefeill.")
    problems = spelling_problems(notebook, set(), root=root)
    assert [line.split(":")[0] for line in problems] == ["course/01-test.ipynb, celle 2"] * 2
    assert "«settning»" in problems[0]
    assert "«skrivefeill»" in problems[1]
    assert "forslag: " in problems[0]
    with pytest.raises(AssertionError, match="skrivefeill"):
        assert not problems, report(problems)


def test_misspelling_in_the_catalogue_fails_with_key(tmp_path):
    """Does a misspelt message in a catalogue file fail, naming the file and the key?"""
    root = _tiny_course(tmp_path)
    catalogue = root / CATALOGUE / "prove.json"
    catalogue.write_text(json.dumps({"ok": "Lagret i {fil}.", "feil": "Kunne ikke lagree."}),
                         encoding="utf-8")
    problems = spelling_problems(catalogue, set(), root=root)
    assert len(problems) == 1
    assert problems[0].startswith("widgets/myndig/i18n/nb/prove.json, nøkkel «feil»: «lagree»")


def test_correct_notebook_passes_and_word_list_is_honoured(tmp_path):
    """Does correct text pass, and is an unknown field term accepted once it is in a word list?"""
    root = _tiny_course(tmp_path)
    notebook = _notebook(root / "course" / "01-test.ipynb",
                         "Myndiggjøring handler om tillit og kompetanse.",
                         "Salutogenese er et fagord.")
    problems = spelling_problems(notebook, set(), root=root)
    assert [re.search("«(.+?)»", line).group(1) for line in problems] == ["Salutogenese"]
    words = tmp_path / "words"
    words.mkdir()
    (words / "test.txt").write_text("# fagord\nsalutogenese\n", encoding="utf-8")
    assert spelling_problems(notebook, reviewed_words(words), root=root) == []


def test_code_urls_markup_math_and_citations_are_not_checked(tmp_path):
    """Are code, links, HTML, LaTeX, citations and reference lists left out of the check?"""
    root = _tiny_course(tmp_path)
    markdown = """## Teori

Kjør `fooBarBaz()` og les <span class="xyzzy">teksten</span> på https://eksempel.invalid/qwx.
Se også [notatboken](course/qqq-zzz.ipynb) og formelen $\\alpha_{xyz} + \\beta$.

```python
grunnbehov = zzqq_function()
```

Forkortelser som QXZW og SECI-modellen er navn.
Dette viste Spreitzer (1995), og senere Xyzabc og Qwerty (2014), se også (Deci og Ryan, 1985;
Mnbvc, 2000, s. 12) og (Qwzx mfl., 2016). Zxcvb (2001, *A qwzx theory of the firm*) viste
det samme.

### BEGIN SOLUTION
Svaret står her.
### END SOLUTION

## Kilder

- Spreitzer, G. M. (1995). Psychological empowerment in the workplace. *Xqzv Journal.*

## Sammendrag

Alt er bra.
"""
    notebook = _notebook(root / "course" / "01-test.ipynb", markdown,
                         code="ukjentkodeord = 'qqqq'")
    assert spelling_problems(notebook, set(), root=root) == []
    # The reference list ends at the next heading: a misspelling after it is still found.
    assert "Sammendrag" in prose(markdown)
    assert "Xqzv" not in prose(markdown)


def test_misspelling_next_to_a_citation_is_still_found(tmp_path):
    """Does removing a citation leave the words around it checked?"""
    text = "Dette er en påstannd (Spreitzer, 1995), og en til ifølge Amundsen (2022) i tekstenn."
    cleaned = prose(text)
    assert "Spreitzer" not in cleaned
    assert "Amundsen" not in cleaned
    assert "påstannd" in cleaned
    assert misspelled_words(cleaned, language="nb") == ["påstannd", "tekstenn"]
