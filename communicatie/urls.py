from django.contrib.sitemaps.views import sitemap
from django.urls import path

from communicatie.sitemaps import SITEMAPS
from communicatie.views import publiek, vragen

urlpatterns = [
    path("", publiek.home, name="home"),
    path("nieuws/", publiek.nieuws, name="nieuws"),
    path("nieuws/<slug:slug>/", publiek.nieuwsbericht, name="nieuwsbericht"),
    path("over/", publiek.pagina, {"soort": "over"}, name="over"),
    path("privacy/", publiek.pagina, {"soort": "privacy"}, name="privacy"),
    path(
        "toegankelijkheid/", publiek.pagina, {"soort": "toegankelijkheid"}, name="toegankelijkheid"
    ),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", publiek.robots, name="robots"),
    # The question form (communicatie/views/vragen.py).
    path("vraag/", vragen.vraag, name="vraag"),
    path("vraag/bedankt/", vragen.bedankt, name="vraag_bedankt"),
    # Last: a gemeente's door takes every /<slug>/ that no pattern above took.
    path("<slug:slug>/", publiek.gemeente, name="gemeente"),
]
