"""The data layer: the contract, EDTF dates, validation, loading, and queries over a loaded dataset.

Pure Python and pandas; nothing here draws or imports a widget.
"""
