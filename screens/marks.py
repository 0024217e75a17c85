"""The marks every screen shows user text with: category symbols and styles, the + / − signs.

The symbol and its word carry the meaning; the named style (screens/themes.py) is a second channel only.
"""

from __future__ import annotations

from hfs_tui.i18n import t
from hfs_tui.model import Category, Sign

CATEGORY_SYMBOL = {
    Category.STRENGTH: "+",
    Category.IMPROVEMENT: "−",
    Category.GOOD_EXAMPLE: "*",
    Category.LESSON: "!",
    Category.ACTION: ">",
    Category.NOTE: "·",
}
# Named styles that follow the theme (screens/themes.py): bold, in a colour readable on dark and light.
CATEGORY_STYLE = {category: f"hfs.{category.value}" for category in Category}

SIGN_SYMBOL = {Sign.PLUS: "+", Sign.MINUS: "−"}
SIGN_LABEL = {Sign.PLUS: "sign.plus", Sign.MINUS: "sign.minus"}
SIGN_STYLE = {Sign.PLUS: "hfs.plus", Sign.MINUS: "hfs.minus"}  # named styles that follow the theme


def category_label(category: Category) -> str:
    return t(f"category.{category.value}")
