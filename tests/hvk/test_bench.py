"""`make bench`: the table and the targets it prints, and the bare view it measures against.

Nothing here starts gunicorn or locust: the report is pure functions, the view a URL.
"""

import importlib.util
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import Resolver404, resolve

from bench.rapport import (
    CACHED,
    FOUT,
    GEEN_MODUS,
    GOED,
    INSCHRIJVEN,
    KAAL,
    ONBEKEND,
    RAPPORT,
    UNCACHED,
    Meting,
    aandeel_van_kaal,
    checklist_tekst,
    doelen,
    tabel_markdown,
    tabel_tekst,
)
from hvk import bench

URLS = Path(__file__).resolve().parents[2] / "hvk" / "urls.py"


def meting(pagina, schaal=1, modus=CACHED, per_seconde=100.0, p95=10.0, mislukt=0, queries=5):
    return Meting(
        pagina=pagina,
        schaal=schaal,
        modus=modus,
        per_seconde=per_seconde,
        p50=None if p95 is None else p95 / 2,
        p95=p95,
        mislukt=mislukt,
        queries=queries,
        locust_cpu=20.0,
    )


def kaal(schaal=1, per_seconde=1000.0):
    return meting(KAAL, schaal=schaal, modus=GEEN_MODUS, per_seconde=per_seconde, queries=0)


def doel_met(tekst_begin, lijst):
    return next(doel for doel in lijst if doel.tekst.startswith(tekst_begin))


# --- The share of the bare view -------------------------------------------------------------


def test_aandeel_vergelijkt_met_de_kale_view_van_dezelfde_schaal():
    metingen = [kaal(1, 1000.0), kaal(20, 500.0)]
    home_1 = meting("home", schaal=1, per_seconde=600.0)
    home_20 = meting("home", schaal=20, per_seconde=400.0)

    assert aandeel_van_kaal(home_1, metingen) == pytest.approx(60.0)
    assert aandeel_van_kaal(home_20, metingen) == pytest.approx(80.0)


def test_zonder_kale_view_is_er_geen_aandeel():
    home = meting("home", schaal=20)

    assert aandeel_van_kaal(home, [kaal(1)]) is None


# --- The table ------------------------------------------------------------------------------


def test_tabel_heeft_de_kolommen_in_volgorde_en_getallen_rechts():
    metingen = [kaal(1, 1234.56), meting("offer list", per_seconde=617.3, p95=12.0)]

    regels = tabel_tekst(metingen).splitlines()

    assert regels[0].split() == [
        "page",
        "scale",
        "mode",
        "req/s",
        "p50",
        "ms",
        "p95",
        "ms",
        "failures",
        "queries",
        "alone",
        "ms",
        "%",
        "of",
        "bare",
        "locust",
        "CPU",
        "%",
    ]
    kaal_regel, lijst_regel = regels[2], regels[3]
    assert kaal_regel.split()[:4] == ["bare", "view", "1", "-"]
    assert "1,234.6" in kaal_regel
    # Right-aligned: the figures of one column end at the same position.
    assert kaal_regel.index("1,234.6") + len("1,234.6") == lijst_regel.index("617.3") + len("617.3")
    assert lijst_regel.split()[-2:] == ["50", "20"]


def test_tabel_toont_de_tijd_van_een_aanvraag_alleen_in_zijn_eigen_kolom():
    uncached = meting("offer list", modus=UNCACHED, per_seconde=61.0, p95=300.0)
    uncached.alleen_ms = 37.4
    cached = meting("offer list", per_seconde=617.3)

    kop, _, regel_uncached, regel_cached = tabel_tekst([uncached, cached]).splitlines()[:4]

    kolom = kop.index("alone ms") + len("alone ms")
    assert regel_uncached[:kolom].endswith("37")
    assert regel_cached[:kolom].endswith("-")


def test_tabel_zet_een_lege_regel_tussen_de_schalen():
    regels = tabel_tekst([kaal(1), meting("home", 1), kaal(20), meting("home", 20)]).splitlines()

    assert regels[4] == ""
    assert len(regels) == 7


def test_markdowntabel_heeft_een_rij_per_meting():
    tabel = tabel_markdown([kaal(1), meting("home"), meting("home", modus=UNCACHED)])

    regels = tabel.splitlines()
    assert regels[0].startswith("| page | scale | mode | req/s |")
    assert len(regels) == 2 + 3
    assert regels[3].startswith("| home | 1 | cached |")


# --- The targets ----------------------------------------------------------------------------


def test_cached_pagina_onder_de_helft_van_de_kale_view_haalt_het_doel_niet():
    metingen = [
        kaal(1, 1000.0),
        meting("home", per_seconde=700.0),
        meting("news", per_seconde=450.0),
    ]

    doel = doel_met("cached public pages", doelen(metingen))

    assert doel.teken == FOUT
    assert "news 45.0%" in doel.tekst


def test_rapport_telt_niet_mee_als_cached_publieke_pagina():
    metingen = [
        kaal(1, 1000.0),
        meting("home", per_seconde=700.0),
        meting(RAPPORT, per_seconde=40.0),
    ]

    assert doel_met("cached public pages", doelen(metingen)).teken == GOED


def test_cached_paginas_boven_de_helft_halen_het_doel():
    metingen = [kaal(1, 1000.0), meting("home", per_seconde=500.0)]

    assert doel_met("cached public pages", doelen(metingen)).teken == GOED


def test_p95_op_schaal_20_telt_voor_uncached_paginas_en_het_rapport():
    metingen = [
        kaal(20),
        meting("home", schaal=20, modus=CACHED, p95=400.0),
        meting("home", schaal=20, modus=UNCACHED, p95=140.0),
        meting(RAPPORT, schaal=20, modus=CACHED, p95=151.0),
    ]

    doel = doel_met("uncached public pages", doelen(metingen))

    assert doel.teken == FOUT
    assert "report overview cached 151 ms" in doel.tekst
    assert "home" not in doel.tekst.split("over:")[1]


def test_pagina_die_niet_onder_belasting_kon_haalt_het_p95_doel_niet():
    metingen = [
        meting("home", schaal=20, modus=UNCACHED, p95=100.0),
        meting("offer list", schaal=20, modus=UNCACHED, per_seconde=0.0, p95=None),
    ]

    doel = doel_met("uncached public pages", doelen(metingen))

    assert doel.teken == FOUT
    assert "slowest offer list (no p95" in doel.tekst


def test_zonder_schaal_20_zijn_de_schaaldoelen_niet_gemeten():
    lijst = doelen([kaal(1), meting("home")])

    assert doel_met("uncached public pages", lijst).teken == ONBEKEND
    assert doel_met("every page: p95", lijst).teken == ONBEKEND
    assert doel_met("every page: the same query count", lijst).teken == ONBEKEND


def test_p95_die_meer_dan_anderhalf_keer_groeit_haalt_het_doel_niet():
    metingen = [
        meting("home", schaal=1, p95=10.0),
        meting("home", schaal=20, p95=15.0),
        meting("news", schaal=1, p95=10.0),
        meting("news", schaal=20, p95=16.0),
    ]

    doel = doel_met("every page: p95", doelen(metingen))

    assert doel.teken == FOUT
    assert "news cached 10 -> 16 ms (1.60x)" in doel.tekst
    assert "home cached 10" not in doel.tekst


def test_een_ander_aantal_queries_op_schaal_20_haalt_het_doel_niet():
    metingen = [
        meting("home", schaal=1, queries=12),
        meting("home", schaal=20, queries=12),
        meting("activity", schaal=1, queries=13),
        meting("activity", schaal=20, queries=14),
    ]

    doel = doel_met("every page: the same query count", doelen(metingen))

    assert doel.teken == FOUT
    assert "activity 13 -> 14" in doel.tekst
    assert "home" not in doel.tekst


@pytest.mark.parametrize(
    ("per_seconde", "mislukt", "teken"),
    [(120.0, 0, GOED), (99.0, 0, FOUT), (150.0, 1, FOUT)],
)
def test_inschrijvingen_vragen_honderd_per_seconde_zonder_fout(per_seconde, mislukt, teken):
    metingen = [meting(INSCHRIJVEN, modus=GEEN_MODUS, per_seconde=per_seconde, mislukt=mislukt)]

    assert doel_met("registration POST", doelen(metingen)).teken == teken


def test_checklist_heeft_een_teken_per_doel():
    lijst = doelen([kaal(1), meting("home", mislukt=3)])

    regels = checklist_tekst(lijst).splitlines()

    assert len(regels) == len(lijst)
    assert regels[-1] == f"{FOUT} no failed requests in any run (failed: home cached @1: 3)"


# --- The bare view --------------------------------------------------------------------------


@pytest.fixture
def urlconf(settings, monkeypatch):
    """Load the root URLconf afresh with HVK_BENCH on or off, as a process would start."""
    # Loading hvk/urls.py wraps the admin login once more; the original comes back after.
    monkeypatch.setattr(admin.site, "login", admin.site.login)

    def laden(aan: bool) -> None:
        settings.HVK_BENCH = aan
        naam = f"tests_hvk_urls_bench_{'aan' if aan else 'uit'}"
        spec = importlib.util.spec_from_file_location(naam, URLS)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        monkeypatch.setitem(sys.modules, naam, module)
        settings.ROOT_URLCONF = naam

    return laden


def test_kale_view_bestaat_met_hvk_bench(urlconf, client, db):
    urlconf(True)

    assert resolve("/bench/kaal/").func is bench.kaal
    antwoord = client.get("/bench/kaal/")
    assert antwoord.status_code == 200
    assert antwoord.content == b"ok"


def test_kale_view_bestaat_niet_zonder_hvk_bench(urlconf, client, db):
    urlconf(False)

    with pytest.raises(Resolver404):
        resolve("/bench/kaal/")
    assert client.get("/bench/kaal/").status_code == 404
