"""The geo layer: distances and circles on the sphere, and country boundaries.

Which boundary files there are, and which one a dataset is drawn on, is the data layer's
(:mod:`article_explorer.data.boundaries`).

The boundaries are built and simplified once by ``scripts/build_geo.py``; this layer only reads them.
"""
