"""The Japanese search engine on whichever database the suite runs (SQLite or PostgreSQL)."""

import pytest
from wagtail.models import Page

from portal.community.models import SupportRequest
from portal.search import excerpt, highlight, search
from tests.factories import support_request

pytestmark = pytest.mark.django_db

TEXTS = {
    "bousai_title": ("地域防災計画のデジタル化", "避難所の運営を改善したい。"),
    "bousai_body": ("避難所運営の効率化", "市の総合防災訓練で使える仕組みを探しています。"),
    "nougyou": ("スマート農業の実証", "水田の水位をセンサーで見える化する。"),
    "nougyou_kana": ("農業用ドローンの共同利用", "中山間地域での農薬散布。"),
    "madoguchi": ("窓口のオンライン化", "行政手続をスマートフォンで完結させたい。"),
    "separated": ("防災・計画の見直し", "防災と計画を別々に扱う。"),
    "dx_fullwidth": ("ＤＸ推進体制の構築", "全庁的な推進体制をつくりたい。"),
}


@pytest.fixture
def documents():
    return {
        # "other" (その他): the category's label is indexed too, and 行政手続のオンライン化
        # would otherwise match every document.
        key: support_request(title=title, summary=summary, body=summary, category="other")
        for key, (title, summary) in TEXTS.items()
    }


def found(query, **kwargs):
    return set(search(SupportRequest.objects.all(), query, **kwargs).values_list("pk", flat=True))


def keys(documents, *names):
    return {documents[name].pk for name in names}


def test_two_character_query_finds_every_document_containing_it(documents):
    assert found("防災") == keys(documents, "bousai_title", "bousai_body", "separated")
    assert found("農業") == keys(documents, "nougyou", "nougyou_kana")


def test_three_and_more_character_queries_match_as_substrings(documents):
    assert found("防災計画") == keys(documents, "bousai_title")
    assert found("避難所") == keys(documents, "bousai_title", "bousai_body")
    assert found("オンライン化") == keys(documents, "madoguchi")


def test_every_term_of_a_multi_word_query_must_match(documents):
    assert found("防災 避難所") == keys(documents, "bousai_title", "bousai_body")
    assert found("農業 ドローン") == keys(documents, "nougyou_kana")


def test_width_and_case_do_not_matter(documents):
    assert found("dx") == keys(documents, "dx_fullwidth")
    assert found("ＤＸ推進") == keys(documents, "dx_fullwidth")
    assert found("ｵﾝﾗｲﾝ") == keys(documents, "madoguchi")


def test_single_character_query_finds_it_anywhere_in_a_run(documents):
    assert documents["bousai_body"].pk in found("市")
    assert found("窓") == keys(documents, "madoguchi")


def test_tags_and_municipality_names_are_searchable():
    tagged = support_request(title="業務改善", tags=["ローカル5G"])
    assert found("ローカル5G") == {tagged.pk}
    assert tagged.pk in found("前橋")


def test_title_matches_rank_above_body_matches(documents):
    ranked = list(search(SupportRequest.objects.all(), "防災").values_list("pk", flat=True))
    assert ranked.index(documents["bousai_title"].pk) < ranked.index(documents["bousai_body"].pk)


def test_search_keeps_the_querysets_filters(documents):
    queryset = SupportRequest.objects.filter(title__startswith="避難所")
    assert set(search(queryset, "防災").values_list("pk", flat=True)) == keys(
        documents, "bousai_body"
    )


def test_blank_or_punctuation_queries_match_nothing(documents):
    assert found("") == set()
    assert found("・・・") == set()


def test_match_any_finds_similar_titles(documents):
    similar = list(search(SupportRequest.objects.all(), "防災訓練の見直し", match="any"))
    assert documents["bousai_body"] in similar


def test_reindexing_after_an_edit_updates_results(documents):
    request = documents["madoguchi"]
    request.title = "観光案内の多言語化"
    request.save()
    from portal.search.index import index_object

    index_object(request)
    assert found("観光") == {request.pk}
    assert request.pk not in found("窓口")


def test_wagtail_pages_are_searched_with_the_same_analysis():
    page = Page.objects.get(depth=2)
    page.title = "地域防災ポータル"
    page.save()
    from portal.search.index import index_object

    index_object(page)
    assert page in list(Page.objects.search("防災"))
    assert page not in list(Page.objects.search("農業"))


def test_highlight_marks_matches_in_the_original_characters():
    html = highlight("ＤＸ推進と<b>防災</b>", "dx 防災")
    assert html == "<mark>ＤＸ</mark>推進と&lt;b&gt;<mark>防災</mark>&lt;/b&gt;"


def test_highlight_handles_half_width_katakana_with_sound_marks():
    assert highlight("ﾃﾞｼﾞﾀﾙ化", "デジタル") == "<mark>ﾃﾞｼﾞﾀﾙ</mark>化"


def test_excerpt_centres_on_the_first_match_and_escapes():
    text = "あ" * 300 + "<防災>" + "い" * 300
    html = excerpt(text, "防災", length=60)
    assert html.startswith("…") and html.endswith("…")
    assert "&lt;<mark>防災</mark>&gt;" in html


def test_excerpt_if_match_is_empty_without_a_match():
    from portal.search.highlight import excerpt_if_match

    assert excerpt_if_match("窓口の改善", "防災") == ""
    assert "<mark>防災</mark>" in excerpt_if_match("地域の防災", "防災")


def test_wagtail_autocomplete_uses_the_analysis_too():
    page = Page.objects.get(depth=2)
    page.title = "スマート農業ポータル"
    page.save()
    from portal.search.index import index_object

    index_object(page)
    assert page in list(Page.objects.autocomplete("農業"))
    assert page in list(Page.objects.autocomplete("スマ"))
