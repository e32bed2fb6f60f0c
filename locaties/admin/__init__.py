"""Admin of the places of the Huis, one module per topic."""

from locaties.admin import locatie, mobiel  # noqa: F401
