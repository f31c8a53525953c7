from portal.search.analysis import index_tokens, normalize, query_terms, similarity_tokens


def test_cjk_runs_become_overlapping_bigrams_plus_the_run_end():
    assert index_tokens("地域防災計画") == ["地域", "域防", "防災", "災計", "計画", "画"]


def test_single_cjk_character_stays_a_unigram():
    assert index_tokens("市") == ["市"]


def test_latin_words_are_lowercased_and_separated_from_cjk():
    assert index_tokens("AI・RPAの導入") == ["ai", "rpa", "の導", "導入", "入"]


def test_full_width_and_half_width_forms_are_normalised():
    assert normalize("ＤＸ推進　ﾃﾞｼﾞﾀﾙ") == "dx推進 デジタル"
    assert index_tokens("ﾛｰｶﾙ5G") == index_tokens("ローカル５Ｇ")


def test_katakana_prolonged_mark_and_iteration_mark_belong_to_the_run():
    assert "ロー" in index_tokens("ローカル")
    assert "佐々" in index_tokens("佐々木")


def test_query_terms_are_phrases_of_bigrams_per_run():
    terms = query_terms("防災計画 DX")
    assert [term.tokens for term in terms] == [("防災", "災計", "計画"), ("dx",)]
    assert [term.prefix for term in terms] == [False, False]


def test_single_character_query_is_a_prefix_term():
    (term,) = query_terms("町")
    assert term.prefix and term.tokens == ("町",)


def test_punctuation_only_query_has_no_terms():
    assert query_terms("・、。！？") == []


def test_similarity_tokens_skip_hiragana_only_bigrams():
    tokens = similarity_tokens("窓口のオンライン化について")
    assert "窓口" in tokens
    assert "につ" not in tokens and "いて" not in tokens
