"""Light and dark themes: a Qt palette plus the colours of highlights and row status.

Every colour the views draw comes from the current :class:`Theme`, so a theme switch is one
call to :func:`apply_theme` followed by a repaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    highlight: str
    highlighted_text: str
    diff: str
    unmatched: str
    hover: str
    focus: str
    empty_hatch: str
    low_confidence: str
    mid_confidence: str
    high_confidence: str
    confirmed: str
    heat: str
    severities: tuple[tuple[str, str], ...]

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def severity_color(self, severity: str) -> QColor:
        return QColor(dict(self.severities).get(severity, self.muted))

    def confidence_color(self, confidence: float, confirmed: bool) -> QColor:
        """Green for confirmed rows; otherwise red → amber → calm as confidence grows."""
        if confirmed:
            return self.color("confirmed")
        low, mid, high = (
            self.color(n) for n in ("low_confidence", "mid_confidence", "high_confidence")
        )
        if confidence < 0.5:
            return _mix(low, mid, confidence / 0.5)
        return _mix(mid, high, (confidence - 0.5) / 0.5)

    def heat_color(self, value: float) -> QColor:
        """Overview colour for a divergence in [0, 1]; the square root lets small but real
        differences show."""
        return _mix(self.color("alternate"), self.color("heat"), max(0.0, min(1.0, value)) ** 0.5)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


LIGHT = Theme(
    name="light",
    window="#efefef",
    base="#ffffff",
    alternate="#f4f6f8",
    text="#1d1d1d",
    muted="#8a8a8a",
    button="#e6e6e6",
    highlight="#3874d8",
    highlighted_text="#ffffff",
    diff="#ffd98a",
    unmatched="#d0342c",
    hover="#e8f0fc",
    focus="#cfe0fa",
    empty_hatch="#d6d6d6",
    low_confidence="#e0524a",
    mid_confidence="#f2c14e",
    high_confidence="#e9eef2",
    confirmed="#7cc48a",
    heat="#d9730d",
    severities=(
        ("neutral", "#7a8aa0"),
        ("minor", "#2f8fd8"),
        ("major", "#e08a1e"),
        ("critical", "#c8242c"),
    ),
)

DARK = Theme(
    name="dark",
    window="#2b2d30",
    base="#1e1f22",
    alternate="#26282b",
    text="#e3e3e3",
    muted="#8c8f94",
    button="#3a3d41",
    highlight="#2f65ca",
    highlighted_text="#ffffff",
    diff="#7a5a12",
    unmatched="#ff6b61",
    hover="#2a3446",
    focus="#33476b",
    empty_hatch="#44474c",
    low_confidence="#c0443d",
    mid_confidence="#a7862d",
    high_confidence="#2f3338",
    confirmed="#3f8f51",
    heat="#f08c2e",
    severities=(
        ("neutral", "#8fa0b8"),
        ("minor", "#5aaef0"),
        ("major", "#f0a040"),
        ("critical", "#ff5a5f"),
    ),
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def palette(theme: Theme) -> QPalette:
    roles = QPalette.ColorRole
    result = QPalette()
    for role, name in (
        (roles.Window, "window"),
        (roles.WindowText, "text"),
        (roles.Base, "base"),
        (roles.AlternateBase, "alternate"),
        (roles.Text, "text"),
        (roles.Button, "button"),
        (roles.ButtonText, "text"),
        (roles.Highlight, "highlight"),
        (roles.HighlightedText, "highlighted_text"),
        (roles.ToolTipBase, "base"),
        (roles.ToolTipText, "text"),
        (roles.PlaceholderText, "muted"),
        (roles.BrightText, "highlighted_text"),
    ):
        result.setColor(role, theme.color(name))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, theme.color("muted"))
    return result


def apply_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette(theme))
