"""Small helpers for the explorers' controls, shared so that every list behaves the same way."""

from __future__ import annotations

import ipywidgets as widgets

#: The value of a drop-down's "— choose … —" option. Not ``None``: a drop-down whose value is set
#: to ``None`` shows a blank box in the browser instead of that option's label.
NO_CHOICE = ""


def multi_select(label: str, options: list, max_rows: int = 6) -> widgets.SelectMultiple:
    """A list with every option selected at first (so a learner who clears it sees nothing, and
    a plain message says so). ``options`` are values or (label, value) pairs."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    picker = widgets.SelectMultiple(
        options=options, value=tuple(values), description=label, rows=min(max_rows, max(2, len(values)))
    )
    picker.style.description_width = "initial"
    picker.layout.width = "auto"
    return picker


def replace_options(dropdown: widgets.Dropdown, options: list, value: object) -> None:
    """Give a drop-down new options and a value in one step, with one notification of the value;
    ``None`` chooses the :data:`NO_CHOICE` option.

    While notifications are held, the value is checked against the *old* options, so the
    drop-down must already hold ``value``, or hold :data:`NO_CHOICE` when ``value`` is ``None``:
    give it ``options=[("", NO_CHOICE)]`` when you create it, and keep ``value`` only if it is
    still among the new options.

    >>> box = widgets.Dropdown(options=[("— any —", NO_CHOICE), ("Minsk", "minsk")], value="minsk")
    >>> replace_options(box, [("— any —", NO_CHOICE), ("Lida", "lida")], None)
    >>> box.label
    '— any —'
    """
    with dropdown.hold_trait_notifications():
        dropdown.options = options
        dropdown.value = NO_CHOICE if value is None else value
