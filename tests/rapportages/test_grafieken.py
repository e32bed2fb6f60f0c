"""The charts' geometry, worked out by hand: a fixed 360-wide drawing that the page scales.

Bars: labels up to x=104, bars from 104 to 296 (192 wide for the top of the scale), room for
the value after. Line chart: 360 by 230, plot from x=46 to 346 and from y=14 (top) to 202
(zero hours); month m ends at x = 46 + 300 * m / 12.
"""

from decimal import Decimal

import pytest
from django.utils import translation

from rapportages.grafieken import (
    Groep,
    Maat,
    Punt,
    mooie_schaal,
    staafgrafiek,
    standaard_opmaak,
    urenlijn,
)


@pytest.fixture(autouse=True)
def _nederlands():
    with translation.override("nl-be"):
        yield


@pytest.mark.parametrize(
    ("maximum", "schaal"),
    [
        (75, (80, 20)),
        (100, (100, 25)),
        (1200, (1500, 500)),
        (3, (3, 1)),
        (0, (1, 0.25)),
        (66.7, (80, 20)),
    ],
)
def test_mooie_schaal(maximum, schaal):
    assert mooie_schaal(maximum) == pytest.approx(schaal)


def test_getallen_op_zijn_vlaams_en_afgerond():
    assert standaard_opmaak(Decimal("1234.56")) == "1.234,6"  # rounded, not cut off
    assert standaard_opmaak(Decimal("550.0")) == "550"
    assert standaard_opmaak(1500) == "1.500"
    assert standaard_opmaak(Decimal("0.25")) == "0,3"


def test_staven_op_een_schaal():
    grafiek = staafgrafiek(
        [
            Groep("A", [Maat("kinderen", 50, "50 %"), Maat("aanbod", 25, "25 %")]),
            Groep(
                "B",
                [Maat("kinderen", 50.0, "50 %"), Maat("aanbod", None, "geen gegevens")],
                markering="krijgt minder dan zijn aandeel",
                uitgelicht=True,
            ),
        ],
        minimum=10,
    )

    # 50 on a scale to 60 (steps of 20): 160 of the 192.
    a, b = grafiek.groepen
    assert [s.breedte for s in a.staven] == [160, 80]
    assert [s.tekst_x for s in a.staven] == [269, 189]
    assert [(r.positie, r.tekst) for r in grafiek.raster] == [
        (104, "0"),
        (168, "20"),
        (232, "40"),
        (296, "60"),
    ]
    # A group: its title (22), an optional flag line (20), a row per bar (22), a margin (10).
    assert (a.y, a.titel_y, [s.y for s in a.staven]) == (4, 19, [26, 48])
    assert (b.y, b.titel_y, b.markering_y, [s.y for s in b.staven]) == (80, 95, 115, [122, 144])
    assert (b.markering, b.uitgelicht, a.uitgelicht) == (
        "krijgt minder dan zijn aandeel",
        True,
        False,
    )
    assert b.icoon_punten == "4,116 11,104 18,116"
    leeg = b.staven[1]
    assert (leeg.leeg, leeg.breedte, leeg.tekst, leeg.tekst_x) == (True, 0, "geen gegevens", 109)
    assert (grafiek.raster_onder, grafiek.hoogte) == (176, 198)


def test_staven_zonder_waarden_hebben_toch_een_schaal():
    grafiek = staafgrafiek([Groep("A", [Maat("x", 0, "0")])])

    assert grafiek.groepen[0].staven[0].breedte == 0
    assert grafiek.raster[-1].tekst == "1"


def test_urenlijn_telt_alleen_volledige_maanden():
    uren = [Decimal(100)] * 5 + [Decimal(50), Decimal(999)] + [Decimal(0)] * 5

    grafiek = urenlijn(uren, uren_engagement=Decimal(1200), maanden_verstreken=6)

    # Scale: 1200 hours → steps of 500 up to 1500; 550 hours sit at 202 - 188 * 550 / 1500.
    assert [s.tekst for s in grafiek.y_raster] == ["0", "500", "1.000", "1.500"]
    assert grafiek.geleverd[0] == Punt(46, 202)
    assert grafiek.geleverd[-1] == Punt(196, 133.07)
    assert len(grafiek.geleverd) == 7  # July (999 hours so far) is not complete yet
    assert grafiek.toezegging == (Punt(46, 202), Punt(346, 51.6))
    assert grafiek.geleverd_punten.startswith("46,202 71,189.47 96,176.93")
    assert (grafiek.geleverd_totaal, grafiek.toezegging_jaar) == ("550", "1.200")
    assert [m.tekst for m in grafiek.maanden][:3] == ["jan", "feb", "mrt"]
    assert grafiek.maanden[0].positie == 58.5
    juni, juli = grafiek.rijen[5], grafiek.rijen[6]
    assert (juni.maand, juni.geleverd, juni.opgeteld, juni.toezegging) == (
        "juni",
        "50",
        "550",
        "600",
    )
    assert (juli.maand, juli.geleverd, juli.opgeteld, juli.toezegging) == ("juli", "", "", "700")


def test_urenlijn_voor_de_eerste_maand_voorbij_is():
    grafiek = urenlijn([Decimal(0)] * 12, uren_engagement=Decimal(600), maanden_verstreken=0)

    assert grafiek.laatste is None
    assert grafiek.geleverd == (Punt(46, 202),)
    assert all(r.geleverd == "" for r in grafiek.rijen)
    assert grafiek.rijen[-1].toezegging == "600"


def test_urenlijn_vraagt_twaalf_maanden():
    with pytest.raises(ValueError):
        urenlijn([Decimal(1)] * 11, uren_engagement=Decimal(1), maanden_verstreken=1)
