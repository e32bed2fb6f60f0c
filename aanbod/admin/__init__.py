"""Admin of the offer, one module per topic."""

from aanbod.admin import activiteit, bereik, inschrijving, moment  # noqa: F401
