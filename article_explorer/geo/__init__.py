"""The geo layer: distances and circles on the sphere, and the country boundaries read from ``data/geo/``.

The boundaries are built and simplified once by ``scripts/build_geo.py``; this layer only reads them.
"""
