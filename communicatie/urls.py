from django.contrib.sitemaps.views import sitemap
from django.urls import path

from communicatie.sitemaps import SITEMAPS
from communicatie.views import flyer, nieuwsbrief, publiek, vragen
from hvk.paginacache import gecached


@gecached
def sitemap_xml(request, **kwargs):
    """Django's sitemap, kept in the page cache: at scale it lists tens of thousands of pages."""
    return sitemap(request, **kwargs)


urlpatterns = [
    path("", publiek.home, name="home"),
    path("nieuws/", publiek.nieuws, name="nieuws"),
    path("nieuws/<slug:slug>/", publiek.nieuwsbericht, name="nieuwsbericht"),
    path("over/", publiek.pagina, {"soort": "over"}, name="over"),
    path("privacy/", publiek.pagina, {"soort": "privacy"}, name="privacy"),
    path(
        "toegankelijkheid/", publiek.pagina, {"soort": "toegankelijkheid"}, name="toegankelijkheid"
    ),
    path("sitemap.xml", sitemap_xml, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", publiek.robots, name="robots"),
    path("huisstijl.css", publiek.huisstijl_css, name="huisstijl_css"),
    # The question form (communicatie/views/vragen.py).
    path("vraag/", vragen.vraag, name="vraag"),
    path("vraag/bedankt/", vragen.bedankt, name="vraag_bedankt"),
    # The newsletter (communicatie/views/nieuwsbrief.py).
    path("nieuwsbrief/", nieuwsbrief.inschrijven, name="nieuwsbrief"),
    path("nieuwsbrief/bedankt/", nieuwsbrief.bedankt, name="nieuwsbrief_bedankt"),
    path(
        "nieuwsbrief/bevestigen/<str:sleutel>/",
        nieuwsbrief.bevestigen,
        name="nieuwsbrief_bevestigen",
    ),
    path(
        "nieuwsbrief/uitschrijven/<str:sleutel>/",
        nieuwsbrief.uitschrijven,
        name="nieuwsbrief_uitschrijven",
    ),
    path("nieuwsbrief/archief/", nieuwsbrief.archief, name="nieuwsbrief_archief"),
    path("nieuwsbrief/archief/<slug:slug>/", nieuwsbrief.editie, name="nieuwsbrief_editie"),
    # The shared flyer (communicatie/views/flyer.py): the whole area, or one gemeente.
    path("flyer.pdf", flyer.flyer, name="flyer"),
    path("<slug:slug>/flyer.pdf", flyer.flyer_gemeente, name="flyer_gemeente"),
    # Last: a gemeente's door takes every /<slug>/ that no pattern above took.
    path("<slug:slug>/", publiek.gemeente, name="gemeente"),
]
