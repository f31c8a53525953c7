"""CJK bigram analysis (the scheme of Lucene's CJKAnalyzer), applied at index AND query time.

Japanese has no spaces, so a full-text engine that splits on spaces sees 「地域防災計画」 as one
word and a search for 「防災」 misses it. Both sides are therefore rewritten into tokens the
database engines (SQLite FTS5's unicode61 tokenizer, PostgreSQL's ``simple`` parser) keep intact:

* text is NFKC-normalised and lower-cased (full-width ``ＤＸ`` = ``DX`` = ``dx``, half-width
  ``ｶﾀｶﾅ`` = ``カタカナ``);
* a run of CJK characters (Han, Hiragana, Katakana, Hangul) becomes its overlapping bigrams,
  ``地域防災計画`` → ``地域 域防 防災 災計 計画``; a single CJK character stays a unigram;
* other letters and digits form ordinary words (``AI``, ``RPA``, ``5G`` → ``ai rpa 5g``);
* everything else separates tokens.

One addition to Lucene's scheme: each CJK run also emits its LAST character as a unigram after
its bigrams (``… 計画 画``), so a one-character query can be answered completely as a prefix
query (``画*`` matches every bigram starting with 画, and the run-end unigram covers a 画 that
ends a run). Query phrases are built per run, so the extra token never breaks a phrase.

At query time each CJK run becomes a phrase of its bigrams (「防災計画」 must occur as such, not
防災 and 計画 anywhere), a single CJK character becomes a prefix term, words stay words.
"""

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


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(start <= code <= end for start, end in _CJK_RANGES)


def normalize(text: str) -> str:
    """NFKC and lower case: the form both the index and the queries are analysed in."""
    return unicodedata.normalize("NFKC", text or "").lower()


@dataclass(frozen=True)
class Run:
    """A maximal stretch of CJK characters (``cjk=True``) or of other letters and digits."""

    text: str
    cjk: bool


def runs(text: str) -> list[Run]:
    """Split normalised `text` into CJK runs and words; separators are dropped."""
    result: list[Run] = []
    current: list[str] = []
    current_cjk = False
    for char in text:
        cjk = is_cjk(char)
        if not (cjk or char.isalnum()):
            _flush(result, current, current_cjk)
            current = []
            continue
        if current and cjk != current_cjk:
            _flush(result, current, current_cjk)
            current = []
        current.append(char)
        current_cjk = cjk
    _flush(result, current, current_cjk)
    return result


def _flush(result: list[Run], chars: list[str], cjk: bool) -> None:
    if chars:
        result.append(Run("".join(chars), cjk))


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> list[str]:
    """Tokens to store for `text` (see the module docstring)."""
    tokens: list[str] = []
    for run in runs(normalize(text)):
        if not run.cjk:
            tokens.append(run.text)
            continue
        tokens.extend(bigrams(run.text))
        if len(run.text) > 1:
            tokens.append(run.text[-1])
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
            terms.append(QueryTerm(run.text, (run.text,)))
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
    distinctive = [token for token in tokens if not all(_is_hiragana(c) for c in token)]
    return (distinctive or tokens)[:limit]


def _is_hiragana(char: str) -> bool:
    return 0x3041 <= ord(char) <= 0x309F
