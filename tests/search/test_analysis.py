import pytest

from portal.search.analysis import (
    index_tokens,
    normalize,
    normalize_with_offsets,
    query_terms,
    similarity_tokens,
)


def test_cjk_runs_become_overlapping_bigrams_plus_the_run_end():
    assert index_tokens("地域防災計画") == ["地域", "域防", "防災", "災計", "計画", "画"]


def test_single_cjk_character_stays_a_unigram():
    assert index_tokens("市") == ["市"]


def test_latin_words_are_lowercased_and_separated_from_cjk():
    # (Hiragana are folded into katakana: の becomes ノ, see the kana tests below.)
    assert index_tokens("AI・RPAの導入") == ["ai", "rpa", "ノ導", "導入", "入"]


def test_full_width_and_half_width_forms_are_normalised():
    assert normalize("ＤＸ推進　ﾃﾞｼﾞﾀﾙ") == "dx推進 デジタル"
    assert index_tokens("ﾛｰｶﾙ5G") == index_tokens("ローカル５Ｇ")


def test_katakana_prolonged_mark_and_iteration_mark_belong_to_the_run():
    assert "ロー" in index_tokens("ローカル")
    assert "佐々" in index_tokens("佐々木")


def test_query_terms_are_phrases_of_bigrams_per_run():
    terms = query_terms("防災計画 DX")
    assert [term.tokens for term in terms] == [("防災", "災計", "計画"), ("dx",)]
    assert [term.prefix for term in terms] == [False, True]  # a word is a prefix term


def test_single_character_query_is_a_prefix_term():
    (term,) = query_terms("町")
    assert term.prefix and term.tokens == ("町",)


def test_punctuation_only_query_has_no_terms():
    assert query_terms("・、。！？") == []


def test_similarity_tokens_skip_hiragana_only_bigrams():
    tokens = similarity_tokens("窓口のオンライン化について")
    assert "窓口" in tokens
    assert "につ" not in tokens and "いて" not in tokens


@pytest.mark.parametrize(
    ("hiragana", "katakana"),
    [("こそだて", "コソダテ"), ("ごみ", "ゴミ"), ("こども", "コドモ"), ("ぱそこん", "パソコン")],
)
def test_hiragana_and_katakana_fold_to_the_same_tokens(hiragana, katakana):
    assert index_tokens(hiragana) == index_tokens(katakana)
    assert query_terms(hiragana) == query_terms(katakana)


def test_small_kana_fold_to_their_full_size_letter():
    assert normalize("霞ヶ関") == normalize("霞ケ関")
    assert normalize("キャノン") == normalize("キヤノン")
    assert normalize("ｼｬｯﾀｰ") == normalize("シヤツター")


def test_a_long_vowel_mark_ending_a_long_katakana_word_is_dropped():
    assert normalize("コンピューター") == normalize("コンピュータ")
    assert normalize("サーバーを更新") == normalize("サーバを更新")
    # Inside a word, and at the end of a short word, the mark is kept.
    assert "ー" in normalize("ルール") and normalize("バー") == "バー"


def test_digit_runs_emit_their_suffixes_and_query_words_are_prefixes():
    assert {"2025", "025", "25", "5"} <= set(index_tokens("2025年"))
    assert {"5g", "5"} <= set(index_tokens("ローカル５Ｇ"))
    (term,) = query_terms("5")
    assert term.prefix and term.tokens == ("5",)
    (word,) = query_terms("DX")
    assert word.prefix and word.tokens == ("dx",)


def test_very_long_digit_runs_emit_no_suffixes():
    tokens = index_tokens("1234567890123")
    assert tokens == ["1234567890123"]


def test_offsets_map_folded_text_back_to_the_original():
    text, spans = normalize_with_offsets("ｺﾝﾋﾟｭｰﾀｰ室")
    assert text == normalize("ｺﾝﾋﾟｭｰﾀｰ室") == "コンピユータ室"
    assert spans[2] == (2, 4)  # ﾋﾟ (two half-width characters) became ピ
    assert spans[-1] == (8, 9)  # 室; the dropped ｰ before it has no character
