"""The explorers: one module or small subpackage each, pure figure builders first, then the widget.

An explorer imports the data, geo and ui layers, never another explorer.
"""
