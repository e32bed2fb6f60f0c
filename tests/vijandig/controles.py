"""What a person must see when the site refuses their input: checks shared by the modules."""

import re
import unicodedata
from html import unescape

# The page Django's handler400 (hvk/fouten.py) shows for a request it refuses as suspicious
# (too many fields, too large a body).
TE_GROOT = "Deze aanvraag konden we niet verwerken"
# Every 404 page (templates/404.html) offers the way back.
NAAR_START = "Naar de startpagina"


def tekst(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, spaces collapsed."""
    html = response.content.decode("utf-8", "replace")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def fouten_getoond(response, titel: str) -> None:
    """The form came back with the list of problems above it, in Dutch, as an alert."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    lijst = re.search(
        r'<div class="alert alert-danger" id="fouten" role="alert".*?</div>', html, re.S
    )
    assert lijst, "no error summary on a refused form"
    assert titel in unescape(lijst.group(0))
    assert re.search(r"<li>.*?\S.*?</li>", lijst.group(0), re.S), "an empty error summary"


def geweigerd_met_uitleg(response, *meldingen: str) -> None:
    """A refusal with a heading and a Dutch explanation, never a bare status.

    A 400 is Django's refusal of the request itself (too many fields, too large a body) and
    shows ``TE_GROOT``; any other refusal shows one of ``meldingen`` (by default the 404's
    way back to the start page).
    """
    assert re.search(rb"<h1[\s>]", response.content), "an error page without a heading"
    gelezen = tekst(response)
    if response.status_code == 400:
        assert TE_GROOT in gelezen
    else:
        verwacht = meldingen or (NAAR_START,)
        assert any(melding in gelezen for melding in verwacht), (response.status_code, verwacht)


def zichtbaar_adres(email: str) -> bool:
    """An address without control or invisible formatting characters (Cc, Cf)."""
    return not any(unicodedata.category(teken) in ("Cc", "Cf") for teken in email)


def zichtbare_lengte(tekst: str) -> int:
    """How many characters of ``tekst`` any clean-up must keep: not whitespace, not a control
    or formatting character. Longer than a field's limit, the text is refused for sure."""
    return sum(
        1
        for teken in tekst
        if not teken.isspace() and unicodedata.category(teken) not in ("Cc", "Cf")
    )
