"""List filters that the admins of places share."""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from locaties.models import Openingsuur

KOMEND, VOORBIJ, ALLE = "komend", "voorbij", "alle"


def uitzonderingen_komend(queryset, vandaag=None):
    """Exceptions whose last day is today or later."""
    vandaag = vandaag or timezone.localdate()
    return queryset.alias(_laatste=Coalesce("tot", "van")).filter(_laatste__gte=vandaag)


def uitzonderingen_voorbij(queryset, vandaag=None):
    vandaag = vandaag or timezone.localdate()
    return queryset.alias(_laatste=Coalesce("tot", "van")).filter(_laatste__lt=vandaag)


class WanneerFilter(admin.SimpleListFilter):
    """Upcoming by default: a coordinator plans ahead, and the past stays one click away."""

    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [(KOMEND, _("Komend")), (VOORBIJ, _("Voorbij")), (ALLE, _("Alle"))]

    def gekozen(self):
        return self.value() or KOMEND

    def choices(self, changelist):
        # No "Alle" entry from Django: without a parameter this filter means "komend".
        for waarde, label in self.lookup_choices:
            yield {
                "selected": self.gekozen() == waarde,
                "query_string": changelist.get_query_string({self.parameter_name: waarde}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.gekozen() == KOMEND:
            return self.komend(queryset)
        if self.gekozen() == VOORBIJ:
            return self.voorbij(queryset)
        return queryset

    def komend(self, queryset):
        raise NotImplementedError

    def voorbij(self, queryset):
        raise NotImplementedError


class UitzonderingWanneerFilter(WanneerFilter):
    def komend(self, queryset):
        return uitzonderingen_komend(queryset)

    def voorbij(self, queryset):
        return uitzonderingen_voorbij(queryset)


class HaltebezoekWanneerFilter(WanneerFilter):
    def komend(self, queryset):
        # Cancelled visits stay in the list so that a cancellation can be undone.
        return queryset.filter(einde__gte=timezone.now())

    def voorbij(self, queryset):
        return queryset.filter(einde__lt=timezone.now())


class VrijeInloopFilter(admin.SimpleListFilter):
    title = _("vrije inloop")
    parameter_name = "vrije_inloop"

    def lookups(self, request, model_admin):
        return [("ja", _("met vrije inloop")), ("nee", _("zonder vrije inloop"))]

    def queryset(self, request, queryset):
        inloop = Exists(Openingsuur.objects.filter(locatie=OuterRef("pk"), vrije_inloop=True))
        if self.value() == "ja":
            return queryset.filter(inloop)
        if self.value() == "nee":
            return queryset.filter(~inloop)
        return queryset
