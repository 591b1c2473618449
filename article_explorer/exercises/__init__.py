"""The self-checking exercises of the notebooks, one module per notebook, on :mod:`.base`."""
