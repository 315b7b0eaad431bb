"""backmap's own colour themes: dark (the default), light and high contrast.

Textual derives many colours from a few, and some of its own themes give key
hints or unfocused borders too little contrast. So every colour a widget reads
is set here by hand, from one small palette per theme. tests/test_contrast.py
checks each pair against WCAG: text 4.5:1 (7:1 in high contrast), borders,
focus and key hints 3:1.
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT = "backmap-dark"


def _theme(
    name: str,
    *,
    dark: bool,
    background: str,
    surface: str,
    panel: str,
    foreground: str,
    muted: str,
    primary: str,
    on_primary: str,
    focus: str,
    on_focus: str,
    blurred: str,
    selection: str,
    on_selection: str,
    heading: str,
    hover: str,
    error: str,
    success: str,
    warning: str,
) -> Theme:
    """One theme, with every variable a widget reads set from the palette."""
    variables = {
        # Text
        "text": foreground,
        "text-muted": muted,
        "text-disabled": muted,
        "text-primary": heading,
        "text-secondary": heading,
        "text-accent": focus,
        "text-error": error,
        "text-success": success,
        "text-warning": warning,
        "foreground-muted": muted,
        "foreground-disabled": muted,
        # Borders and focus
        "border": focus,
        "border-blurred": blurred,
        "surface-active": surface,
        "block-cursor-foreground": on_focus,
        "block-cursor-background": focus,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": on_selection,
        "block-cursor-blurred-background": selection,
        "block-cursor-blurred-text-style": "none",
        "block-hover-background": hover,
        "input-cursor-foreground": background,
        "input-cursor-background": foreground,
        "input-cursor-text-style": "none",
        "input-selection-foreground": on_selection,
        "input-selection-background": selection,
        # Footer: key hints
        "footer-foreground": foreground,
        "footer-background": panel,
        "footer-key-foreground": focus,
        "footer-description-foreground": foreground,
        # Buttons
        "button-foreground": foreground,
        "button-color-foreground": on_primary,
        "button-focus-text-style": "bold reverse",
        # Scroll bars
        "scrollbar": blurred,
        "scrollbar-hover": muted,
        "scrollbar-active": focus,
        "scrollbar-background": background,
        "scrollbar-background-hover": background,
        "scrollbar-background-active": background,
        "scrollbar-corner-color": background,
        # Links and headings
        "link-color": foreground,
        "link-color-hover": on_focus,
        "link-background-hover": focus,
        "markdown-h1-color": heading,
        "markdown-h2-color": heading,
        "markdown-h3-color": heading,
        "markdown-h4-color": foreground,
        "markdown-h5-color": foreground,
        "markdown-h6-color": muted,
        # Selected text anywhere on the screen
        "screen-selection-foreground": on_selection,
        "screen-selection-background": selection,
    }
    return Theme(
        name=name,
        dark=dark,
        primary=primary,
        secondary=primary,
        accent=focus,
        warning=warning,
        error=error,
        success=success,
        foreground=foreground,
        background=background,
        surface=surface,
        panel=panel,
        variables=variables,
    )


THEMES: dict[str, Theme] = {
    theme.name: theme
    for theme in (
        _theme(
            "backmap-dark",
            dark=True,
            background="#121212",
            surface="#1e1e1e",
            panel="#262626",
            foreground="#f0f0f0",
            muted="#b8b8b8",
            primary="#1f5fa8",
            on_primary="#ffffff",
            focus="#ffd75f",
            on_focus="#121212",
            blurred="#707070",
            selection="#3a5f8a",
            on_selection="#ffffff",
            heading="#8cc4ff",
            hover="#333333",
            error="#ff8a80",
            success="#7fd88f",
            warning="#ffd75f",
        ),
        _theme(
            "backmap-light",
            dark=False,
            background="#fafafa",
            surface="#ffffff",
            panel="#e8e8e8",
            foreground="#1a1a1a",
            muted="#4d4d4d",
            primary="#0b4f9c",
            on_primary="#ffffff",
            focus="#0a3a75",
            on_focus="#ffffff",
            blurred="#8a8a8a",
            selection="#cfe3ff",
            on_selection="#1a1a1a",
            heading="#0b4f9c",
            hover="#e0e0e0",
            error="#b00020",
            success="#1b6e2a",
            warning="#7a4f00",
        ),
        _theme(
            "backmap-high-contrast",
            dark=True,
            background="#000000",
            surface="#000000",
            panel="#000000",
            foreground="#ffffff",
            muted="#ffffff",
            primary="#ffff00",
            on_primary="#000000",
            focus="#ffff00",
            on_focus="#000000",
            blurred="#808080",
            selection="#00ffff",
            on_selection="#000000",
            heading="#ffff00",
            hover="#333333",
            error="#ff8080",
            success="#80ff80",
            warning="#ffff00",
        ),
    )
}
"""Every theme backmap ships, by name."""

ORDER: list[str] = ["backmap-dark", "backmap-light", "backmap-high-contrast"]
"""The order the theme key steps through."""


def next_theme(name: str) -> str:
    """The theme after `name` in ORDER; the default for an unknown name."""
    if name not in ORDER:
        return DEFAULT
    return ORDER[(ORDER.index(name) + 1) % len(ORDER)]
