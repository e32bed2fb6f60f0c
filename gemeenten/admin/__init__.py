"""Admin of the partnership, one module per topic."""

from gemeenten.admin import (  # noqa: F401
    gemeente,
    groeimodel,
    organigram,
    partner,
    plan,
    visienota,
)
