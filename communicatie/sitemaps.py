"""sitemap.xml: the public pages that search engines should find, on the main host."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from aanbod.models import Activiteit
from communicatie import selectors
from communicatie.models import Editie, Pagina
from gemeenten.models import Gemeente
from locaties.models import Locatie


class HoofddomeinSitemap(Sitemap):
    """Every URL on ``https://<HVK_HOOFDDOMEIN>``, or on the request's host without it."""

    def get_domain(self, site=None):
        return settings.HVK_HOOFDDOMEIN or super().get_domain(site)

    def get_protocol(self, protocol=None):
        return "https" if settings.HVK_HOOFDDOMEIN else super().get_protocol(protocol)


class VastePaginaSitemap(HoofddomeinSitemap):
    priority = 1.0
    changefreq = "daily"

    def items(self):
        return ["home", "nieuws", "nieuwsbrief", "nieuwsbrief_archief"]

    def location(self, item):
        return reverse(item)


class DeurSitemap(HoofddomeinSitemap):
    priority = 0.9
    changefreq = "daily"

    def items(self):
        return Gemeente.objects.order_by("naam")

    def location(self, item):
        return reverse("gemeente", kwargs={"slug": item.slug})


class ActiviteitSitemap(HoofddomeinSitemap):
    changefreq = "weekly"

    def items(self):
        return Activiteit.objects.gepubliceerd().order_by("slug")

    def location(self, item):
        return reverse("aanbod:detail", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.gewijzigd


class LocatieSitemap(HoofddomeinSitemap):
    changefreq = "weekly"

    def items(self):
        return Locatie.objects.order_by("slug")

    def location(self, item):
        return reverse("locaties:detail", kwargs={"slug": item.slug})


class NieuwsSitemap(HoofddomeinSitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.gepubliceerd_nieuws()

    def location(self, item):
        return reverse("nieuwsbericht", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.publicatiedatum


class NieuwsbriefSitemap(HoofddomeinSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Editie.objects.in_archief()

    def location(self, item):
        return reverse("nieuwsbrief_editie", kwargs={"slug": item.slug})


class PaginaSitemap(HoofddomeinSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Pagina.objects.order_by("soort")

    def location(self, item):
        return reverse(item.soort)

    def lastmod(self, item):
        return item.gewijzigd


SITEMAPS = {
    "start": VastePaginaSitemap,
    "gemeenten": DeurSitemap,
    "aanbod": ActiviteitSitemap,
    "locaties": LocatieSitemap,
    "nieuws": NieuwsSitemap,
    "nieuwsbrief": NieuwsbriefSitemap,
    "paginas": PaginaSitemap,
}
