from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, Q, Subquery, Value, When
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import Afvinking, Groeifase, Roltaak, Verwachting, Zelfevaluatie
from gemeenten.models.periode import vandaag
from gemeenten.services import GroeimodelFout, fase_voor_jaar, zelfevaluatie_starten


@admin.register(Groeifase)
class GroeifaseAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["fase", "sinds", "korte_motivatie", "is_huidig"]
    ordering = ["-sinds"]
    date_hierarchy = "sinds"

    def get_queryset(self, request):
        huidige = Groeifase.objects.filter(sinds__lte=vandaag()).order_by("-sinds").values("pk")
        return super().get_queryset(request).annotate(_huidige_pk=Subquery(huidige[:1]))

    @admin.display(description=_("motivatie"))
    def korte_motivatie(self, obj):
        return Truncator(obj.motivatie).chars(80)

    @admin.display(description=_("huidige fase"), boolean=True)
    def is_huidig(self, obj):
        return obj.pk == obj._huidige_pk


@admin.register(Roltaak)
class RoltaakAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["fase", "rol", "tekst", "volgorde"]
    list_filter = ["fase", "rol"]
    list_editable = ["volgorde"]
    search_fields = ["tekst"]


# The order in which the groeimodel names the roles.
ROLVOLGORDE = Case(
    *(When(roltaak__rol=rol, then=Value(i)) for i, rol in enumerate(Roltaak.Rol.values)),
    default=Value(len(Roltaak.Rol.values)),
)


class AfvinkingInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeente"

    model = Afvinking
    fields = ["rol", "taak", "gedaan", "opmerking"]
    readonly_fields = ["rol", "taak"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # The checklist comes from the phase's Roltaken, through the service.
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("roltaak")
            .order_by(ROLVOLGORDE, "roltaak__volgorde")
        )

    @admin.display(description=_("rol"))
    def rol(self, obj):
        return obj.roltaak.get_rol_display()

    @admin.display(description=_("taak"))
    def taak(self, obj):
        return obj.roltaak.tekst


class ZelfevaluatieForm(forms.ModelForm):
    class Meta:
        model = Zelfevaluatie
        fields = ["gemeente", "jaar"]

    def clean(self):
        gegevens = super().clean()
        jaar = gegevens.get("jaar")
        if self.instance._state.adding and jaar is not None:
            try:
                fase_voor_jaar(jaar=jaar)
            except GroeimodelFout as fout:
                raise ValidationError(str(fout)) from fout
        return gegevens


@admin.register(Zelfevaluatie)
class ZelfevaluatieAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    form = ZelfevaluatieForm
    list_display = ["gemeente", "jaar", "fase", "voortgang"]
    list_filter = ["gemeente", "jaar", "fase"]
    list_select_related = ["gemeente"]
    search_fields = ["gemeente__naam"]
    autocomplete_fields = ["gemeente"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _taken=Count("afvinkingen"),
                _gedaan=Count("afvinkingen", filter=Q(afvinkingen__gedaan=True)),
            )
        )

    @admin.display(description=_("voortgang"), ordering="_gedaan")
    def voortgang(self, obj):
        return _("%(gedaan)s van %(taken)s gedaan") % {"gedaan": obj._gedaan, "taken": obj._taken}

    def get_fields(self, request, obj=None):
        # The phase is not chosen here: the service takes the partnership's phase of that year.
        return ["gemeente", "jaar"] if obj is None else ["gemeente", "jaar", "fase"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["fase"]

    def get_inlines(self, request, obj):
        return [] if obj is None else [AfvinkingInline]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        nieuw = zelfevaluatie_starten(gemeente=obj.gemeente, jaar=obj.jaar)
        obj.pk, obj.fase = nieuw.pk, nieuw.fase
        obj._state.adding = False


@admin.register(Verwachting)
class VerwachtingAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    list_display = ["gemeente", "jaar", "korte_verwachting", "ingelost"]
    list_filter = ["jaar", "ingelost", "gemeente"]
    search_fields = ["verwachting", "toelichting"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["gemeente"]

    @admin.display(description=_("verwachting"))
    def korte_verwachting(self, obj):
        return Truncator(obj.verwachting).chars(80)
