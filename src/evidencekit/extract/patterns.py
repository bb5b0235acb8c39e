"""Regular expressions for reported statistics, built from named, commented parts.

The parts follow statcheck's ``R/regex.R`` (test name, degrees of freedom, comparison, value)
and widen it for the Indonesian literature: comma decimals, words between the name and the
number ("nilai Z sebesar -3,317"), p written as "p value", "nilai p", "Sig. (2-tailed)",
"Asymp. Sig." or a typed ρ, and ``ns``.
"""

from __future__ import annotations

import re
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.numbers import NUMBER_PATTERN_UNNAMED

#: How lexicon phrases join their words: a space is any run of whitespace, a hyphen is a hyphen,
#: one whitespace character or nothing ("pre-test": "pre-test", "pre test", "pretest").
SPACE = r"\s+"
HYPHEN = r"[\s-]?"


def phrase_regex(phrase: str, space: str = SPACE, hyphen: str = HYPHEN) -> str:
    """A literal lexicon phrase as a regex, each space standing for ``space`` and each hyphen for
    ``hyphen``; every other character is itself."""
    return "".join(space if ch == " " else hyphen if ch == "-" else re.escape(ch) for ch in phrase)


@cache
def lexicon_alternation(name: str, key: str, space: str = SPACE, hyphen: str = HYPHEN) -> str:
    """The phrases of ``key`` in lexicon ``name`` (every language, longest first) as a regex
    alternation without edges (:func:`phrase_regex`); ``(?!)``, which never matches, when the key
    has none. The caller adds the edges and the case rule."""
    phrases = lexicon.phrases(name).get(key, ())
    return "|".join(phrase_regex(p, space, hyphen) for p in phrases) or "(?!)"


def _words(key: str, hyphen: str = HYPHEN) -> str:
    """The phrases of statistic_words.toml ``key`` as an alternation (see :func:`phrase_regex`)."""
    return lexicon_alternation("statistic_words", key, hyphen=hyphen)


#: Characters besides a letter's two cases that IGNORECASE matching takes for it: dotless and
#: dotted I, the Kelvin sign, long s, the rho symbol.
_OTHER_CASES = {"i": "ıİ", "k": "\u212a", "s": "ſ", "ρ": "ϱ"}


def any_case(letters: str) -> str:
    """The body of a character class that matches ``letters`` as IGNORECASE does ("k" -> "kK"
    and the Kelvin sign). A case-sensitive class is tested without folding each character, and
    as the first item of an alternative it lets the engine skip that alternative at once."""
    chars = (ch for c in letters for ch in c.lower() + c.upper() + _OTHER_CASES.get(c.lower(), ""))
    return "".join(dict.fromkeys(chars))


def _by_letter(words: tuple[str, ...] | list[str]) -> dict[str, list[str]]:
    """Regex ``words`` grouped by their first letter (lower case), each without it, in order."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word[:1].isalpha():
            raise ValueError(f"a word must start with a letter: {word!r}")
        groups.setdefault(word[0].lower(), []).append(word[1:])
    return groups


def by_first_letter(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of regex ``words`` (each starting with a plain letter), matched in any case,
    grouped by first letter: "[wW](?i:ilcoxon|elch)|[tT](?i:…)". It matches what the plain
    ``(?i:word|word|…)`` matches (words sharing a first letter keep their order), but the engine
    tries only the group of the letter it stands on."""
    return "|".join(f"[{any_case(first)}](?i:{'|'.join(rests)})" for first, rests in _by_letter(words).items())


def by_first_char(words: tuple[str, ...] | list[str]) -> str:
    """As :func:`by_first_letter`, with one alternative per form of each first letter
    ("c(?i:I)|C(?i:I)|…"). When every alternative a pattern starts with begins with one literal
    character, the engine jumps from one such character to the next instead of trying every
    place: fast for words whose first letters are rare, slow for common ones (many alternatives)."""
    return "|".join(f"{form}(?i:{'|'.join(rests)})"
                    for first, rests in _by_letter(words).items() for form in any_case(first))


#: A number (unnamed, for use inside larger patterns): sign, digits with ',' or '.' groups,
#: or a bare fraction, optional exponent. Numbers are re-parsed by numbers.parse_number.
NUM = rf"{NUMBER_PATTERN_UNNAMED}(?![\d])"

#: An unsigned decimal with at most one mark (a bare alternation: wrap it in a group):
#: "0,05", ".05", "53,3" — p thresholds and table percentages, where no sign or exponent occurs.
DECIMAL = r"\d+(?:[.,]\d+)?|[.,]\d+"

#: A comparison as printed: "=", "<", ">", "≤", "≥", "<=", ">=", "=<", "=>".
OP = r"(?:<=|>=|=<|=>|≤|≥|<|>|=)"

#: Glue words papers put between a statistic's name and its number ("nilai Z sebesar -3,317",
#: "t hitung = 2,1", "Z score of 2.1"; statistic_words.toml ``glue``); at most two of them, each
#: optional.
GLUE = rf"(?:(?:{_words('glue')}|:)\s*){{0,2}}"

#: Degrees of freedom in brackets: "(28)", "(1, 120)", "(l, 34)" (OCR l/I for 1, as in
#: statcheck), "(27.45)" (Welch), and χ²'s "(1, N = 1,024)".
DF = (r"\(\s*(?P<df1>[\dlI](?:[\d.,]*\d)?)\s*"
      r"(?:[,;]\s*(?P<df2>\d(?:[\d.]*\d)?))?\s*"
      r"(?:[,;]\s*[Nn]\s*=\s*(?P<n>\d[\d.,]*\d|\d))?\s*\)")

#: Names of test statistics. Each alternative is a named group so the kind is read from
#: which one matched. The name must not be glued to a letter before it (statcheck requires a
#: non-letter before z; we also allow the start of the text).
#: Words naming a kind ("chi-square", "odds ratio") are statistic_words.toml's, under the kind's key.
STAT_NAMES = {
    "chi2": rf"(?:χ\s?2|χ²|χ\^2|[Xx]\s?2|[Xx]²|{_words('chi2')}|chi2|chi²|χ)",
    "rho": r"(?:rho|r_?s|ρ)",
    "Q": r"(?:Q[\s-]?within|Q[\s-]?between|Qw|Qb|Q)",
    "OR": rf"(?:a?OR|{_words('OR')})",
    "RR": rf"(?:RR|{_words('RR')})",
    "t": r"t(?:[-_]?hitung)?",                 # "thitung" / "t-hitung" = t computed (Indonesian)
    "F": r"F(?:[-_]?hitung)?",
    "r": r"r",
    "Z": r"[zZ]",
    "U": r"U",
    "W": r"W",
    "T": r"T",
    "H": r"H",
}

_STAT_ALTERNATION = "|".join(f"(?P<{'k_' + k}>{v})" for k, v in STAT_NAMES.items())
#: Every letter a name of :data:`STAT_NAMES` can start with: the notation's and the first letters
#: of statistic_words.toml's names (a test keeps this in step). The lookahead on them lets the
#: engine leave a word start at once instead of trying every name.
STAT_FIRST = "".join(dict.fromkeys("χXxcrρQaORtFzZUWTH" + "".join(
    p[0] for key in ("chi2", "OR", "RR") for p in lexicon.phrases("statistic_words").get(key, ()))))

#: A test statistic: name, optional df, glue words, comparison (optional when glue words are
#: there: "Z sebesar -3,317"), value — bracketed after glue words: "t hitung (3,2) > t tabel".
#: A critical value ("t tabel 2,06", "t table") is never one: "tabel" is not a glue word.
STAT_RE = re.compile(
    rf"(?<![A-Za-z0-9_])(?=[{STAT_FIRST}])(?:{_STAT_ALTERNATION})(?![A-Za-z])"
    rf"\s*(?:{DF})?"
    rf"\s*(?:(?:{_words('value')})\s*)?{GLUE}"
    rf"(?P<vop>{OP})?\s*\$?\s*"
    rf"(?P<vbr>\(\s*)?(?P<value>{NUM})(?(vbr)\s*\))"
)

#: A p broken after its decimal mark by a line end or a space, "0, \n000" / "0, 000": read as
#: 0.000 (only after a p name, where "0," cannot end the number).
BROKEN_P = r"0[.,]\s{1,4}\d{1,4}(?![\d.,])"

#: How a p-value is named: "p", "P", "p value", "p-value", "p- value", "P_value", "Pvalue",
#: "nilai p", "Sig. (2-tailed)", "Asymp. Sig. (2-tailed)", "asymp.sig 2 tailed", and ρ typed
#: for p ("ρ value = 0,005"); "nilai" and "value" are statistic_words.toml's p_value_before and
#: p_value_after. A bracketed "(asymp.sig 2 tailed)" may follow the name.
P_NAME = (
    r"(?i:(?:asymp\.?\s*)?sig\.?\s*(?:\(\s*2\s*[-−]?\s*tailed\s*\)|2\s*[-−]?\s*tailed)?"
    rf"|(?:{_words('p_value_before')})\s+(?:p|sig\.?)"
    rf"|[pPρ]\s*[-_]?\s*(?:{_words('p_value_after')})"
    r"|[pPρ])"
)
_P_AFTER = r"(?i:\s*\(\s*(?:asymp\.?\s*)?sig\.?[^()\n]{0,20}\))?"
#: The letters a :data:`P_NAME` starts with (any case): asymp, sig, p, ρ and the first letters of
#: the p_value_before words (nilai) (for the engine, as :data:`STAT_FIRST`).
P_FIRST = "(?i:[" + "".join(dict.fromkeys("aspρ" + "".join(
    p[0] for p in lexicon.phrases("statistic_words").get("p_value_before", ())))) + "])"

#: A p-value: name, glue ("sebesar", "adalah", "=", ":"), comparison, value or "ns".
#: "nilai p (0,012)" puts the value in brackets.
P_RE = re.compile(
    rf"(?<![A-Za-z0-9_])(?={P_FIRST})(?P<pname>{P_NAME})(?![A-Za-z]){_P_AFTER}"
    rf"\s*\$?\s*(?:(?:{_words('copula')}|:)\s*)?"
    rf"(?P<pop>{OP})?\s*\$?\s*\(?\s*"
    rf"(?P<pval>{BROKEN_P}|{NUM})"
)

#: "ns" / "n.s." printed instead of a p-value (statcheck treats it as p > .05).
NS_RE = re.compile(r"(?<![A-Za-z])n\.?s\.?(?![A-Za-z])")

#: An interval: two numbers joined by a dash, a word ("to", "hingga", "sampai":
#: statistic_words.toml ``range_to``), "s.d." or a comma-and-space, optionally in brackets:
#: "8,84 – 9,49", "[1.27, 2.86]", "(0.3 to 0.9)".
RANGE = (rf"[\[(]?\s*(?P<lo>{NUM})\s*(?:[-–—]|{_words('range_to')}|s\.?d\.?|;|,\s)\s*"
         rf"(?P<hi>{NUM})\s*[\])]?")
RANGE_RE = re.compile(RANGE)

#: A 95% confidence interval announced by its name: "95% CI", "CI 95%", "Confidence Interval",
#: "Interval Kepercayaan (CI) 95%" (any case; the words are statistic_words.toml's ``ci``); a few
#: glue words may stand between name and
#: numbers. Every alternative of the start ("95 %…", "c…", "C…", "i…" …) begins with one
#: literal character, so the engine jumps between those characters (2x faster than trying the
#: pattern at every place).
CI_NAMES = (r"CI", *_words("ci").split("|"))
CI_RE = re.compile(
    rf"(?:95\s?%\s*(?:{by_first_letter(CI_NAMES)})|{by_first_char(CI_NAMES)})"
    r"(?i:(?:\s*\(CI\))?(?:\s*95\s?%)?)"
    r"[^\d\n]{0,25}?"
    + RANGE
)

#: The words a "mean (SD)" name pair starts with (statistic_words.toml ``mean_sd``, a hyphen being
#: itself; "M" only as a word), and its "(SD)" bracket.
MEAN_SD_NAMES = (*_words("mean_sd", hyphen="-").split("|"), r"\bM")
SD_BRACKET = r"\(\s*(?:sd|s\.d\.?|std)\s*\)"

#: "mean (SD) 3.2 (1.1)", "rerata (SD) = 3,2 (1,1)": the name pair announces the number pair.
#: The first letters of the names, for a lookahead that lets the engine skip other places.
_MEAN_SD_FIRST = "".join(sorted({name.removeprefix(r"\b")[0].lower() for name in MEAN_SD_NAMES}))
MEAN_SD_PAREN_RE = re.compile(
    rf"(?i:(?=[{_MEAN_SD_FIRST}])(?:{'|'.join(MEAN_SD_NAMES)})\s*{SD_BRACKET})"
    rf"\s*(?:[:=]|{_words('mean_sd_glue')})?\s*(?P<mean>{NUM})\s*\(\s*(?P<sd>{NUM})\s*\)")
#: Every "(SD)" bracket. A match of MEAN_SD_PAREN_RE starts at most MEAN_SD_NAME_MAX characters
#: (the longest name) before the spaces in front of one, so it is tried only there.
SD_BRACKET_RE = re.compile(rf"(?i:{SD_BRACKET})")
MEAN_SD_NAME_MAX = max(len(name.removeprefix(r"\b")) for name in MEAN_SD_NAMES)

#: "mean ± SD": "9,17 ± 0,874", "2.5 +/- 1.1".
PLUSMINUS_RE = re.compile(rf"(?P<mean>{NUM})\s*(?:±|\+/-|\+-)\s*(?P<sd>{NUM})")

#: A count with its percentage: "21 orang (87,50%)", "13 respondents (86.7%)", "8 (53,3%)",
#: "9 of the 25 mothers (32%)" (then 25 is n; "of", "the": statistic_words.toml ``of``,
#: ``of_which``). The count must stand alone (not the end of
#: "20-35" or a decimal), and either a person word or a "%" must be there, so "(n=24)" or
#: "t(28)" never match. The count's first digit comes first and only then the character before it
#: is checked (not a digit, mark, dash or slash), so the engine skips from digit to digit.
COUNT_PCT_RE_TEMPLATE = (
    r"(?P<count>\d(?<![\d.,\-–/]\d)\d{{0,5}})"
    r"(?:\s+(?:" + _words("of") + r")\s+(?:(?:" + _words("of_which") + r")\s+)?(?P<of>\d{{1,6}}))?"
    r"\s*(?:(?P<unit>{persons})\s*)?"
    r"\(\s*(?P<pct>\d{{1,3}}(?:[.,]\d+)?)\s*(?P<sign>%)?\s*\)"
)

#: A sample size: "n = 24", "N=100", "(n=24)".
N_EQ_RE = re.compile(r"(?<![A-Za-z])[nN]\s*=\s*(?P<n>\d[\d.,]*\d|\d)(?![\d])")

#: Sentence boundaries: ". " / "? " before a capital or bracket, or a blank line after a full
#: stop or colon (text input often puts a blank line after every printed line, so a blank line
#: alone does not end a sentence). A match runs from the stop to the next sentence's start, which
#: is its end; it starts with the stop (not a lookbehind) so the engine jumps from one
#: ".!?:" to the next instead of trying every character (8x faster on a paper).
SENTENCE_END_RE = re.compile(r"[.!?:](?:(?<!:)\s+(?=[A-Z(\[])|[ \t]*\n\s*\n)")


def phrase_words(phrases: tuple[str, ...] | list[str]) -> list[str]:
    """Literal phrases as regexes, longest first, spaces matching any whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return [re.escape(p).replace(r"\ ", r"\s+") for p in parts]


def phrase_alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    return "|".join(phrase_words(phrases))


__all__ = ["CI_RE", "COUNT_PCT_RE_TEMPLATE", "DECIMAL", "DF", "MEAN_SD_NAME_MAX", "MEAN_SD_PAREN_RE", "N_EQ_RE",
           "NS_RE", "NUM", "OP", "P_RE", "PLUSMINUS_RE", "RANGE_RE", "SD_BRACKET_RE", "SENTENCE_END_RE",
           "STAT_FIRST", "STAT_NAMES", "STAT_RE", "any_case", "by_first_char", "by_first_letter", "lexicon_alternation",
           "phrase_alternation", "phrase_regex", "phrase_words"]
