from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters

from gemeenten.models import Gemeente


class GemeenteKeuzeFilter(admin.SimpleListFilter):
    """Pick one gemeente; a subclass says what "for this gemeente" means for its rows."""

    parameter_name = "gemeente"

    def lookups(self, request, model_admin):
        return [(str(g.pk), g.naam) for g in Gemeente.objects.order_by("naam")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            raise IncorrectLookupParameters
        return self.voor_gemeente(queryset, int(self.value()))

    def voor_gemeente(self, queryset, gemeente_pk: int):
        raise NotImplementedError
