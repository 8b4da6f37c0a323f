"""Sphinx configuration for the dwparse documentation.

Build it from the project root (warnings are errors, every reference must
resolve, and every example runs)::

    .venv/bin/python -m sphinx -n -W --keep-going -b html docs docs/_build/html
    .venv/bin/python -m sphinx -n -W -b doctest docs docs/_build/doctest

Nothing here fetches anything over the network: no intersphinx.
"""

from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
# The real seed file, in ../shared/corpus beside a checkout (or an unpacked sdist).
SEED = ROOT.parent / "shared" / "corpus" / "seed-zh-69790970.md"
# Invented archive files, the README's sample and the recipes' fallback (examples/).
EXAMPLES = ROOT / "examples"
# The real archive files of the shared test data (144 files of DW's Chinese
# feed, 2020 to 2025, and their SOURCES.md): the recipes run on them when they
# are there, and on EXAMPLES otherwise (a clone on its own).
REAL = ROOT.parent / "shared" / "corpus" / "real"

# Document the working tree's package, also when dwparse is not installed.
sys.path.insert(0, str(ROOT / "src"))

import dwparse  # noqa: E402

# -- Project -------------------------------------------------------------------

project = "dwparse"
author = "dwparse developers"
copyright = "2026, dwparse developers"
version = release = dwparse.__version__

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# MyST: heading anchors let pages link to each other's sections as
# ``page.md#heading``.
myst_heading_anchors = 3

# -- autodoc ---------------------------------------------------------------------

# Types stay in the signatures; long signatures break one parameter per line,
# which keeps ``Article(...)`` and ``parse_many(...)`` readable.
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88
autodoc_member_order = "bysource"
# Write the two public unions by name instead of spelling out their members.
autodoc_type_aliases = {"Block": "dwparse.Block", "Inline": "dwparse.Inline"}


def _tidy_signature(
    app: object,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None]:
    """Print ``Block`` for an alias nested in a generic, as Sphinx prints it at the top.

    With ``autodoc_type_aliases``, Sphinx 9 writes an alias that stands inside
    another type (``tuple[Block, ...]`` in ``Article.__init__``) as
    ``TypeAliasForwardRef('dwparse.Block')``; this turns it back into the name.
    """

    def tidy(text: str | None) -> str | None:
        if text is None:
            return None
        return re.sub(r"TypeAliasForwardRef\('(?:\w+\.)*(\w+)'\)", r"\1", text)

    return tidy(signature), tidy(return_annotation)


# The two public unions are documented as data (``py:data``); Sphinx 8 (what
# pip gives Python 3.10) refers to them from signatures as classes.
_UNIONS = {"dwparse.Block", "dwparse.Inline"}


def _union_as_data(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a ``py:class`` reference to ``dwparse.Block``/``Inline`` to its ``py:data`` entry."""
    if node.get("refdomain") == "py" and node.get("reftype") == "class" and node.get("reftarget") in _UNIONS:
        domain = env.get_domain("py")
        return domain.resolve_xref(env, node["refdoc"], app.builder, "data", node["reftarget"], node, contnode)
    return None


def setup(app: Any) -> None:
    app.connect("autodoc-process-signature", _tidy_signature)
    app.connect("missing-reference", _union_as_data)


# -- Nitpicky references (-n) ---------------------------------------------------
# Every public dwparse name is documented in api.md, so references to it
# resolve. What remains are names in signatures that live outside this project:
# with no intersphinx (the docs build without network) there is no inventory
# for them to resolve against, so they are ignored here, one by one. typing,
# attrs and lxml names do not show up in the public signatures today; should
# one appear, add it here with its reason rather than a catch-all pattern.

nitpick_ignore = [
    # The standard library's aware times (Article.archived_at, published_at):
    # the attrs-generated __init__ signature names ``datetime.datetime``, the
    # attribute types (from the string annotations) plain ``datetime``.
    ("py:class", "datetime"),
    ("py:class", "datetime.datetime"),
    # parse_file(path: str | os.PathLike[str]) and parse_many's paths.
    ("py:class", "os.PathLike"),
    # collections.abc generics in parse_many's signature.
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    # parse_many's TypeVar: the type of the paths given, handed back unchanged
    # in each (path, article) pair. A TypeVar is not an object Sphinx can
    # document; api.md explains it in prose instead.
    ("py:class", "dwparse.batch.P"),
    # Article.blocks_of's TypeVar: the block class asked for, and the type of
    # the blocks handed back; explained in prose in api.md.
    ("py:class", "dwparse.model.article._B"),
]

# -- Doctest -----------------------------------------------------------------------

doctest_global_setup = f"""
import dwparse

# The real archive file shipped with the shared test data (../shared/corpus).
SEED = {str(SEED)!r}
# The invented example articles (examples/): a small archive for the recipes.
EXAMPLES = {str(EXAMPLES)!r}
# The real archive files (../shared/corpus/real), when they are there.
REAL = {str(REAL)!r}

# The recipes' archive: the real files, without their SOURCES.md, or the
# examples where they are missing. The recipes' checks hold for either.
def _archive_files(folder):
    import pathlib
    return sorted(str(path) for path in pathlib.Path(folder).glob("*.md") if path.name != "SOURCES.md")

CORPUS = _archive_files(REAL) or _archive_files(EXAMPLES)
del _archive_files

# A clean header, link title, underline and publication time: the examples on
# the construct pages append a body fragment to it.
HEAD = (
    "<!--1722165425000-->\\n"
    "[标题](https://www.dw.com/zh/x/a-1)\\n"
    "---\\n"
    "\\n"
    "<div><i>2024-07-28T11:07:48Z</i></div>"
)
"""
doctest_default_flags = (
    doctest.ELLIPSIS
    | doctest.IGNORE_EXCEPTION_DETAIL
    | doctest.DONT_ACCEPT_TRUE_FOR_1
    | doctest.NORMALIZE_WHITESPACE
)

# -- HTML ------------------------------------------------------------------------

html_theme = "furo"
html_title = f"dwparse {release}"
html_static_path: list[str] = []
