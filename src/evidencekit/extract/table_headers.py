"""What a table column holds, from its header cell: a *role* (count, percent, mean, SD, CI, p, Z …).

A role is named by notation, written here (:data:`ROLE_NOTATION`: "SD", "s.d.", "f (%)", "p",
"Sig. (2-tailed)", "df", "χ2" …), or by words of a language, which are lexicon data
(``lexicon/{id,en}/table_headers.toml``, one key per role). A header names a role when all of it
(case-insensitive, spaces collapsed, a unit in brackets removed) is one of them; the roles are
tried in the order of :data:`ROLE_NOTATION`, so the first that fits wins. Header words of an
occasion or an arm ("Mean Pretest", "SD Kontrol") qualify a column (:func:`split_header`); they
are lexicon data too (``table_labels.toml``).
"""

from __future__ import annotations

import re
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.patterns import lexicon_alternation, phrase_regex
from evidencekit.extract.units import strip_units

#: Roles in the order they are tried, each with its notation (a regex; "" when only words name
#: it). A role's words (its table_headers.toml key) are an alternative of its own, except for
#: the keys of :data:`WORDS_IN_NOTATION`, whose words the notation places: ``{mean_sd}`` the
#: mean word of "Mean (SD)", ``{ci}`` the words after "95%", ``{computed_of}`` the "hitung" of
#: "t hitung", ``{critical_of}`` the "tabel" of "t tabel".
ROLE_NOTATION: tuple[tuple[str, str], ...] = (
    ("count_pct", r"(?:.*\s)?[fn]\s*\(\s*%\s*\)"),
    ("mean_sd", r"(?:{mean_sd}|m)\s*\(\s*(?:s\.?d\.?|sd|std)\s*\)"),
    ("mean_sd", r"(?:{mean_sd})\s*±\s*(?:sd|s\.d\.?)"),
    ("count", r"n|f"),
    ("percent", r"%|\(%\)"),
    ("mean", ""),
    ("sd", r"sd|s\.d\.?|std"),
    ("se", r"se|s\.e\.?|sem"),
    ("median", ""),
    ("min", r"min\.?"),
    ("max", r"max\.?|maks\.?"),
    ("min_max", r"min\s*[-–]\s*max|min-maks"),
    ("ci", r"(?:95\s?%\s*)?(?:ci(?:\s*95\s?%)?|{ci})"),
    ("p", r"p|p\s*[-_]?\s*value|sig\.?|sig\.?\s*\(?2[\s-]*tailed\)?|asymp\.?\s*sig\.?\s*(?:\(2[\s-]*tailed\))?"
          r"|p-?value\s*\*?"),
    ("Z", r"z|z[\s-]?(?:{computed_of})"),
    ("t", r"t|t[\s-]?(?:{computed_of})"),
    ("critical", r"[tfz][\s-]?(?:{critical_of})"),
    ("df", r"df|dk|db"),
    ("U", r"u|mann-whitney u"),
    ("W", r"w"),
    ("chi2", r"χ2|χ²|x2|chi2"),
    ("F", r"f[\s-]?(?:{computed_of})"),
    ("r", r"r"),
    ("rank", ""),
)

#: table_headers.toml keys whose words stand inside a role's notation, not alone.
WORDS_IN_NOTATION = ("mean_sd", "ci", "computed_of", "critical_of")

#: Roles of summary columns (a Descriptive's fields).
SUMMARY_ROLES = ("mean", "mean_sd", "sd", "se", "median", "min", "max", "min_max", "ci")

_SPACES_RE = re.compile(r"\s+")


def header_phrase(phrase: str) -> str:
    """A table_headers.toml phrase as a regex: " - " is a dash with or without spaces, a space
    is one space (header text has its spaces collapsed), every other character is itself."""
    return r"\s*[-–]\s*".join(phrase_regex(part, space=" ", hyphen=r"\-") for part in phrase.split(" - "))


@cache
def header_words(key: str) -> str:
    """The phrases of table_headers.toml ``key`` (every language) as an alternation without edges;
    ``(?!)``, which never matches, when there are none."""
    return "|".join(header_phrase(p) for p in lexicon.phrases("table_headers").get(key, ())) or "(?!)"


def _column_roles() -> tuple[tuple[str, str], ...]:
    """(role, pattern) in the order tried: each role's notation and its lexicon words."""
    fill = {k: header_words(k) for k in WORDS_IN_NOTATION}
    roles = []
    for role, notation in ROLE_NOTATION:
        parts = [notation.format(**fill)] if notation else []
        if role not in WORDS_IN_NOTATION and role in lexicon.phrases("table_headers"):
            parts.append(header_words(role))
        roles.append((role, "|".join(parts)))
    return tuple(roles)


#: (role, pattern) in the order tried, built from :data:`ROLE_NOTATION` and the lexicon. The
#: first pattern that matches the whole header cell wins.
COLUMN_ROLES = _column_roles()
#: All roles in one pattern, alternative i (group i + 1) being COLUMN_ROLES[i]: the first
#: alternative that matches the whole text wins, as when each is tried in turn, in one call.
_ROLES_RE = re.compile("(?i)^(?:" + "|".join(f"({pat})" for _, pat in COLUMN_ROLES) + ")$")
_COUNT_PCT_ROLE_RE = re.compile(rf"(?i)^(?:{ROLE_NOTATION[0][1]})$")
#: A unit in brackets a header adds: symbols ("(ml)", "(%)") and table_headers.toml's unit words.
_UNIT_RE = re.compile(rf"\(\s*(ml|cc|g|kg|cm|mm|mmhg|%|{header_words('unit')})\s*\)", re.I)


def column_role(header: str) -> str | None:
    """The role of a column from its header text ("Std. Deviation" -> "sd"), or None (a label)."""
    raw = _SPACES_RE.sub(" ", header).strip().rstrip("*").strip()
    if _COUNT_PCT_ROLE_RE.match(raw):                # "f (%)", "Sebelum intervensi f (%)"
        return "count_pct"
    text = _SPACES_RE.sub(" ", _UNIT_RE.sub("", raw)).strip()
    if not text:
        return "percent" if "%" in raw else None
    if (role := _role_of(text)) is not None:
        return role
    # a summary column whose unit only the unit model knows: "Mean (kali per 24 jam)",
    # "Rerata (ml/15 menit)" — the bracket removed, only a summary role is taken
    bare = _SPACES_RE.sub(" ", strip_units(raw)).strip()
    if bare != raw:
        role = _role_of(bare)
        if role in SUMMARY_ROLES:
            return role
    return None


def _role_of(text: str) -> str | None:
    """The first role of :data:`COLUMN_ROLES` whose pattern matches all of ``text``."""
    m = _ROLES_RE.match(text)
    return COLUMN_ROLES[m.lastindex - 1][0] if m else None


#: Occasion and arm words a header may add to a column name ("Mean Pretest", "SD Kontrol"):
#: table_labels.toml's pre, post and arm phrases, as whole words.
QUALIFIER_RE = re.compile(
    rf"(?i)\b(?:{'|'.join(lexicon_alternation('table_labels', k) for k in ('pre', 'post', 'arm'))})\b")


def split_header(header: str) -> tuple[str | None, str]:
    """(role, qualifier) of a header cell: "Mean Pretest" -> ("mean", "Pretest")."""
    role = column_role(header)
    if role is not None or not QUALIFIER_RE.search(header):
        return role, ""
    rest = QUALIFIER_RE.sub(" ", header)
    role = column_role(rest)
    return (role, " ".join(m.group(0) for m in QUALIFIER_RE.finditer(header))) if role else (None, "")


#: The header of a column that prints each row's test statistic ("Test", "Uji statistik").
TEST_HEADER_RE = re.compile(rf"(?i)^(?:{header_words('test')})$")
#: A row label that says what its cells hold: "Age, years, mean (SD)", "Primiparous, n (%)".
ROW_ROLE_RE = re.compile(
    rf"(?i)[,;:]?\s*(?P<role>(?:{header_words('mean_sd')})\s*(?:\(\s*(?:sd|s\.d\.?)\s*\)|±\s*(?:sd|s\.d\.?))"
    r"|[nf]\s*\(\s*%\s*\))\s*$")


__all__ = ["COLUMN_ROLES", "QUALIFIER_RE", "ROLE_NOTATION", "ROW_ROLE_RE", "SUMMARY_ROLES", "TEST_HEADER_RE",
           "column_role", "header_phrase", "header_words", "split_header"]
