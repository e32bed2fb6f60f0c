"""gunicorn's access log without the secret part of personal links (deploy/gunicorn.conf.py).

A family's link to its registration, a subscriber's confirm and unsubscribe links and a
password-reset link carry a signed key in the path: whoever has the key can see, change or
cancel. A log line is read by more people and kept longer than a mail, so the key is written
as ``***``. The same goes for the Referer, which holds that path when the page links on.
"""

import re

from gunicorn.glogging import Logger

GEHEIME_PADEN = re.compile(
    r"(/(?:aanbod/inschrijving|nieuwsbrief/bevestigen|nieuwsbrief/uitschrijven"
    r"|accounts/password/reset/key)/)[^/?#\s\"]+"
)
VERBORGEN = r"\1***"


def verbergen(tekst: str) -> str:
    """``tekst`` with the key of every personal link replaced by ``***``."""
    return GEHEIME_PADEN.sub(VERBORGEN, tekst)


class MaskerendeLogger(Logger):
    """gunicorn's logger; every value a log format can name passes through ``verbergen``: the
    request line, the path, the Referer, and the headers and environment variables too."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            sleutel: verbergen(waarde) if isinstance(waarde, str) else waarde
            for sleutel, waarde in atoms.items()
        }
