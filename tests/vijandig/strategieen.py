"""Hostile input for the public forms and lists, as hypothesis strategies.

A value is a ``str`` (which may hold lone surrogates) or ``bytes`` (which may be invalid
UTF-8); ``urlencoded`` and ``querystring`` turn pairs of them into what a browser, a robot or
``curl`` puts on the wire, so the application sees exactly those bytes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

# Put into the hostile HTML fragments: a page that shows it unescaped lets a visitor inject
# markup. The tests look for it in every HTML answer.
XSS_MERKTEKEN = "<hvk-xss"

STUURTEKENS = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u2028",
    "\u2029",
]
SQL = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE communicatie_vraag; --",
    "1' UNION SELECT email, password FROM accounts_gebruiker --",
    "'; SELECT pg_sleep(10); --",
    "%' AND 1=0 UNION SELECT NULL --",
    "\\'; --",
    "1/*comment*/OR/**/1=1",
    "' || (SELECT sqlite_version()) || '",
    "%",
    "_",
    "%%%%",
    "[a-z]*",
]
HTML = [
    f'{XSS_MERKTEKEN} onmouseover="alert(1)">',
    f'<script>alert("hvk")</script>{XSS_MERKTEKEN}>',
    f'"><{XSS_MERKTEKEN[1:]} src=x onerror=alert(1)>',
    f"'><{XSS_MERKTEKEN[1:]}>",
    f"</textarea>{XSS_MERKTEKEN}>",
    f"</title>{XSS_MERKTEKEN}>",
    "javascript:alert(1)",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "{% load static %}{% static 'x' %}",
    "${7*7}",
    "&lt;b&gt;&amp;",
    "<!--",
    "]]>",
    "\\u003c/script\\u003e",
]
UNICODE = [
    "\u202egnp.exe",
    "\u2066\u2067\u2068\u2069",
    "\u200b\u200c\u200d\ufeff",
    "👶🏽",
    "👨\u200d👩\u200d👧",
    "e\u0301" * 50,
    "Z̷̢̛a̵̡l̶g̷o̶",
    "مرحبا",
    "שלום",
    "你好",
    "İıŞş",
    "\uff11\uff12\uff13",  # full-width digits
    "٣٤",
    "\ufffd",
    "\uffff",
    "\U0010ffff",
    "\ue000",
    "ﷺ" * 20,
]
# Only for values this module encodes itself: a lone surrogate becomes invalid UTF-8.
SURROGATEN = ["\ud800", "\udfff", "a\udc80b", "\udbff\udfff"]
ONGELDIGE_BYTES = [
    b"\xff",
    b"\xfe\xff",
    b"\xc0\xaf",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80\x80\x80",
    b"caf\xe9",
    b"\x00",
]
GETALLEN = [
    "0",
    "-0",
    "-1",
    "-999999999999",
    "1.5",
    "1e308",
    "-1e308",
    "1e-308",
    "NaN",
    "inf",
    "-inf",
    "0x10",
    "1_000",
    " 7 ",
    "+7",
    "07",
    "٣",
    "\uff17",
    str(2**31),
    str(2**31 - 1),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    str(-(2**63) - 1),
    "9" * 30,
    "9" * 5000,
]
DATUMS = [
    "0000-00-00",
    "9999-12-31",
    "2026-02-30",
    "2025-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "0001-01-01",
    "1899-12-31",
    "1999-12-31",
    "2101-01-01",
    "10000-01-01",
    "-2026-01-01",
    "+002026-01-01",
    "2026-01-01T00:00:00",
    "2026-1-2",
    "31/12/9999",
    "29/02/2025",
    "00/00/0000",
    "32-01-2026",
    "2026/01/01",
    "\uff11\uff12/\uff10\uff13/\uff12\uff10\uff12\uff16",
    "today",
    "",
]


def toeval(draw, kans: float) -> bool:
    """True with about this chance. Not ``integers(0, 9) == 0``: hypothesis draws small
    integers far more often than others, so such a coin comes up much more often than said.
    A seeded ``Random`` (the seed is drawn, so the run stays reproducible) keeps the odds."""
    return draw(st.randoms(use_true_random=True)).random() < kans


@st.composite
def lange_tekst(draw) -> str:
    """A string of 10k to 1M characters: one character or a short piece repeated.

    A million is rare (about one in eight): a million multi-byte characters in a query string
    cost Django a second to decode, and the run must stay short.
    """
    stuk = draw(st.sampled_from(["a", "€", "👶", "\x00", " ", "<", "'", "a\u0301", "ab\n"]))
    lengte = 1_000_000 if toeval(draw, 0.125) else draw(st.sampled_from([10_000, 100_000]))
    return (stuk * lengte)[:lengte]


def fragment() -> st.SearchStrategy[str]:
    """One known-hostile piece of text; each kind as likely as the others."""
    return st.one_of(
        *(st.sampled_from(soort) for soort in (HTML, SQL, STUURTEKENS, UNICODE, GETALLEN, DATUMS))
    )


def vijandige_tekst(*, surrogaten: bool = True, lang: bool = True) -> st.SearchStrategy[str]:
    """Text a person would not type: fragments, random Unicode, mixed; sometimes very long."""
    willekeurig = st.text(max_size=40)
    stukken = [fragment(), willekeurig]
    if surrogaten:
        stukken.append(st.sampled_from(SURROGATEN))
    mengsel = st.lists(st.one_of(*stukken), min_size=1, max_size=6).map("".join)
    opties = [fragment(), willekeurig, mengsel]
    if lang:
        opties.append(lange_tekst())
    return st.one_of(*opties)


def vijandige_waarde(*, lang: bool = True) -> st.SearchStrategy[str | bytes]:
    """A value for a form field or a query parameter: hostile text or invalid UTF-8 bytes."""
    return st.one_of(
        # Markup and NUL each on their own: every page that shows a value back must escape it,
        # and PostgreSQL refuses a NUL in any text it is sent (a server error if one gets there).
        st.sampled_from(HTML),
        st.sampled_from(["\x00", "beerse\x00", "\x00" * 3, "1\x00"]),
        vijandige_tekst(lang=lang),
        st.sampled_from(ONGELDIGE_BYTES),
        st.binary(min_size=1, max_size=20),
    )


def getal() -> st.SearchStrategy[str]:
    """What arrives where a number is expected: huge, negative, float, or no number at all."""
    return st.one_of(
        st.sampled_from(GETALLEN),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    )


def datum() -> st.SearchStrategy[str]:
    """A date that does not exist, is out of range or is written in a strange way."""
    return st.one_of(
        st.sampled_from(DATUMS),
        st.dates().map(lambda d: d.isoformat()),
        st.builds(
            "{:04d}-{:02d}-{:02d}".format,
            st.integers(0, 99999),
            st.integers(-1, 99),
            st.integers(-1, 99),
        ),
    )


def vervalste_sleutel(echte: list[str]) -> st.SearchStrategy[str]:
    """A key for a signed link that we did not make: junk, or a real one tampered with."""

    def knoeien(sleutel: str, plaats: int, teken: str, soort: str) -> str:
        plaats %= len(sleutel)
        if soort == "vervang":
            return sleutel[:plaats] + teken + sleutel[plaats + 1 :]
        if soort == "invoegen":
            return sleutel[:plaats] + teken + sleutel[plaats:]
        if soort == "afkappen":
            return sleutel[:plaats]
        if soort == "verdubbelen":
            return sleutel + ":" + sleutel
        return sleutel.swapcase()

    getrokken = st.builds(
        knoeien,
        st.sampled_from(echte),
        st.integers(0, 200),
        st.sampled_from(["A", "-", "_", ":", "0", "=", "\x00", "é"]),
        st.sampled_from(["vervang", "invoegen", "afkappen", "verdubbelen", "hoofdletters"]),
    )
    return st.one_of(
        getrokken,
        vijandige_tekst(lang=False),
        st.sampled_from(["", ":", "::", "a:b:c", "e30:x", "eyJpIjoxfQ:abc", "." * 200]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:")
        .filter(bool)
        .map(lambda s: s[:250]),
        st.builds(lambda n: "A" * n, st.sampled_from([201, 5_000, 100_000])),
    )


def als_bytes(waarde: str | bytes) -> bytes:
    if isinstance(waarde, bytes):
        return waarde
    return waarde.encode("utf-8", "surrogatepass")


def procent(waarde: str | bytes) -> str:
    """Percent-encoded as a browser does; a very long value byte by byte (quicker, as valid)."""
    inhoud = als_bytes(waarde)
    if len(inhoud) > 10_000:
        return "%" + inhoud.hex("%")
    return quote_from_bytes(inhoud, safe="")


def urlencoded(paren: list[tuple[str | bytes, str | bytes]]) -> str:
    """A form body as a browser sends it (application/x-www-form-urlencoded), any bytes."""
    return "&".join(f"{procent(naam)}={procent(w)}" for naam, w in paren)


def querystring(paren: list[tuple[str | bytes, str | bytes]], *, rauw: bool = False) -> str:
    """QUERY_STRING as a WSGI server hands it to Django: the raw bytes, read as latin-1.

    Percent-encoded (what browsers send) or ``rauw``: the bytes as they are, '&' and '='
    inside a value included (what ``curl`` lets anyone send).
    """
    if not rauw:
        return urlencoded(paren)
    return b"&".join(als_bytes(naam) + b"=" + als_bytes(w) for naam, w in paren).decode("latin-1")


def pad_segment(waarde: str | bytes) -> str:
    """A value for one segment of a URL path, percent-encoded (a '/' inside it included)."""
    return procent(waarde) or "%20"


class Querystring(str):
    """A query string whose repr stays short in a failure report (it may be megabytes)."""

    def __repr__(self) -> str:
        if len(self) <= 300:
            return f"Querystring({str.__repr__(self)})"
        return f"Querystring({str.__repr__(self[:200])} ... {len(self)} tekens)"


KAPOTTE_PROCENTEN = ["%", "%%", "%zz", "%e2%82", "%c0%af", "%ed%a0%80", "%ff%fe", "%00", "%2", "+"]


@st.composite
def vijandige_querystring(draw, namen: list[str], *, waarden=None) -> Querystring:
    """A query string with the list's own parameters, each hostile or not, and sometimes
    unknown ones, a parameter given twice, broken percent-encoding or 1,001 fields.

    ``waarden`` maps a parameter to a strategy for its plausible values (a known slug, a
    valid date); half of the parameters with one get such a value, the rest a hostile one.
    """
    waarden = waarden or {}
    gekozen = draw(st.lists(st.sampled_from(namen), min_size=1, max_size=len(namen) + 2))
    paren = []
    for naam in gekozen:
        if naam in waarden and toeval(draw, 0.5):
            paren.append((naam, draw(waarden[naam])))
        else:
            paren.append((naam, draw(vijandige_waarde())))
    if toeval(draw, 0.3):
        onbekend = st.one_of(vijandige_tekst(lang=False), st.sampled_from(["", "page[]", "%"]))
        paren.append((draw(onbekend), draw(vijandige_waarde(lang=False))))
    if toeval(draw, 0.05):
        # More fields than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS).
        paren += [("x", "1")] * 1001
    tekst = querystring(paren, rauw=toeval(draw, 0.2))
    if toeval(draw, 0.2):
        tekst += "&" + draw(st.sampled_from(KAPOTTE_PROCENTEN))
    return Querystring(tekst)


# Request headers a robot may set on any page: a broken language, htmx's own headers.
@st.composite
def vijandige_headers(draw) -> dict:
    headers = {}
    if draw(st.booleans()):
        headers["HTTP_ACCEPT_LANGUAGE"] = (
            draw(
                st.one_of(
                    st.sampled_from(["*", "nl-BE;q=2", "xx-ZZ", "en;q=abc", ",,,", "nl" * 5000]),
                    vijandige_tekst(surrogaten=False, lang=False),
                )
            )
            .encode("utf-8")
            .decode("latin-1")
        )
    if draw(st.booleans()):
        headers["HTTP_HX_REQUEST"] = "true"
        if draw(st.booleans()):
            headers["HTTP_HX_HISTORY_RESTORE_REQUEST"] = "true"
        if draw(st.booleans()):
            headers["HTTP_HX_TARGET"] = (
                draw(vijandige_tekst(surrogaten=False, lang=False))
                .encode("utf-8")
                .decode("latin-1")
            )
    return headers


# --- Form submissions ----------------------------------------------------------------------


def zoals_django(waarde: str | bytes) -> str:
    """The value as Django hands it to the form: undecodable bytes become U+FFFD."""
    return als_bytes(waarde).decode("utf-8", "replace")


def kort(waarde) -> str:
    """A value's repr short enough for a failure report."""
    tekst = repr(waarde)
    return tekst if len(tekst) <= 80 else f"{tekst[:60]}... ({len(waarde)} tekens)"


@dataclass(repr=False)
class Inzending:
    """One POST of a form: the pairs on the wire, and what an outside rule says about them.

    ``zeker_ongeldig`` comes from the test's own rules (a required field left out, a phone
    number with letters), not from the form: a submission it marks must never be stored.
    """

    paren: list[tuple[str | bytes, str | bytes]]
    multipart: bool
    zeker_ongeldig: bool = False
    spam: bool = False

    def __repr__(self) -> str:
        # The failing example is printed: 1,001 fields or a million characters would bury it.
        velden = [f"{kort(naam)}: {kort(w)}" for naam, w in self.paren[:20]]
        if len(self.paren) > 20:
            velden.append(f"... {len(self.paren) - 20} velden meer")
        return (
            f"Inzending({{{', '.join(velden)}}}, multipart={self.multipart}, "
            f"zeker_ongeldig={self.zeker_ongeldig}, spam={self.spam})"
        )

    def _repr_pretty_(self, printer, cycle) -> None:
        # Hypothesis prints a failing example with its own printer; keep it short too.
        printer.text(repr(self))

    def gelezen(self) -> dict[str, list[str]]:
        """What the form receives: name to values, decoded as Django decodes them."""
        gelezen: dict[str, list[str]] = {}
        for naam, waarde in self.paren:
            gelezen.setdefault(zoals_django(naam), []).append(zoals_django(waarde))
        return gelezen

    def als_post(self) -> dict:
        """Keyword arguments for ``client.post``: multipart when it can, else urlencoded."""
        tekst = all(
            isinstance(d, str) and d == zoals_django(d) for paar in self.paren for d in paar
        )
        if self.multipart and tekst:
            data: dict[str, list[str]] = {}
            for naam, waarde in self.paren:
                data.setdefault(naam, []).append(waarde)
            return {"data": data}
        return {
            "data": urlencoded(self.paren),
            "content_type": "application/x-www-form-urlencoded",
        }


NEE = ["", "false", "False", "FALSE"]


def niet_aangevinkt(waarde: str | None) -> bool:
    """What Django's CheckboxInput reads as unticked: nothing, "" or "false" in any case.
    ("0" and "off" count as ticked there.)"""
    return waarde is None or waarde.lower() in ("", "false")


@st.composite
def inzending(
    draw,
    geldig: dict[str, str],
    vijandig: dict[str, st.SearchStrategy],
    ongeldig_als: Callable[[dict[str, list[str]]], bool],
    *,
    honingpot: str = "website",
) -> Inzending:
    """A valid submission with one to three fields made hostile, left out or sent twice.

    ``vijandig`` maps each field to the hostile values for it; ``ongeldig_als`` gets the
    decoded fields and says whether the form must refuse them, by the test's own rules.
    Sometimes an unknown field is added, and one in ten times the honeypot is filled.
    """
    data: dict[str | bytes, list[str | bytes]] = {naam: [w] for naam, w in geldig.items()}
    for veld in draw(
        st.lists(st.sampled_from(sorted(vijandig)), min_size=1, max_size=3, unique=True)
    ):
        actie = draw(st.sampled_from(["vervang", "vervang", "vervang", "weg", "dubbel"]))
        if actie == "weg":
            data.pop(veld, None)
        elif actie == "dubbel":
            data[veld] = [draw(vijandig[veld]), *data.get(veld, [""])]
        else:
            data[veld] = [draw(vijandig[veld])]
    if toeval(draw, 0.2):
        data.setdefault(draw(vijandige_tekst(lang=False)), []).append(
            draw(vijandige_waarde(lang=False))
        )
    spam = False
    if toeval(draw, 0.1):
        waarde = draw(vijandige_tekst(lang=False))
        data[honingpot] = [waarde]
        spam = bool(zoals_django(waarde).strip())
    paren = [(naam, w) for naam, waarden in data.items() for w in waarden]
    if toeval(draw, 0.03):
        # More fields than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS): a 400.
        paren += [("x", "1")] * 1001
    nieuw = Inzending(paren=paren, multipart=draw(st.booleans()), spam=spam)
    nieuw.zeker_ongeldig = ongeldig_als(nieuw.gelezen())
    return nieuw


# Addresses that pass a syntax check, or nearly: what a form must look at twice.
SLUWE_ADRESSEN = [
    '"\x01"@example.org',
    '"\x1b[31m"@example.org',
    '"a\\"b"@example.org',
    '"a b"@example.org',
    "a@exa\u00admple.org",
    "a@exa\u200bmple.org",
    "a@exam\u200dple.org",
    "a@\u202eexample.org",
    "a@[127.0.0.1]",
    "a@[IPv6:::1]",
    "a@xn--80ak6aa92e.com",
    "a@\u043c\u043e\u0439\u0434\u043e\u043c\u0435\u043d.\u0431\u0433",
    "\u00f6@\u00f6.be",
    "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "be",
    " ouder@example.org ",
    "\x1fouder@example.org\x1c",
    "OUDER@EXAMPLE.ORG",
    "a+b@example.org",
    "a@localhost",
]
GEEN_ADRESSEN = [
    "geen-apenstaart",
    "@example.org",
    "a@",
    "a@@example.org",
    "a@example..org",
    "a\x00@example.org",
    "a@example.org\r\nBcc: iedereen@example.org",
    "a@example.org\nCc: x@example.org",
    "a@" + "b" * 300 + ".be",
    "a" * 65 + "@example.org",
    "<script>@example.org",
    "a@example.org'--",
]


def email() -> st.SearchStrategy[str | bytes]:
    """E-mail addresses that are not one, or only just."""
    return st.one_of(
        st.sampled_from(SLUWE_ADRESSEN),
        st.sampled_from(GEEN_ADRESSEN),
        vijandige_waarde(),
        st.emails().map(str),
    )


def telefoon() -> st.SearchStrategy[str | bytes]:
    return st.one_of(
        st.sampled_from(
            [
                "0470 12 34 56",
                "+32 470 12 34 56",
                "0470/12.34-56",
                "12345",
                "++++++",
                "0470 12 34 56 ext 3",
                "0470\x0012 34 56",
                "0" * 31,
                "0" * 30,
                "٠٤٧٠١٢٣٤٥٦",
                "\uff10\uff14\uff17\uff10\uff11\uff12\uff13\uff14\uff15\uff16",
            ]
        ),
        getal(),
        vijandige_waarde(),
    )


def vinkje() -> st.SearchStrategy[str | bytes]:
    """A checkbox value: on, off, or something else."""
    return st.one_of(
        st.sampled_from(["on", "off", "true", "1", "0", *NEE]), vijandige_waarde(lang=False)
    )
