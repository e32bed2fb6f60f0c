"""Scan a running portal's public pages for the security headers (issue #12; run by .ci/run).

    .venv/bin/python .ci/koppen.py http://127.0.0.1:8000

Every request carries ``X-Forwarded-Proto: https``, as nginx sends it. Every answer must carry
a Content-Security-Policy without ``unsafe-inline`` for scripts and styles, HSTS for a year,
the referrer policy, ``X-Frame-Options: DENY``, ``nosniff`` and the cross-origin opener
policy (static files: the CSP's ``frame-ancestors`` instead of ``X-Frame-Options``); every
cookie must be ``Secure`` and ``HttpOnly``. Prints one line per page and exits
non-zero when something is missing.
"""

import http.client
import re
import sys
from urllib.parse import urlsplit

PADEN = [
    "/",
    "/nieuws/",
    "/aanbod/",
    "/aanbod/?pijler=onbekend&van=2026-13-45",
    "/aanbod/kalender.ics",
    "/locaties/",
    "/vraag/",
    "/nieuwsbrief/",
    "/over/",
    "/huisstijl.css",
    "/robots.txt",
    "/sitemap.xml",
    "/bestaat-niet/",
    "/accounts/login/",
    "/admin/login/",
    "/healthz",
    "/api/v1/gemeenten",
    "/api/v1/openapi.json",
]
# Found on the pages above: one activity, one place, one static file.
VOLGEN = {
    "/aanbod/": re.compile(r'href="(/aanbod/[a-z0-9-]+/)"'),
    "/locaties/": re.compile(r'href="(/locaties/[a-z0-9-]+/)"'),
    "/": re.compile(r'href="(/static/[^"]+\.css)"'),
}


def controleer(koppen: http.client.HTTPMessage, pad: str) -> list[str]:
    fout = []
    csp = koppen.get("Content-Security-Policy", "")
    richtlijnen = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    stijl_ok = pad.startswith("/admin/") or "'unsafe-inline'" not in richtlijnen.get(
        "style-src", []
    )
    if not csp:
        fout.append("no Content-Security-Policy")
    elif "'unsafe-inline'" in richtlijnen.get("script-src", ["'unsafe-inline'"]) or not stijl_ok:
        fout.append(f"CSP allows inline code: {csp}")
    elif richtlijnen.get("frame-ancestors") != ["'none'"]:
        fout.append("CSP without frame-ancestors 'none'")
    hsts = re.search(r"max-age=(\d+)", koppen.get("Strict-Transport-Security", ""))
    if not hsts or int(hsts.group(1)) < 31536000:
        fout.append("no HSTS of a year")
    verwacht = {
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if pad.startswith("/static/"):
        # WhiteNoise answers before Django's clickjacking middleware; the CSP's
        # frame-ancestors 'none' (checked above) already forbids framing.
        del verwacht["X-Frame-Options"]
    for naam, waarde in verwacht.items():
        if koppen.get(naam, "").lower() != waarde.lower():
            fout.append(f"{naam} is {koppen.get(naam)!r}, not {waarde!r}")
    for cookie in koppen.get_all("Set-Cookie") or []:
        kenmerken = {k.strip().lower() for k in cookie.split(";")[1:]}
        naam = cookie.split("=", 1)[0]
        if "secure" not in kenmerken or "httponly" not in kenmerken:
            fout.append(f"cookie {naam} is not Secure and HttpOnly")
    return fout


def main(basis: str) -> int:
    delen = urlsplit(basis)
    verbinding = http.client.HTTPConnection(delen.hostname, delen.port or 80, timeout=30)
    paden, gezien, fouten = list(PADEN), set(), 0
    while paden:
        pad = paden.pop(0)
        if pad in gezien:
            continue
        gezien.add(pad)
        verbinding.request("GET", pad, headers={"X-Forwarded-Proto": "https"})
        antwoord = verbinding.getresponse()
        inhoud = antwoord.read().decode("utf-8", "replace")
        if pad in VOLGEN and (gevonden := VOLGEN[pad].search(inhoud)):
            paden.append(gevonden.group(1))
        fout = controleer(antwoord.headers, pad)
        fouten += bool(fout)
        print(f"  {antwoord.status} {pad:<45} {'; '.join(fout) or 'all headers present'}")
    print(f"{len(gezien)} answers scanned, {fouten} with a header missing")
    return 1 if fouten else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1]))
