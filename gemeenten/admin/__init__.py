"""Admin of the partnership, one module per topic."""

from gemeenten.admin import gemeente  # noqa: F401
