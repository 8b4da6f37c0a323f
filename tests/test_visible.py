"""The independent visible-text reader behind "nothing is lost": the cases
where it once disagreed with dwparse on text dwparse rightly kept or
rightly dropped, and that it still sees a real loss."""

from __future__ import annotations

import pytest

import dwparse
from visible import lost_characters, lost_words

HEAD = "<!--1722165425000-->\n[标题](https://www.dw.com/zh/x/a-1)\n------\n\n"
DATE = "<div><i><br>2024-07-28T11:07:48.781Z</i></div>"
IMG = '<img src="https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg" width="100%">'


def _lost(text: str) -> tuple[list[str], dict[str, int]]:
    data = dwparse.parse(text).to_dict()
    return lost_words(text, data), lost_characters(text, data)


@pytest.mark.parametrize(
    "text",
    [
        # A lone CR ends a line: "---" is the underline, "--" body text.
        HEAD.replace("------", "---\r--") + DATE + "<p>正文</p>",
        # Names of a time line whose </i> broke, or that the file cuts off.
        HEAD + "<div><i>德正、长平<br>2025-05-22T09:30:00.000Z</div><p>正文</p>",
        HEAD + "<div><i>德正, 德才<br>2025-05",
        # A comma in the time is not a separator of names.
        HEAD + "<div><i><br>2024-06-18T06:45:00,000Z</i></div><p>正文</p>",
        # An <iframe>'s content is raw text.
        HEAD + DATE + '<div class="embed yt-wrapper"><iframe src="https://x">视频：联邦议</td></table>院</p></div>',
        # A header line never closed is the header, whole.
        "<!-->--1721482100000--<div><small>>\n[标题](https://www.dw.com/zh/x/a-1)\n------\n\n" + DATE + "<p>正文</p>",
        # An end tag whose quoted attribute holds ">" ends after the quotes.
        HEAD + DATE + '<blockquote>引语</blockq<img src="a/</ul>b.jpg">uote><p>正文</p>',
        # The body's repeat of the lead image is dropped, with its caption.
        HEAD + DATE + IMG + "<div><small>\x85门前的抗议人群</small></div>" + IMG + "<div><small>门前的抗议人群</small></div>",
        # A block boundary one reading draws inside a word.
        HEAD + DATE + "<p>数据<blockquote>显示</p><p>结束</blockquote>了</p>",
        # Only the first line can be the header; a second "<!--" never closed is body.
        "<!--1-->\n<!--[标题](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE + "<p>正文</p>",
        # Stray end tags before or inside the time line.
        HEAD + "</p><div></p><i>德正、长平<br>2025-05-22T09:30:00.000Z</i></div><p>正文</p>",
        # An end tag's quote starts a value only after "=".
        HEAD + DATE + IMG + '<div><small>说明图像来源: 某社</sm<img src="ht<a href="https://x">tps://y.jpg">all></div>',
        # A credit label that markup split.
        HEAD + DATE + IMG + '<div><small>门前的人群图像<span data-id="5" data-type="T">来源: 某社</small></div><p>正文</p>',
        # HTML inside an <svg>, left there by broken markup, is shown.
        HEAD + DATE + '<p>据<a href="https://e.com">报道<svg><<div><small>path d="M9"></path></svg></a>，内阁。</p>',
        # Tags in any case.
        HEAD + "<dIv><i> 德正 , 长平 <BR> 2025-05-20T12:56:04Z </i></div><p>正文</p>",
        # A header line moved below the title, after a byte order mark: the time line follows it.
        "\n[标题](https://www.dw.com/zh/x/a-1)\n------\n\ufeff<!--1747906800000-->\n"
        "<div><i>德正, 德才<br>2025-05-22T09:30:00.000Z</i></div><p>正文</p>",
        # A Markdown escape only escapes ASCII punctuation.
        "<!--1-->\n[德国\\\ufffe*准点率\\*](https://www.dw.com/zh/x/a-1)\n---\n\n" + DATE + "<p>正文</p>",
    ],
)
def test_nothing_lost_where_dwparse_keeps_or_rightly_drops(text: str) -> None:
    assert _lost(text) == ([], {})


def test_a_real_loss_is_seen_by_both() -> None:
    text = HEAD + DATE + "<p>保留的文字</p><p>丢失的句子</p>"
    article = dwparse.parse(text)
    data = article.to_dict()
    data["blocks"] = data["blocks"][:1]
    data["text"] = article.blocks[0].text
    assert lost_words(text, data) == ["丢失的句子"]
    assert set(lost_characters(text, data)) == set("丢失句子")
