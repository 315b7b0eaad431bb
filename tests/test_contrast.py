"""WCAG contrast for every backmap theme, computed from the colours Textual resolves.

Text needs 4.5:1 (7:1 in the high-contrast theme). Borders, focus, the cursor
and other things that are not words need 3:1. Footer key hints are words, so
they count as text here. Each pair is written out so a failure names it.
"""

from __future__ import annotations

from functools import cache

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Button, Footer, Input, OptionList, TextArea

from backmap.themes import DEFAULT, ORDER, THEMES, next_theme

HIGH_CONTRAST = "backmap-high-contrast"

# A background that is not a plain variable: the focused Input, TextArea and
# OptionList draw over $surface with `background-tint: $foreground 5%`.
FOCUSED_SURFACE = "focused surface"

TEXT_PAIRS: list[tuple[str, str]] = [
    # (text colour, background it sits on)
    ("foreground", "background"),
    ("foreground", "surface"),
    ("foreground", "panel"),
    ("foreground", FOCUSED_SURFACE),
    ("text", "background"),
    ("text", "surface"),
    ("text", "panel"),
    ("text-muted", "background"),
    ("text-muted", "surface"),
    ("text-muted", "panel"),
    ("text-disabled", "surface"),
    ("text-disabled", FOCUSED_SURFACE),
    ("text-primary", "background"),
    ("text-primary", "surface"),
    ("text-accent", "background"),
    ("text-accent", "panel"),
    ("text-error", "background"),
    ("text-error", "surface"),
    ("text-success", "background"),
    ("text-success", "surface"),
    ("text-warning", "background"),
    ("text-warning", "surface"),
    ("footer-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("footer-key-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("input-cursor-foreground", "input-cursor-background"),
    ("input-selection-foreground", "input-selection-background"),
    ("screen-selection-foreground", "screen-selection-background"),
    ("button-foreground", "surface"),
    ("button-color-foreground", "primary"),
    ("foreground", "block-hover-background"),
    ("link-color", "background"),
    ("link-color-hover", "link-background-hover"),
    ("markdown-h1-color", "background"),
    ("markdown-h2-color", "background"),
    ("markdown-h3-color", "background"),
    ("markdown-h4-color", "background"),
    ("markdown-h5-color", "background"),
    ("markdown-h6-color", "background"),
]

UI_PAIRS: list[tuple[str, str]] = [
    # (thing that is not text, what it sits next to)
    ("border", "background"),
    ("border", "surface"),
    ("border", "panel"),
    ("border-blurred", "background"),
    ("border-blurred", "surface"),
    ("border", "border-blurred"),  # focus also changes the border's colour
    ("block-cursor-background", "surface"),
    ("block-cursor-background", "background"),
    ("input-cursor-background", "surface"),
    ("input-cursor-background", FOCUSED_SURFACE),
    ("error", "surface"),  # the border of an answer with a problem
    ("scrollbar", "scrollbar-background"),
    ("scrollbar-hover", "scrollbar-background"),
    ("scrollbar-active", "scrollbar-background"),
]

# Variables each theme sets by hand, so nothing is left to generated shades.
EXPLICIT = sorted({name for pair in TEXT_PAIRS + UI_PAIRS for name in pair} - {FOCUSED_SURFACE})
EXPLICIT_FIELDS = ("foreground", "background", "surface", "panel", "primary", "accent", "error")


def relative_luminance(color: Color) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2.x contrast ratio, from 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def resolve(value: str, under: Color) -> Color:
    """A CSS colour value as Textual would paint it over `under`.

    Handles "#rrggbb", "#rrggbbaa", "auto" (Textual's automatic black or white)
    and a trailing alpha such as "auto 87%" or "#ffffff 50%".
    """
    parts = value.split()
    alpha = 1.0
    if len(parts) == 2 and parts[1].endswith("%"):
        alpha = float(parts[1][:-1]) / 100
    name = parts[0]
    if name == "auto":
        color = under.get_contrast_text(1.0)
    elif name == "transparent":
        return under
    else:
        color = Color.parse(name)
    color = color.multiply_alpha(alpha)
    return under.blend(color.with_alpha(1.0), color.a, alpha=1.0)


@cache
def theme_variables(name: str) -> dict[str, str]:
    """The CSS variables an App builds from the theme, the same way it does at run time."""
    app = App()
    for theme in THEMES.values():
        app.register_theme(theme)
    app.theme = name
    return app.get_css_variables()


def colour(variables: dict[str, str], name: str) -> Color:
    """One variable, resolved to an opaque colour."""
    background = Color.parse(variables["background"])
    if name == FOCUSED_SURFACE:
        surface = resolve(variables["surface"], background)
        return resolve(f"{variables['foreground']} 5%", surface)
    if name == "background":
        return background
    # Widgets sit on the screen background, so anything see-through is painted over it.
    return resolve(variables[name], background)


def ratio(theme: str, pair: tuple[str, str]) -> float:
    """The contrast of one pair in one theme."""
    variables = theme_variables(theme)
    first, second = pair
    return contrast_ratio(colour(variables, first), colour(variables, second))


def needed(theme: str, kind: str) -> float:
    """The smallest ratio allowed for text or other things in this theme."""
    if kind == "text":
        return 7.0 if theme == HIGH_CONTRAST else 4.5
    return 3.0


CASES = [
    pytest.param(theme, kind, pair, id=f"{theme}: {pair[0]} on {pair[1]}")
    for theme in ORDER
    for kind, pairs in (("text", TEXT_PAIRS), ("ui", UI_PAIRS))
    for pair in pairs
]


@pytest.mark.parametrize(("theme", "kind", "pair"), CASES)
def test_contrast(theme: str, kind: str, pair: tuple[str, str]) -> None:
    found = ratio(theme, pair)
    least = needed(theme, kind)
    assert found >= least, f"{theme}: {pair[0]} on {pair[1]} has contrast {found:.2f}:1, needs {least}:1"


def test_lowest_pairs_report() -> None:
    """Prints each theme's weakest text and non-text pair (run with -s to see it)."""
    for theme in ORDER:
        for kind, pairs in (("text", TEXT_PAIRS), ("ui", UI_PAIRS)):
            worst = min(pairs, key=lambda pair, theme=theme: ratio(theme, pair))
            found = ratio(theme, worst)
            print(f"{theme} {kind}: lowest is {worst[0]} on {worst[1]}, {found:.2f}:1")
            assert found >= needed(theme, kind)


@pytest.mark.parametrize("theme", ORDER)
def test_every_colour_is_set_by_hand(theme: str) -> None:
    chosen = THEMES[theme]
    missing = [name for name in EXPLICIT if name not in chosen.variables and name not in EXPLICIT_FIELDS]
    missing += [name for name in EXPLICIT_FIELDS if getattr(chosen, name) is None]
    assert not missing, f"{theme} leaves these to Textual: {missing}"


def test_theme_list() -> None:
    assert DEFAULT == "backmap-dark"
    assert list(THEMES) == ORDER
    assert set(ORDER) == {"backmap-dark", "backmap-light", "backmap-high-contrast"}
    assert all(name == theme.name for name, theme in THEMES.items())
    assert next_theme("backmap-dark") == "backmap-light"
    assert next_theme("backmap-light") == "backmap-high-contrast"
    assert next_theme("backmap-high-contrast") == "backmap-dark"
    assert next_theme("textual-dark") == DEFAULT


def test_resolve_alpha_and_auto() -> None:
    black = Color.parse("#000000")
    assert resolve("#ffffff", black) == Color.parse("#ffffff")
    assert resolve("transparent", black) == black
    assert resolve("auto", black) == Color.parse("#ffffff")
    half = resolve("#ffffff 50%", black)
    assert 126 <= half.r <= 128
    assert contrast_ratio(Color.parse("#ffffff"), black) == pytest.approx(21.0)
    assert contrast_ratio(Color.parse("#777777"), Color.parse("#ffffff")) == pytest.approx(4.48, abs=0.01)


class ThemeApp(App[None]):
    """A small app with the widgets backmap uses, to prove each theme's CSS works."""

    def __init__(self) -> None:
        super().__init__()
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = DEFAULT

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Your answer")
        yield TextArea("Some words")
        yield OptionList("One", "Two")
        yield Button("Next", variant="primary")
        yield Button("Back")
        yield Footer()


async def test_every_theme_is_selectable() -> None:
    app = ThemeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DEFAULT
        for name in [*ORDER, DEFAULT]:
            app.theme = name
            await pilot.pause()
            assert app.theme == name
            assert app.current_theme is THEMES[name]
            assert app.screen.styles.background == Color.parse(THEMES[name].background or "")
