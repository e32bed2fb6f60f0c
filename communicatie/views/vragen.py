"""The question form: ask, confirm."""
