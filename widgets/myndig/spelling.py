"""Norwegian spell-checking (bokmål and nynorsk) through hunspell.

Two ways to reach hunspell were weighed. PyPI bindings either need a compiler and the
hunspell headers (cyhunspell, hunspell) or are pure Python and a hundred times slower
(spylls). The system's own ``libhunspell`` through :mod:`ctypes` needs neither, checks a word
in about ten microseconds and loads a dictionary in about 0.15 s, so it is the main backend.
Where the library cannot be loaded but the ``hunspell`` program exists (another platform, a
different library version), one persistent ``hunspell -a`` process per language is used
instead, restarted if it dies. Both are guarded by a lock per dictionary: a hunspell handle is
not safe to share between threads.

The dictionaries are the ones Debian's ``hunspell-no`` installs (``nb_NO``, ``nn_NO``); the
folder can be overridden with ``MYNDIG_HUNSPELL_PATH`` (a ``:``-separated list).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import re
import select
import shutil
import subprocess
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from myndig.i18n import t
from myndig.model.errors import InvalidInput

LANGUAGES = {"nb": "nb_NO", "nn": "nn_NO"}
ALIASES = {"nb": "nb", "nb_no": "nb", "nb-no": "nb", "no": "nb", "bokmål": "nb", "bokmal": "nb",
           "nn": "nn", "nn_no": "nn", "nn-no": "nn", "nynorsk": "nn"}
DEFAULT_FOLDERS = (
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    str(Path.home() / "Library" / "Spelling"),
)
LIBRARY_NAMES = ("libhunspell-1.7.so.0", "libhunspell-1.7.so", "libhunspell.so",
                 "libhunspell-1.7.0.dylib", "libhunspell.dylib")
# The longest word hunspell is asked about; longer "words" are pasted junk, reported as such.
MAX_WORD_LENGTH = 60
PIPE_TIMEOUT_SECONDS = 5.0

# A word: letters, optionally joined by hyphens or apostrophes (NAV-kontor, Røyken-planen).
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
MARKUP = re.compile(r"<[^<>]{0,200}>|&[a-zA-Z]{2,8};|&#\d{1,6};")


class SpellingUnavailable(RuntimeError):
    """Hunspell or the dictionary is missing; ``str(error)`` says in Norwegian what to install."""


def normalise_language(language: str) -> str:
    """``nb`` or ``nn`` for the ways people name the two written standards."""
    key = str(language).strip().lower()
    if key not in ALIASES:
        raise InvalidInput(t("nkr.stavekontroll_ukjent_spraak", spraak=language), field="spraak")
    return ALIASES[key]


def dictionary_files(language: str = "nb") -> tuple[Path, Path] | None:
    """The ``.aff`` and ``.dic`` files for a language, or ``None`` when none are installed."""
    name = LANGUAGES[normalise_language(language)]
    configured = os.environ.get("MYNDIG_HUNSPELL_PATH", "")
    folders = [folder for folder in configured.split(os.pathsep) if folder] + list(DEFAULT_FOLDERS)
    for folder in folders:
        aff, dic = Path(folder) / f"{name}.aff", Path(folder) / f"{name}.dic"
        if aff.is_file() and dic.is_file():
            return aff, dic
    return None


def dictionary_encoding(aff: Path) -> str:
    """The text encoding a dictionary declares in its ``.aff`` file (``SET …``)."""
    with aff.open("rb") as handle:
        for raw in handle:
            if raw.startswith(b"SET "):
                declared = raw[4:].strip().decode("ascii", "replace")
                return {"ISO8859-1": "latin-1", "ISO8859-15": "iso8859-15"}.get(declared, declared)
    return "latin-1"


class _LibraryChecker:
    """One hunspell handle in this process, reached through ctypes."""

    def __init__(self, library: ctypes.CDLL, aff: Path, dic: Path) -> None:
        self._library = library
        self._lock = threading.Lock()
        self.encoding = dictionary_encoding(aff)
        handle = library.Hunspell_create(os.fsencode(aff), os.fsencode(dic))
        if not handle:
            raise SpellingUnavailable(t("nkr.stavekontroll_kan_ikke_laste", fil=str(dic)))
        self._handle = handle
        atexit.register(self.close)

    def known(self, word: str) -> bool:
        try:
            encoded = word.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        with self._lock:
            if not self._handle:
                return False
            return bool(self._library.Hunspell_spell(self._handle, encoded))

    def suggest(self, word: str, limit: int) -> list[str]:
        try:
            encoded = word.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return []
        found = ctypes.POINTER(ctypes.c_char_p)()
        with self._lock:
            if not self._handle:
                return []
            count = self._library.Hunspell_suggest(self._handle, ctypes.byref(found), encoded)
            try:
                return [found[i].decode(self.encoding, "replace") for i in range(min(count, limit))]
            finally:
                if count > 0:
                    self._library.Hunspell_free_list(self._handle, ctypes.byref(found), count)

    def close(self) -> None:
        with self._lock:
            if self._handle:
                self._library.Hunspell_destroy(self._handle)
                self._handle = None


class _PipeChecker:
    """One ``hunspell -a`` process, kept open and restarted if it dies."""

    def __init__(self, program: str, dic: Path) -> None:
        self._command = [program, "-a", "-i", "utf-8", "-d", str(dic.with_suffix(""))]
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._pending = b""
        atexit.register(self.close)

    def _ensure_process(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is not None:
            self._kill()
        if self._process is None:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env={**os.environ, "LC_ALL": "C.UTF-8"}, bufsize=0)
            self._pending = b""
            self._read_line(self._process)  # the version banner
        return self._process

    def _read_line(self, process: subprocess.Popen[bytes]) -> str:
        # Our own buffer over os.read: a buffered reader could hold lines that select()
        # no longer sees waiting on the pipe.
        assert process.stdout is not None
        deadline = time.monotonic() + PIPE_TIMEOUT_SECONDS
        while b"\n" not in self._pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([process.stdout], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                raise BrokenPipeError
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line.decode("utf-8", "replace")

    def _ask(self, word: str) -> list[str]:
        """hunspell's answer lines for one word (``*``, ``+ ROOT``, ``& ... : sugg`` or ``#``)."""
        for attempt in range(2):
            process = self._ensure_process()
            try:
                assert process.stdin is not None
                process.stdin.write(("^" + word + "\n").encode("utf-8"))
                process.stdin.flush()
                lines = []
                while (line := self._read_line(process)) != "":
                    lines.append(line)
                return lines
            except (BrokenPipeError, TimeoutError, OSError):
                self._kill()
                if attempt:
                    raise SpellingUnavailable(t("nkr.stavekontroll_prosess_doede")) from None
        return []

    def known(self, word: str) -> bool:
        with self._lock:
            lines = self._ask(word)
        return all(line[:1] in {"*", "+", "-"} for line in lines)

    def suggest(self, word: str, limit: int) -> list[str]:
        with self._lock:
            lines = self._ask(word)
        for line in lines:
            if line.startswith("&") and ":" in line:
                return [item.strip() for item in line.split(":", 1)[1].split(",")][:limit]
        return []

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None
        self._pending = b""

    def close(self) -> None:
        with self._lock:
            self._kill()


_checkers: dict[str, _LibraryChecker | _PipeChecker] = {}
_checkers_lock = threading.Lock()


def _load_library() -> ctypes.CDLL | None:
    candidates = list(LIBRARY_NAMES)
    found = ctypes.util.find_library("hunspell-1.7") or ctypes.util.find_library("hunspell")
    if found:
        candidates.insert(0, found)
    for name in candidates:
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        library.Hunspell_create.restype = ctypes.c_void_p
        library.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        library.Hunspell_destroy.argtypes = [ctypes.c_void_p]
        library.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        library.Hunspell_spell.restype = ctypes.c_int
        library.Hunspell_suggest.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)), ctypes.c_char_p]
        library.Hunspell_suggest.restype = ctypes.c_int
        library.Hunspell_free_list.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)), ctypes.c_int]
        return library
    return None


def _checker(language: str) -> _LibraryChecker | _PipeChecker:
    code = normalise_language(language)
    with _checkers_lock:
        if code in _checkers:
            return _checkers[code]
        files = dictionary_files(code)
        if files is None:
            raise SpellingUnavailable(
                t("nkr.stavekontroll_mangler_ordbok", ordbok=LANGUAGES[code]))
        aff, dic = files
        library = _load_library()
        checker: _LibraryChecker | _PipeChecker
        if library is not None:
            checker = _LibraryChecker(library, aff, dic)
        elif (program := shutil.which("hunspell")) is not None:
            checker = _PipeChecker(program, dic)
        else:
            raise SpellingUnavailable(t("nkr.stavekontroll_mangler_hunspell"))
        _checkers[code] = checker
        return checker


def is_available(language: str = "nb") -> bool:
    """Whether words in ``language`` can be checked on this machine."""
    try:
        _checker(language)
    except (SpellingUnavailable, InvalidInput):
        return False
    return True


def words(text: str) -> list[str]:
    """The words of ``text`` worth checking: no numbers, web addresses, e-mail or HTML tags."""
    return WORD.findall(MARKUP.sub(" ", URL_OR_EMAIL.sub(" ", text)))


def _known(checker: _LibraryChecker | _PipeChecker, word: str) -> bool:
    if checker.known(word):
        return True
    # Hyphenated compounds of known words are fine Norwegian (Røyken-planen, 70/20/10-regelen).
    if "-" in word:
        return all(checker.known(part) for part in word.split("-") if part)
    # A capital at the start of a sentence: hunspell accepts a word capitalised, but not an
    # all-capital shout of a lower-case word; try the plain form too.
    return word.isupper() and checker.known(word.lower())


def misspelled_words(text: str, language: str = "nb", extra_words: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` hunspell does not know, each once, in the order they first appear.

    ``extra_words`` are accepted as well (field terms the dictionary lacks), compared without
    regard to case. Raises :class:`SpellingUnavailable` when hunspell or the dictionary is
    missing and :class:`~myndig.model.errors.InvalidInput` for an unknown language.
    """
    if not isinstance(text, str):
        raise InvalidInput(t("nkr.stavekontroll_ikke_tekst"), field="tekst")
    checker = _checker(language)
    accepted = {word.strip().lower() for word in extra_words if isinstance(word, str)}
    unknown: list[str] = []
    seen: set[str] = set()
    for word in words(text):
        if word in seen:
            continue
        seen.add(word)
        if word.lower() in accepted:
            continue
        if len(word) > MAX_WORD_LENGTH or not _known(checker, word):
            unknown.append(word)
    return unknown


def suggestions(word: str, language: str = "nb", limit: int = 3) -> list[str]:
    """Hunspell's suggestions for a misspelt word, best first (may take a few milliseconds)."""
    if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD_LENGTH:
        return []
    return _checker(language).suggest(word.strip(), limit)
