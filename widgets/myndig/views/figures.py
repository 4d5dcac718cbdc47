"""Shared matplotlib set-up so every figure in the kit looks and reads the same."""

from __future__ import annotations

# Figures are built on matplotlib's Figure directly, never through pyplot, so the kit neither
# changes the notebook's backend nor keeps figures alive in pyplot's global registry.
from matplotlib.figure import Figure

# Colours safe for the common colour-vision deficiencies (Okabe & Ito), always paired with a
# hatch pattern and a text label so colour is never the only carrier of meaning.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo")


def new_figure(width: float = 6.4, height: float = 3.2) -> Figure:
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure


def to_png(figure: Figure) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def figure_html(figure: Figure, alt_text: str) -> str:
    """The figure as an ``<img>`` with a real text alternative, for an ``HTML`` widget."""
    from base64 import b64encode
    from html import escape

    encoded = b64encode(to_png(figure)).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" alt="{escape(alt_text, quote=True)}" '
            'style="max-width:100%;height:auto">')
