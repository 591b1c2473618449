"""The exercises: the kinds of exercise and the answer books (:mod:`.base`), one module of
exercises per notebook, and the coding workbench and prediction review (:mod:`.coding`).
"""
