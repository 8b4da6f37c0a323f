"""Construct families for the growth checks: each a whole archive file in which one construct grows with n.

``FAMILIES[name](n)`` is a file (header comment, title link, underline, time
line, body) in which one construct of ../shared/FORMAT.md, or one shape of
broken input, is repeated, nested or lengthened ``n`` times, the rest staying
small. ``tests/test_growth.py`` counts the work of parsing each at n and 4n;
``benchmarks/growth.py`` times each at n, 4n and 16n. Every family stays
under about 100 KB at n = 200. Input is ``str``: mixed encodings (a
property of bytes) are no family here.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["FAMILIES", "HEAD", "TIME", "body"]

#: The header comment, title link, underline and blank line of every family but the header's own.
HEAD = "<!--1722165425000-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n\n"
#: The time line that opens the body.
TIME = "<div><i><br>2024-07-28T11:07:48Z</i></div>"
_IMAGE = "https://images.weserv.nl/?url=static.dw.com/image/{0}_303.jpg"
_COPYRIGHT = "© 2024年德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。"
_ENTITIES = "&amp;&lt;&gt;&quot;&#39;&nbsp;&#x4e2d;&#25991;&#xD800;&#0;&bogus;&amp"


def body(html: str) -> str:
    """A whole file: the usual header, title and time line, then ``html``."""
    return HEAD + TIME + html


def _each(template: str, n: int) -> str:
    """``template`` formatted with 0 … n-1, joined."""
    return "".join(template.format(i) for i in range(n))


def _nest(opening: str, inner: str, closing: str, n: int) -> str:
    """``inner`` inside ``n`` levels of ``opening`` … ``closing`` (``{}`` in ``opening``: the level)."""
    return "".join(opening.format(i) for i in range(n)) + inner + closing * n


def _authors(n: int, separator: str, name: str = "作者{}") -> str:
    """A file whose time line names ``n`` authors joined by ``separator``."""
    names = separator.join(name.format(i) for i in range(n))
    return HEAD + TIME.replace("<i><br>", f"<i>{names}<br>") + "<p>正文</p>"


_BLOCKS: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: body(_each("<p>（德国之声中文网）第{0}段正文，说明情况。</p>", n)),
    "long paragraph": lambda n: body("<p>" + "德国联邦议院周四通过了法案。" * n + "</p>"),
    "bold headings": lambda n: body(_each("<p><strong>小标题{0}</strong></p><p>正文{0}</p>", n)),
    "h2 headings": lambda n: body(_each("<h2>标题{0}</h2><p>正文</p>", n)),
    "h3 h4 headings": lambda n: body(_each("<h3>三级{0}</h3><h4>四级{0}</h4>", n)),
    "interview": lambda n: body(_each("<p><strong>德国之声：问题{0}？</strong></p><p>舒孝煌：回答{0}。</p>", n)),
    "list items": lambda n: body("<ul>" + _each("<li>第{0}项</li>", n) + "</ul>"),
    "lists": lambda n: body(_each("<ol><li>第{0}项</li><li>另一项</li></ol>", n)),
    "unclosed list items": lambda n: body("<ul>" + _each("<li>项{0}", n) + "</ul>"),
    "nested lists": lambda n: body(_nest("<ul><li>层{}", "", "</li></ul>", n)),
    "blockquotes": lambda n: body(_each("<blockquote><p>“引语{0}。”</p></blockquote><p>正文</p>", n)),
    "nested blockquotes": lambda n: body(_nest("<blockquote>引{}", "深处", "</blockquote>", n)),
    "tables": lambda n: body("<table>" + _each("<tr><td>格{0}</td><td>{0}%</td></tr>", n) + "</table>"),
    "nested tables": lambda n: body(_nest("<table><tr><td>格{}", "深处", "</td></tr></table>", n)),
    "figures": lambda n: body(_each('<figure><img src="https://e.com/{0}.jpg"><figcaption>说明{0}</figcaption></figure>', n)),
    "raw paragraphs": lambda n: body(_each('<p>段{0}<iframe src="https://example.com/{0}"></iframe></p>', n)),
    "empty elements": lambda n: body(_each("<p></p><p> </p><strong></strong><em></em>", n)),
    "bare text": lambda n: body(_each("裸文字{0}<hr>", n)),
}

_MEDIA: dict[str, Callable[[int], str]] = {
    "images": lambda n: body(
        _each(f'<img src="{_IMAGE}" width="100%"><div><small style="color: #999;">说明{{0}}图像来源: DW</small></div>', n)
    ),
    "placeholder images": lambda n: body(
        _each('<div class="placeholder-image"><img data-id="{0}" data-url="https://static.dw.com/image/{0}_${{formatId}}.jpg">'
              "</div>", n)
    ),
    "image placeholders in headings": lambda n: body(
        _each('<p><strong><span class="placeholder" data-id="{0}" data-type="IMAGE" title="Bild"></span>'
              "<p>小标题{0}</p></strong></p>", n)
    ),
    "gallery pictures": lambda n: body(
        "<h3>相关图集：十座城市</h3>" + _each(f'<div><img src="{_IMAGE}" width="100%"><b>城市{{0}}</b>：说明{{0}}。</div>', n)
    ),
    "galleries": lambda n: body(
        _each(f'<h3>相关图集：图集{{0}}</h3><div><img src="{_IMAGE}" width="100%"><br><b>图{{0}}</b>：说明。</div>', n)
    ),
    "embeds": lambda n: body(_each('<div class="embed tweet" data-id="{0}"><p>推文{0}</p></div>', n)),
    "videos": lambda n: body(
        _each(
            '<div class="embed vjs-wrapper"><video data-posterurl="https://static.dw.com/image/{0}_302.jpg" controls="">'
            '<source src="https://e.akamaihd.net/{0}.mp4" type="video/mp4"></video><p>视频{0}</p></div>',
            n,
        )
    ),
    "youtube iframes": lambda n: body(
        _each('<iframe width="100%" height="259" src="https://www.youtube.com/embed/v{0}?wmode=transparent"></iframe>', n)
    ),
    "video sources": lambda n: body(
        '<video controls poster="https://static.dw.com/image/1_605.jpg">'
        + _each('<source src="https://e.akamaihd.net/{0}.mp4" type="video/mp4">', n)
        + "</video><p>说明</p>"
    ),
}

_INLINE: dict[str, Callable[[int], str]] = {
    "topics": lambda n: body("<p>" + _each('<span data-id="{0}" data-type="AUTO_TOPIC">词{0}</span>，', n) + "</p>"),
    "nested spans": lambda n: body("<p>" + _nest('<span data-id="{0}" data-type="AUTO_TOPIC">词{0}', "", "</span>", n) + "</p>"),
    "nested one-character topics": lambda n: body(
        "<p>" + _nest('<span data-id="{}" data-type="AUTO_TOPIC">词', "", "</span>", n) + "</p>"
    ),
    "nested empty topics": lambda n: body(
        "<p>" + _nest('<span data-id="{}" data-type="AUTO_TOPIC">', "词", "</span>", n) + "</p>"
    ),
    "links": lambda n: body(
        "<p>" + _each('<a href="https://api.dw.com/api/detail/article/{0}" rel="ArticleRef">文章{0}</a>，', n) + "</p>"
    ),
    "link lines": lambda n: body(
        _each('<p>更多内容：<a href="https://api.dw.com/api/detail/video/{0}" rel="VideoRef">视频{0}</a></p>', n)
    ),
    "external links": lambda n: body(
        "<p>"
        + _each('<a href="https://e.com/{0}" class="external-link">外部{0}<svg class="icon"><path d="M9 2"></path></svg></a>', n)
        + "</p>"
    ),
    "nested links": lambda n: body("<p>" + _nest('<a href="https://e.com/{0}"><b>链接{0}', "", "</b></a>", n) + "</p>"),
    "nested empty links": lambda n: body("<p>" + _nest('<a href="https://e.com/{}">', "词", "</a>", n) + "</p>"),
    "nested formatting": lambda n: body("<p>" + _nest("<b><i><em><strong>", "深处", "</strong></em></i></b>", n) + "</p>"),
    "formatting runs": lambda n: body("<p>" + _each("<b>粗{0}</b><i>斜</i><em>强</em><br>", n) + "</p>"),
    "deep divs": lambda n: body(_nest("<div>", "深处", "</div>", n) + "<p>之后</p>"),
    "many br": lambda n: body("<p>" + _each("行{0}<br>", n) + "</p>"),
    "void tags": lambda n: body("<p>" + _each('词{0}<wbr><source src="{0}.mp4"><track>', n) + "</p><p>之后</p>"),
    "unclosed p": lambda n: body(_each("<p>段{0}", n)),
    "misnested tags": lambda n: body("<p>" + _each("<b><i>错{0}</b></i>", n) + "</p>"),
    "formatting across p": lambda n: body(_each("<p><b>段{0}</p>", n)),
    "entities": lambda n: body("<p>" + _ENTITIES * n + "</p>"),
    "long text line": lambda n: body("德国联邦议院周四通过了法案" * (4 * n)),
}

_LINES: dict[str, Callable[[int], str]] = {
    "authors": lambda n: _authors(n, "、"),
    "authors with roles": lambda n: _authors(n, ", ", "null  作者{}（摘编）"),
    "credit agencies": lambda n: body("<p><em>（" + "、".join(f"社{i}社" for i in range(n)) + "）</em></p>"),
    "credit lines": lambda n: body(_each("<p>段{0}</p><p><em>（路透社、法新社）</em></p>", n)),
    "credit bylines": lambda n: body("<p>" + "/".join(f"李{i}" for i in range(n)) + "（路透社等）</p>"),
    "copyright lines": lambda n: body(_each(f"<p><em>{_COPYRIGHT}</em></p>", n)),
    "split copyright": lambda n: body("<p><em>© 2021</em>" + "<em>年</em>" * n + "<em>德国之声版权声明</em></p>"),
    "notices": lambda n: body(
        _each("<p>DW中文有Instagram！欢迎搜寻dw.chinese。</p><p><em>本文摘编自其他媒体，不代表德国之声观点。</em></p>", n)
    ),
    "feed footers": lambda n: body(
        _each('<p>段{0}</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br></div>', n)
    ),
    "long title": lambda n: "<!--1-->\n[" + "标题" * (20 * n) + "](https://www.dw.com/zh/x/a-1)\n---\n\n" + TIME,
    "title escapes": lambda n: "<!--1-->\n[" + "\\[视频\\]&amp;" * n + "](https://www.dw.com/zh/x/a-1)\n---\n\n" + TIME,
    "header-like lines": lambda n: "<!--1-->\n" * n + "[t](https://www.dw.com/zh/x/a-1)\n---\n\n" + TIME + "<p>正文</p>",
    "title-like lines": lambda n: "<!--1-->\n" + "[t](https://www.dw.com/zh/x/a-1)\n---\n" * n + "\n" + TIME,
    "multi-line body": lambda n: body(_each("<p>段{0}</p>\r\n", n)),
}

_BROKEN: dict[str, Callable[[int], str]] = {
    "attributes": lambda n: body("<p " + " ".join(f'a{i}="{i}"' for i in range(n * 10)) + ">文字</p>"),
    "attributes per tag": lambda n: body(
        _each('<p id="{0}" class="c" title="t" lang="zh" dir="ltr" data-a="1" data-b="2">段</p>', n)
    ),
    "long attribute value": lambda n: body('<p><a href="https://e.com/' + "x" * (50 * n) + '">链接</a></p>'),
    "comments": lambda n: body(_each("<!-- 注释{0} --><p>段{0}</p>", n)),
    "unclosed comments": lambda n: body(_each("<p>段{0}</p><!--", n)),
    "unclosed quotes": lambda n: body(_each('<p><a href="https://e.com/{0}>链接{0}</a></p>', n)),
    "scripts": lambda n: body(_each('<script>var a{0} = "<p>";</script><p>段{0}</p>', n)),
    "unclosed scripts": lambda n: body(_each("<script><p>段{0}</p>", n)),
    "styles": lambda n: body(_each("<style>p{{color:red}} /* <p> */</style><p>段{0}</p>", n)),
    "unclosed styles": lambda n: body(_each("<style><p>段{0}</p>", n)),
    "svgs": lambda n: body(_each('<p>前<svg><path d="M0"/><text>字{0}</text></svg>后</p>', n)),
    "unclosed svgs": lambda n: body(_each("<svg><p>段{0}</p>", n)),
    "nested svgs": lambda n: body("<p>" + _nest("<svg><text>字{}</text>", "", "</svg>", n) + "</p>"),
    "texts in deep svgs": lambda n: body("<p>" + "<svg>" * 300 + _each("<text>字{0}</text>", n) + "</svg>" * 300 + "</p>"),
    "svg heads": lambda n: body(_each("<p>前<svg><head>段{0}</head></svg>后</p>", n)),
    "templates": lambda n: body(_each("<template><p>藏{0}</p></template><p>段{0}</p>", n)),
    "unclosed templates": lambda n: body(_each("<template><p>段{0}</p>", n)),
    "noscripts": lambda n: body(_each("<noscript><p>藏{0}</p></noscript><p>段{0}</p>", n)),
    "cdata in math": lambda n: body(_each("<p>甲<math><mi><![CDATA[公式{0}]]></mi></math>丙</p>", n)),
    "cdata in svg": lambda n: body(_each("<p>甲<svg><text><![CDATA[图{0}]]></text></svg>丙</p>", n)),
    "cdata outside": lambda n: body(_each("<p><![CDATA[段{0}]]></p>", n)),
    "bogus comments": lambda n: body(_each("<!x 注{0}><? pi {0} ?><!DOCTYPE html><p>段{0}</p>", n)),
    "tags in bogus comments": lambda n: body(_each("<!x <template> {0}><? <script> {0}?><!y </html> {0}><p>段{0}</p>", n)),
    "document end tags": lambda n: body(_each("<p>段{0}</p></body></html>", n)),
    "stray end tags": lambda n: body("<p>正文" + "</q></span></div>" * n + "</p>"),
    "iframe raw text": lambda n: body(_each("<p>段{0}<iframe><!-- 不是注释 <p>{0}</iframe></p>", n)),
    "hiding tags in raw text": lambda n: body("<textarea>" + _each("<script>{0}<svg>", n) + "</textarea><p>段</p>"),
    "raw text elements": lambda n: body(_each("<xmp><p>{0}</xmp><textarea><p>{0}</textarea><title>{0}</title>", n)),
    "control characters": lambda n: body("<p>" + "正文\x01\x02\x7f" * n + "</p>"),
    "problems with positions": lambda n: body(_each("<p>段{0}\x01</p></b>", n)),
    "problems on lines": lambda n: body(_each("<p>段{0}\x01</p>\n", n)),
    "less-than signs": lambda n: body("<p>正文</p>" + "<" * (20 * n)),
    "long tag name": lambda n: body("<p>正文</p><" + "a" * (50 * n)),
    "truncated tag": lambda n: body(_each("<p>段{0}</p>", n) + '<a href="https://e.com/'),
}

#: Every family, by name: a function of n giving a whole file.
FAMILIES: dict[str, Callable[[int], str]] = {**_BLOCKS, **_MEDIA, **_INLINE, **_LINES, **_BROKEN}
