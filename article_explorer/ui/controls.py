"""Small helpers for the explorers' controls, shared so that every list behaves the same way."""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_selection import _make_options

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

    ``value`` must be among the new options (``None`` needs the :data:`NO_CHOICE` option): keep
    a chosen value only if the new options still hold it.

    A value kept through the change stays chosen, with no notification at all:

    >>> box = widgets.Dropdown(options=[("— any —", NO_CHOICE), ("Minsk", "minsk")], value="minsk")
    >>> replace_options(box, [("— any —", NO_CHOICE), ("Lida", "lida"), ("Minsk", "minsk")], "minsk")
    >>> box.label, box.index
    ('Minsk', 2)
    >>> replace_options(box, [("— any —", NO_CHOICE), ("Lida", "lida")], None)
    >>> box.label
    '— any —'
    """
    target = NO_CHOICE if value is None else value
    full = _make_options(options)
    index = [option for _, option in full].index(target)
    # ipywidgets 8 moves a drop-down to its first option whenever its options change, unless the
    # widget is still being made; and setting back the value it had sends no change. So, for this
    # one step, it is "being made": the options change alone; then the index (what the browser
    # shows), the value and the label move to the value's place, each only if it changes.
    dropdown._initializing_traits_ = True
    try:
        dropdown.options = options
        dropdown.index = index
        dropdown.value = target
        dropdown.label = full[index][0]
    finally:
        dropdown._initializing_traits_ = False


#: How to choose several options in a list, said once for every list.
SEVERAL_HOWTO = "Click to keep one; Ctrl-click (⌘-click on a Mac) or Shift-click to keep several."


def choose_several(picker: widgets.SelectMultiple, howto: bool = True) -> widgets.VBox:
    """``picker`` with *All* and *None* buttons and a line on how to choose several options.

    A list with every option selected looks greyed out, as if disabled; the buttons say what
    it holds and get a learner back to "everything" in one click.

    >>> box = choose_several(multi_select("Status", ["past", "ongoing"]))
    >>> picker, buttons = box.children[1], box.children[2]  # under the line on how to choose several
    >>> buttons.children[1].click(); picker.value
    ()
    >>> buttons.children[0].click(); picker.value
    ('past', 'ongoing')
    """
    every = tuple(o[1] if isinstance(o, tuple) else o for o in picker.options)
    label = picker.description or "the list"
    select_all = widgets.Button(description="All", tooltip=f"Choose every option of {label}")
    select_none = widgets.Button(description="None", tooltip=f"Clear {label}")
    for button in (select_all, select_none):
        button.layout = widgets.Layout(width="auto", height="24px", padding="0 8px")
    select_all.on_click(lambda _: setattr(picker, "value", every))
    select_none.on_click(lambda _: setattr(picker, "value", ()))
    howto_line = widgets.HTML(
        f'<p class="ae-howto" title="{SEVERAL_HOWTO}">Ctrl-click or ⌘-click to choose several</p>'
    )
    parts = [howto_line] if howto else []
    box = widgets.VBox([*parts, picker, widgets.HBox([select_all, select_none])])
    box.layout.margin = "0 12px 4px 0"
    return box
