"""Intervention, outcome, comparator, instrument and setting from aim statements and titles.

Aims and titles follow one shape in both languages: "pengaruh <intervention> terhadap <outcome>
pada <population> di <setting>", "the effect of <intervention> on <outcome> among …". The phrases
around each part are lexicon data (``pico``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import find_hits, phrase_pattern

#: Longest intervention/outcome phrase kept (characters): longer means the pattern overran.
MAX_PART = 90


@dataclass(frozen=True, slots=True)
class Aim:
    """An aim statement's intervention and outcome, with their offsets."""

    intervention: str
    outcome: str
    intervention_span: tuple[int, int]
    outcome_span: tuple[int, int]


def _alt(key: str) -> str:
    return "|".join(phrase_pattern(p) for p in lexicon.phrases("pico").get(key, ()))


@cache
def _aim_re(link: str) -> re.Pattern[str]:
    # effect word, the intervention (lazy, no sentence end), a link word, the outcome up to a stop
    return re.compile(
        rf"(?:{_alt('effect')})\s+(?P<i>[^.;:\n]{{3,{MAX_PART}}}?)\s+(?:{_alt(link)})\s+"
        rf"(?P<o>[^.;:,\n()]{{3,{MAX_PART}}}?)(?=\s+(?:{_alt('stop')})|\s*[.;:,()\n]|\s*$)",
        re.IGNORECASE)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:-\"'")


def find_aims(text: str, offset: int = 0) -> list[Aim]:
    """Every "effect of X on Y" statement in ``text`` (whitespace inside runs over line breaks)."""
    flat = re.sub(r"\s", " ", text)     # same length: offsets stay valid
    out: list[Aim] = []
    for link in ("link", "link_weak"):     # "X dalam melakukan Y terhadap Z": terhadap is the link
        if out:
            break
        out.extend(_aims(flat, link, offset))
    return out


def _aims(flat: str, link: str, offset: int) -> list[Aim]:
    out = []
    for m in _aim_re(link).finditer(flat):
        intervention, outcome = _clean(m.group("i")), _clean(m.group("o"))
        if intervention and outcome:
            out.append(Aim(intervention, outcome, (m.start("i") + offset, m.end("i") + offset),
                           (m.start("o") + offset, m.end("o") + offset)))
    return out


def find_instrument(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """The first measuring instrument named ("lembar observasi", "kuesioner …", "questionnaire")."""
    hits = find_hits("pico", text, keys=("instrument",))
    if not hits:
        return None
    hit = hits[0]
    tail = re.match(r"[^.;,\n]{0,60}?(?=\s+(?:untuk|yang|to|which|that|dengan|with)\b|[.;,\n]|$)", text[hit.end:])
    end = hit.end + (tail.end() if tail else 0)
    return _clean(text[hit.start:end]), hit.start + offset, end + offset


def find_setting(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """The place of the study: "di Wilayah Kerja Puskesmas Masohi Kabupaten Maluku Tengah"."""
    flat = re.sub(r"\s", " ", text)
    hits = find_hits("pico", flat, keys=("setting",))
    for hit in hits:
        # the place name runs on in capitalised words ("Puskesmas Rawat Inap Tanjung Kabupaten …")
        m = re.match(r"(?:\s+(?:[A-Z][\w'-]*|[IVX]+)(?![\w.'-]*\.\s))+(?:\s+[A-Z][\w'-]*)?", flat[hit.end:])
        if not m:
            continue
        end = hit.end + m.end()
        return _clean(flat[hit.start:end]), hit.start + offset, end + offset
    return None


def find_comparator(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """What the control group received: "kelompok kontrol diberikan breast care", "compared with X"."""
    flat = re.sub(r"\s", " ", text)
    for hit in find_hits("pico", flat, keys=("comparator",)):
        m = re.match(r"\s*(?P<c>[^.;,()]{3,60}?)(?=\s+(?:yang|pada|di|selama|which|for|in)\b|[.;,()]|$)",
                     flat[hit.end:])
        if m:
            return _clean(m.group("c")), hit.end + m.start("c") + offset, hit.end + m.end("c") + offset
    return None
