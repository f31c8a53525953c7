from portal.core.markdown import render_markdown


def test_render_markdown_formats_and_demotes_headings():
    html = render_markdown("# 背景\n\n**防災**の課題\n\n- 一\n- 二")
    assert "<h2>背景</h2>" in html
    assert "<strong>防災</strong>" in html
    assert "<ul>" in html


def test_render_markdown_escapes_raw_html_and_scripts():
    html = render_markdown('<script>alert(1)</script><img src=x onerror="alert(1)">')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_render_markdown_drops_javascript_links_and_marks_external_links():
    html = render_markdown("[悪い](javascript:alert(1)) [良い](https://example.jp)")
    assert 'href="javascript' not in html
    assert '<a href="https://example.jp" rel="nofollow noopener noreferrer ugc">良い</a>' in html


def test_render_markdown_of_empty_text_is_empty():
    assert render_markdown("") == ""


def test_markdown_to_text_strips_markup_but_keeps_words():
    from portal.core.markdown import markdown_to_text

    assert markdown_to_text("## 背景\n\n**防災** & <b>訓練</b>").split() == [
        "背景",
        "防災",
        "&",
        "<b>訓練</b>",
    ]
