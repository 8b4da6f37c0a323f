"""What the archive format fixes, written down once: labels, colons, limits,
tag sets and the characters removed from text.

Every reader and writer takes these from here, so that a label DW adds, or a
tag that turns out to be inline, is one edit.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

__all__ = [
    "AGENCY_NAMES", "AUTHOR_LABEL", "BLOCK_TAGS", "CELL_TAGS", "CLOSE_PARENS", "COLONS", "CONTROLS", "EMBEDDED_TAGS",
    "EMBED_TAGS", "EM_TAGS", "EPOCH", "GALLERY_LABEL", "GALLERY_LABELS", "HIDDEN_TAGS", "HTML_SPACES", "IMAGE_CREDIT",
    "IMAGE_CREDIT_LABELS", "INLINE_TAGS", "INTERVIEWER", "MAX_ATTRIBUTES", "MAX_DEPTH", "MAX_LINK_TEXT", "MAX_TOPIC_NAME",
    "MEDIA_TAGS", "NAME_SEPARATORS",
    "NOTICE", "NOTICE_FIRSTS", "OPEN_PARENS", "RAW_TEXT_TAGS", "STRONG_TAGS", "TAG_PATTERN", "URL_LINE",
    "VOID_TAGS",
]  # fmt: skip

#: The start of Unix time, in UTC: the header comment counts from it.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

#: News agencies DW names, lower case: codes, and the stems of names ending in 社.
AGENCY_NAMES = frozenset(
    "afp ap dpa epd kna rtr reuters bloomberg efe epa ansa kyodo yonhap xinhua upi sid ddp bbc cnn dw "
    "路透 彭博 德国之声 德國之聲 美联 美聯 法新 德新 新华 新華 共同 韩联 韓聯 中央 中新 塔斯 俄新 安莎 埃菲".split()
)
#: The characters HTML counts as white space between tags and attributes.
HTML_SPACES = " \t\n\r\f"
#: A start or end tag: ``/`` or ``""``, and the name. Linear on any input:
#: the lookahead stops the name from backtracking into shorter names, and
#: ``[^<>]*`` (not ``[^>]*``) stops at the next tag.
TAG_PATTERN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[^A-Za-z0-9-])[^<>]*>")
#: A line that is nothing but a URL (a subscription line, not a heading).
URL_LINE = re.compile(r"(?:https?://|www\.)\S+")

#: The colons of labels: half-width and full-width.
COLONS = ":："
_COLON = "[" + COLONS + "]"

#: The label that opens a gallery heading, by script (to_markdown writes it back).
GALLERY_LABELS = {"zh": "相关图集", "zh-hant": "相關圖集"}
#: A gallery label with its colon and the spaces around it.
GALLERY_LABEL = re.compile("(?:" + "|".join(GALLERY_LABELS.values()) + f")[ \t]*{_COLON}[ \t]*")
#: The labels that start the credit of an image caption, by script.
IMAGE_CREDIT_LABELS = {"zh": "图像来源", "zh-hant": "圖片來源"}
#: An image credit label with its colon.
IMAGE_CREDIT = re.compile("(?:" + "|".join(IMAGE_CREDIT_LABELS.values()) + f")[ \t]*{_COLON}")
#: What DW's boilerplate notices say, a group per kind (FORMAT.md, "Notes
#: and boilerplate"): an invitation to follow or subscribe, and the
#: subscription lines after it; the opinion disclaimer; the note that a piece
#: is excerpted from other media and not DW's view; the feed service's footer.
NOTICE = re.compile(
    "(?P<promotion>(?:DW中文有Instagram|欢迎订阅|歡迎訂閱|欢迎关注|歡迎關注)"
    "|(?:Feed-URL|RSS-Feed|iTunes|Spotify|Apple Podcasts?|Google Podcasts?)[ \t]*" + _COLON + ")"
    "|(?P<disclaimer>德国之声致力于|德國之聲致力於)"
    "|(?P<editorial_note>[\\[［【（(]?(?:本文)?(?:摘编|摘編|摘译|摘譯|编译|編譯|转载|轉載|综合|綜合)[^。！？]{0,24}"
    "不代表德[国國]之[声聲])"
    "|(?P<feed>获取更多RSS|獲取更多RSS)"
)
#: The first characters of every notice (a quick test before the pattern).
NOTICE_FIRSTS = frozenset("D欢歡FRiSAG德本摘编編转轉综綜获獲[［【（(")
#: An interviewer's question (a paragraph, even when all of it is bold).
INTERVIEWER = re.compile(
    r"(?:(?:德国之声|德國之聲|DW|dw)(?:中文网|中文網|中文|记者|記者)?|问|問)[ \t\u00a0\u3000]*" + _COLON
)
#: The label before the names of an ``作者：…`` line.
AUTHOR_LABEL = re.compile(f"作者[ \t]*{_COLON}[ \t]*")
#: Characters that separate the names of several authors (a line break too).
NAME_SEPARATORS = ",，、;；\n"
#: Parentheses, full-width and half-width.
OPEN_PARENS = "（("
CLOSE_PARENS = "）)"

#: Control characters removed from text (a character reference such as
#: ``&#5;`` can make them), as a regular-expression class body.
CONTROLS = "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f"

#: Nesting deeper than this is flattened before lxml reads it (libxml2 drops
#: what lies deeper than 2048 levels, even with huge_tree).
MAX_DEPTH = 1000

#: Attributes read of one tag; more are dropped before lxml reads the body
#: (libxml2 takes time that grows with the square of their number).
MAX_ATTRIBUTES = 200
#: Characters of a topic tag's text kept as the topic's name: nested tags
#: would otherwise repeat the text of all those inside them.
MAX_TOPIC_NAME = 200
#: Characters of a link's text kept in ``links`` (its text stays whole in the
#: paragraph): links nested one in another would otherwise repeat the text of
#: all those inside them, and the output would grow with the square of the input.
MAX_LINK_TEXT = 200

#: Elements that may stand inside a paragraph and keep it a paragraph.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code del dfn em font i ins kbd label mark nobr q rp rt ruby s "
    "samp small span strike strong sub sup svg time tt u var wbr".split()
)
#: Elements that start a new line of text in plain text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "tbody tfoot thead tr ul".split()
)
#: Table cells: their texts stand on one line, a space apart.
CELL_TAGS = frozenset({"td", "th"})
#: Elements whose content is never visible text.
HIDDEN_TAGS = frozenset({"svg", "script", "style", "template", "noscript", "head"})
#: Elements whose content is raw text (no tags, no character references, as
#: libxml2 reads them): their text is written back unescaped.
RAW_TEXT_TAGS = frozenset({"script", "style", "iframe", "xmp", "noembed", "noframes"})
#: Elements that make text bold, and italic.
STRONG_TAGS = frozenset({"strong", "b"})
EM_TAGS = frozenset({"em", "i"})
#: Elements without content or end tag.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Elements that are an embed block of their own.
EMBED_TAGS = frozenset({"video", "audio", "iframe"})
#: Elements that show something without text; never dropped.
MEDIA_TAGS = EMBED_TAGS | frozenset({"img", "embed", "object"})
#: Elements that are content even when empty.
EMBEDDED_TAGS = MEDIA_TAGS | frozenset({"canvas", "hr", "input", "picture", "source", "svg"})
