"""The ui layer: HTML rendering, controls, the plot view, cards, the page's style and the one theme.

Shared by every explorer and exercise; it knows the dataset but no explorer.
"""
