"""What a family posts on the registration form, shared by the load generator and the counter."""


def inschrijving_gegevens(*, woonplaats: str, email: str) -> dict[str, str]:
    """One adult and a child of a year, consent given, the honeypot (``website``) left empty."""
    return {
        "naam": "Bench Gezin",
        "email": email,
        "telefoon": "",
        "woonplaats": woonplaats,
        "volwassenen": "1",
        "kind_1": "12",
        "opmerking": "",
        "wachtlijst": "on",
        "toestemming": "on",
        "website": "",
    }
