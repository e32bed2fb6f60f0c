from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import Afspraak
from gemeenten.models.periode import vandaag


@admin.register(Afspraak)
class AfspraakAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["onderwerp", "geldig_vanaf", "goedgekeurd_door", "is_geldend"]
    list_filter = ["onderwerp"]
    search_fields = ["tekst", "doel"]
    date_hierarchy = "geldig_vanaf"

    def get_queryset(self, request):
        geldende = (
            Afspraak.objects.filter(onderwerp=OuterRef("onderwerp"), geldig_vanaf__lte=vandaag())
            .order_by("-geldig_vanaf")
            .values("pk")[:1]
        )
        return super().get_queryset(request).annotate(_geldende_pk=Subquery(geldende))

    @admin.display(description=_("geldt vandaag"), boolean=True)
    def is_geldend(self, obj):
        return obj.pk == obj._geldende_pk
