"""CJK bigram analysis (the scheme of Lucene's CJKAnalyzer), applied at index AND query time.

Japanese has no spaces, so a full-text engine that splits on spaces sees 「地域防災計画」 as one
word and a search for 「防災」 misses it. Both sides are therefore rewritten into tokens the
database engines (SQLite FTS5's unicode61 tokenizer, PostgreSQL's ``simple`` parser) keep intact:

* text is NFKC-normalised and lower-cased (full-width ``ＤＸ`` = ``DX`` = ``dx``, half-width
  ``ｶﾀｶﾅ`` = ``カタカナ``);
* kana are folded (``fold``): hiragana become katakana (こそだて = コソダテ, ごみ = ゴミ), small
  kana become their full-size letter (ヶ = ケ, キャノン = キヤノン, the old and legal spelling), and a
  long-vowel mark ending a katakana word of four or more characters is dropped (コンピューター =
  コンピュータ, サーバー = サーバ: the JIS Z 8301 / 公用文 variants; Lucene's
  ``JapaneseKatakanaStemFilter`` does the same);
* a run of CJK characters (Han, Hiragana, Katakana, Hangul) becomes its overlapping bigrams,
  ``地域防災計画`` → ``地域 域防 防災 災計 計画``; a single CJK character stays a unigram;
* other letters and digits form ordinary words (``AI``, ``RPA``, ``5G`` → ``ai rpa 5g``); a run
  of digits also emits its suffixes (``2025`` → ``2025 025 25 5``), so that a query word, which
  is always a prefix term, finds digits inside numbers (``5`` finds 5G, ５Ｇ and 2025年);
* everything else separates tokens.

One addition to Lucene's scheme: each CJK run also emits its LAST character as a unigram after
its bigrams (``… 計画 画``), so a one-character query can be answered completely as a prefix
query (``画*`` matches every bigram starting with 画, and the run-end unigram covers a 画 that
ends a run). Query phrases are built per run, so the extra token never breaks a phrase.

At query time each CJK run becomes a phrase of its bigrams (「防災計画」 must occur as such, not
防災 and 計画 anywhere), a single CJK character and every Latin/digit word become prefix terms
(``dx`` finds DX推進's ``dx`` and ``dxの``, ``5`` finds ``5g``).

The analysis is plain Python with ``str.translate`` and precompiled regular expressions (no
per-character function calls), so indexing stays well above 1,000 documents a second.
"""

import re
import unicodedata
from dataclasses import dataclass

_CJK_RANGES = (
    (0x3041, 0x309F),  # Hiragana (incl. ゝゞ)
    (0x30A1, 0x30FA),  # Katakana letters
    (0x30FC, 0x30FF),  # ー ヽ ヾ ヿ (not the middle dot ・ U+30FB, which is punctuation)
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0x20000, 0x3134F),  # CJK extensions B–G
)


_CJK_CLASS = "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in _CJK_RANGES)
# A CJK run, or a run of other letters and digits (``\w`` minus underscore and CJK).
_RUN = re.compile(f"(?P<cjk>[{_CJK_CLASS}]+)|(?P<word>[^\\W_{_CJK_CLASS}]+)")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_DIGITS = re.compile(r"\d+")
# Digit runs longer than this (telephone, corporate numbers) emit no suffixes.
MAX_DIGIT_SUFFIXES = 12


def _kana_fold_table() -> dict[int, str]:
    table = {code: chr(code + 0x60) for code in range(0x3041, 0x3097)}  # hiragana → katakana
    table.update({0x309D: "ヽ", 0x309E: "ヾ"})
    small = "ァアィイゥウェエォオッツャヤュユョヨヮワヵカヶケ"
    table.update({ord(small[i]): small[i + 1] for i in range(0, len(small), 2)})
    extensions = "クシストヌハヒフヘホムラリルレロ"  # ㇰ … ㇿ (U+31F0–U+31FF)
    table.update({0x31F0 + i: char for i, char in enumerate(extensions)})
    # Small hiragana first became small katakana: map them straight to the full-size letter.
    return {code: table.get(ord(char), char) for code, char in table.items()}


_KANA_FOLD = _kana_fold_table()
# A long-vowel mark that ends a katakana word of four or more characters (see the docstring);
# applied before hiragana are folded, while a particle after the word still ends it.
_KATAKANA = "\u30a1-\u30fa\u30fd\u30fe"
# (It starts with the literal ー so that the engine scans for it instead of trying every position.)
_TRAILING_LONG_VOWEL = re.compile(f"ー(?<=[{_KATAKANA}][{_KATAKANA}ー]{{2}}ー)(?![{_KATAKANA}ー])")


def is_cjk(char: str) -> bool:
    return _CJK_CHAR.fullmatch(char) is not None


def fold(text: str) -> str:
    """Kana folding of already NFKC-normalised text (see the module docstring)."""
    return _TRAILING_LONG_VOWEL.sub("", text).translate(_KANA_FOLD)


def normalize(text: str, *, fold_kana: bool = True) -> str:
    """NFKC, lower case and kana folding: the form both the index and the queries are in."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return fold(text) if fold_kana else text


_HALF_WIDTH_SOUND_MARKS = {"\uff9e", "\uff9f"}  # ﾞ ﾟ combine with the kana before them


def normalize_with_offsets(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``normalize(text)`` and, for each of its characters, the span of `text` it came from
    (highlighting maps matches back to what the user wrote). Slower than ``normalize``: for
    the few texts shown on a page, not for indexing."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and text[end] in _HALF_WIDTH_SOUND_MARKS:
            end += 1
        for char in unicodedata.normalize("NFKC", text[index:end]).lower():
            chars.append(char)
            spans.append((index, end))
        index = end
    normalised = "".join(chars)
    dropped = {match.start() for match in _TRAILING_LONG_VOWEL.finditer(normalised)}
    if dropped:
        keep = [i for i in range(len(normalised)) if i not in dropped]
        normalised, spans = "".join(normalised[i] for i in keep), [spans[i] for i in keep]
    return normalised.translate(_KANA_FOLD), spans


@dataclass(frozen=True)
class Run:
    """A maximal stretch of CJK characters (``cjk=True``) or of other letters and digits."""

    text: str
    cjk: bool


def runs(text: str) -> list[Run]:
    """Split normalised `text` into CJK runs and words; separators are dropped."""
    return [Run(match.group(), match.lastgroup == "cjk") for match in _RUN.finditer(text)]


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return list(map(str.__add__, run, run[1:]))


def _word_tokens(word: str) -> list[str]:
    """The word, then the proper suffixes of each digit run in it (``5g`` → ``5g``;
    ``2025`` → ``2025 025 25 5``; ``r7年度`` is split before 年 already)."""
    tokens = [word]
    for digits in _DIGITS.findall(word):
        if digits != word:
            tokens.append(digits)
        if len(digits) <= MAX_DIGIT_SUFFIXES:
            tokens.extend(digits[i:] for i in range(1, len(digits)))
    return tokens


def index_tokens(text: str, *, fold_kana: bool = True) -> list[str]:
    """Tokens to store for `text` (see the module docstring)."""
    tokens: list[str] = []
    for match in _RUN.finditer(normalize(text, fold_kana=fold_kana)):
        run = match.group()
        if match.lastgroup == "word":
            tokens.extend(_word_tokens(run))
        elif len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(map(str.__add__, run, run[1:]))  # the bigrams, at C speed
            tokens.append(run[-1])
    return tokens


def index_text(text: str) -> str:
    """`text` analysed into space-separated tokens, ready for the database's tokenizer."""
    return " ".join(index_tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    """One term of an analysed query.

    ``tokens`` is a phrase (every token, adjacent and in order) unless ``prefix`` is set, in
    which case it holds one token that index tokens must start with. ``text`` is what the user
    typed for this term (normalised), used to highlight matches.
    """

    text: str
    tokens: tuple[str, ...]
    prefix: bool = False


def query_terms(query: str, *, last_word_is_prefix: bool = False) -> list[QueryTerm]:
    """The terms of a user's query; an empty list when nothing searchable is left."""
    terms = []
    for run in runs(normalize(query)):
        if run.cjk and len(run.text) == 1:
            terms.append(QueryTerm(run.text, (run.text,), prefix=True))
        elif run.cjk:
            terms.append(QueryTerm(run.text, tuple(bigrams(run.text))))
        else:
            terms.append(QueryTerm(run.text, (run.text,), prefix=True))
    if last_word_is_prefix and terms and not terms[-1].prefix:
        last = terms[-1]
        if len(last.tokens) == 1:
            terms[-1] = QueryTerm(last.text, last.tokens, prefix=True)
    return list(dict.fromkeys(terms))


def similarity_tokens(text: str, *, limit: int = 32) -> list[str]:
    """Distinctive tokens of `text` for "similar documents" (any of them may match).

    Bigrams made only of hiragana (mostly particles and endings: 「につ」「いて」) are left out
    when anything else remains; at most `limit` tokens keep the query small.
    """
    tokens = list(dict.fromkeys(index_tokens(text)))
    tokens = [token for token in tokens if len(token) > 1 or not is_cjk(token)]
    particles = _hiragana_only_tokens(text)
    distinctive = [token for token in tokens if token not in particles]
    return (distinctive or tokens)[:limit]


def _hiragana_only_tokens(text: str) -> set[str]:
    """Folded tokens that come only from hiragana-only bigrams of `text` (folding turns
    hiragana into katakana, so they are told apart before folding)."""
    unfolded = index_tokens(text, fold_kana=False)
    hiragana = {fold(t) for t in unfolded if all(_is_hiragana(c) for c in t)}
    other = {fold(t) for t in unfolded if not all(_is_hiragana(c) for c in t)}
    return hiragana - other


def _is_hiragana(char: str) -> bool:
    return 0x3041 <= ord(char) <= 0x309F
