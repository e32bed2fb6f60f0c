"""gunicorn's access log hides the key of a personal link (hvk/gunicorn_log.py)."""

import datetime as dt
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from hvk.gunicorn_log import MaskerendeLogger, verbergen


@pytest.mark.parametrize(
    ("pad", "gelogd"),
    [
        ("/aanbod/inschrijving/eyJpIjo0Mn0:1tX:abc/", "/aanbod/inschrijving/***/"),
        (
            "/aanbod/inschrijving/eyJpIjo0Mn0:1tX:abc/?annuleren=1",
            "/aanbod/inschrijving/***/?annuleren=1",
        ),
        ("/nieuwsbrief/bevestigen/MTI:1tX:xyz/", "/nieuwsbrief/bevestigen/***/"),
        ("/nieuwsbrief/uitschrijven/MTI:1tX:xyz/", "/nieuwsbrief/uitschrijven/***/"),
        ("/accounts/password/reset/key/3-abc-def/", "/accounts/password/reset/key/***/"),
        ("/aanbod/speelgroep/", "/aanbod/speelgroep/"),
        ("/aanbod/inschrijving/", "/aanbod/inschrijving/"),
    ],
)
def test_de_sleutel_van_een_persoonlijke_link_wordt_verborgen(pad, gelogd):
    assert verbergen(pad) == gelogd


def test_de_logger_verbergt_hem_in_de_aanvraag_en_de_referer():
    logger = MaskerendeLogger(Config())
    geheim = "/aanbod/inschrijving/eyJpIjo0Mn0:1tX:abc/"
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": geheim,
        "PATH_INFO": geheim,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://huis.example{geheim}",
        "HTTP_USER_AGENT": "test",
        "REMOTE_ADDR": "127.0.0.1",
    }
    req = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    resp = SimpleNamespace(status="303 See Other", response_length=0, sent=0, headers=[])

    atoms = logger.atoms(resp, req, environ, dt.timedelta(milliseconds=5))

    regel = " ".join(str(v) for v in atoms.values())
    assert "eyJpIjo0Mn0" not in regel
    assert "/aanbod/inschrijving/***/" in atoms["r"]
    assert atoms["f"] == "https://huis.example/aanbod/inschrijving/***/"
