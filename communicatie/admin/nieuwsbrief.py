"""Admin for the newsletter: compose an edition, preview it, test it, send it, follow it.

Editions and subscribers are the coordinator's: medewerkers may read the editions (they have
no gemeente), partners see nothing. Subscribers are personal data, so only a coordinator sees
them at all; nobody adds or changes one by hand (consent comes through the double opt-in), a
coordinator may delete one on request.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from aanbod.models import Doelgroep
from accounts.rechten import BeperktBeheer
from communicatie import nieuwsbrief
from communicatie.models import Abonnee, Editie, Leeftijdsband, Verzending
from gemeenten.models import Gemeente


class ProfielForm(forms.Form):
    """A sample of interests, to preview or test an edition as such a subscriber gets it."""

    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: het hele werkingsgebied."),
    )
    leeftijden = forms.MultipleChoiceField(
        label=_("Leeftijden"),
        choices=Leeftijdsband.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    doelgroepen = forms.ModelMultipleChoiceField(
        label=_("Doelgroepen"),
        queryset=Doelgroep.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def profiel(self) -> nieuwsbrief.Profiel:
        if not self.is_valid():
            return nieuwsbrief.Profiel()
        gegevens = self.cleaned_data
        return nieuwsbrief.Profiel(
            gemeente_ids=frozenset(g.pk for g in gegevens["gemeenten"]),
            doelgroep_ids=frozenset(d.pk for d in gegevens["doelgroepen"]),
            leeftijden=frozenset(gegevens["leeftijden"]),
        )


def _voortgang_tekst(v: nieuwsbrief.Voortgang) -> str:
    return gettext(
        "%(verstuurd)d verstuurd, %(mislukt)d mislukt, %(onzeker)d onzeker, "
        "%(resterend)d nog te versturen (van %(totaal)d)"
    ) % {
        "verstuurd": v.verstuurd,
        "mislukt": v.mislukt,
        "onzeker": v.onzeker,
        "resterend": v.resterend,
        "totaal": v.totaal,
    }


@admin.register(Editie)
class EditieAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["titel", "status", "verstuurd_op", "voortgang_kort"]
    list_filter = ["status"]
    search_fields = ["titel"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["nieuwsberichten"]
    fields = [
        "titel",
        "slug",
        "intro",
        "nieuwsberichten",
        "aanbod_weken",
        "status",
        "verstuurd_op",
        "afgerond_op",
        "voortgang",
    ]
    readonly_fields = ["status", "verstuurd_op", "afgerond_op", "voortgang"]
    actions = ["hervatten_actie", "mislukte_opnieuw_actie"]
    change_form_template = "admin/communicatie/editie/change_form.html"

    # --- Permissions: once sending has started, the edition is what was sent -----------

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_concept)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == Editie.Status.WORDT_VERSTUURD:
            return False
        return super().has_delete_permission(request, obj)

    def _mag_versturen(self, request) -> bool:
        return self.bereik(request).alles

    # --- Lists and fields --------------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).met_voortgang()

    @admin.display(description=_("voortgang"))
    def voortgang_kort(self, editie):
        if editie.is_concept:
            return "-"
        totaal = sum(getattr(editie, f"aantal_{status}", 0) for status in Verzending.Status.values)
        tekst = gettext("%(verstuurd)d van %(totaal)d verstuurd") % {
            "verstuurd": getattr(editie, "aantal_verstuurd", 0),
            "totaal": totaal,
        }
        mislukt = getattr(editie, "aantal_mislukt", 0) + getattr(editie, "aantal_onzeker", 0)
        if mislukt:
            tekst += " · " + ngettext(
                "%(n)d mislukt of onzeker", "%(n)d mislukt of onzeker", mislukt
            ) % {"n": mislukt}
        return tekst

    @admin.display(description=_("voortgang"))
    def voortgang(self, editie):
        if editie is None or editie.pk is None or editie.is_concept:
            return gettext("Nog niet verstuurd.")
        return _voortgang_tekst(nieuwsbrief.voortgang(editie))

    # --- Actions after an interruption -------------------------------------------------

    def has_versturen_permission(self, request) -> bool:
        return self._mag_versturen(request)

    @admin.action(
        description=_("Versturen hervatten (na een onderbreking)"), permissions=["versturen"]
    )
    def hervatten_actie(self, request, queryset):
        for editie in queryset.exclude(status=Editie.Status.CONCEPT):
            self._hervatten(request, editie)

    @admin.action(description=_("Mislukte mails opnieuw proberen"), permissions=["versturen"])
    def mislukte_opnieuw_actie(self, request, queryset):
        for editie in queryset.exclude(status=Editie.Status.CONCEPT):
            aantal = nieuwsbrief.mislukte_opnieuw(editie=editie)
            self.message_user(
                request,
                ngettext(
                    "%(titel)s: %(n)d mislukte mail wordt opnieuw verstuurd.",
                    "%(titel)s: %(n)d mislukte mails worden opnieuw verstuurd.",
                    aantal,
                )
                % {"titel": editie.titel, "n": aantal},
                messages.SUCCESS,
            )

    def _hervatten(self, request, editie):
        uitkomst = nieuwsbrief.hervatten(editie=editie)
        self.message_user(
            request,
            gettext(
                "%(titel)s: versturen hervat. %(vrij)d mails terug in de wachtrij; "
                "%(onzeker)d onzeker (die versturen we niet opnieuw)."
            )
            % {
                "titel": editie.titel,
                "vrij": uitkomst["vrijgegeven"],
                "onzeker": uitkomst["onzeker"],
            },
            messages.SUCCESS,
        )

    # --- Own pages ---------------------------------------------------------------------

    def get_urls(self):
        beheer = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/voorbeeld/",
                beheer(self.voorbeeld_view),
                name="communicatie_editie_voorbeeld",
            ),
            path(
                "<path:object_id>/voorbeeld/mail/",
                beheer(xframe_options_sameorigin(self.voorbeeldmail_view)),
                name="communicatie_editie_voorbeeldmail",
            ),
            path(
                "<path:object_id>/testmail/",
                beheer(self.testmail_view),
                name="communicatie_editie_testmail",
            ),
            path(
                "<path:object_id>/versturen/",
                beheer(self.versturen_view),
                name="communicatie_editie_versturen",
            ),
            path(
                "<path:object_id>/hervatten/",
                beheer(self.hervatten_view),
                name="communicatie_editie_hervatten",
            ),
            *super().get_urls(),
        ]

    def _editie(self, request, object_id) -> Editie:
        editie = self.get_object(request, unquote(object_id))
        if editie is None or not self.has_view_permission(request, editie):
            raise Http404
        return editie

    def change_view(self, request, object_id, form_url="", extra_context=None):
        editie = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if editie is not None:
            context["voorbeeld_url"] = reverse(
                "admin:communicatie_editie_voorbeeld", args=[editie.pk]
            )
            if self._mag_versturen(request):
                if editie.is_concept:
                    context["versturen_url"] = reverse(
                        "admin:communicatie_editie_versturen", args=[editie.pk]
                    )
                elif editie.status == Editie.Status.WORDT_VERSTUURD:
                    context["hervatten_url"] = reverse(
                        "admin:communicatie_editie_hervatten", args=[editie.pk]
                    )
        return super().change_view(request, object_id, form_url, context)

    def _mailvoorbeeld(self, editie, profiel_form, *, test=False):
        return nieuwsbrief.editiemail_maken(
            editie,
            naar="voorbeeld@example.org",
            profiel=profiel_form.profiel(),
            uitschrijf_url=None,
            test=test,
        )

    def voorbeeld_view(self, request, object_id):
        """The edition as a subscriber with the chosen interests gets it: HTML and text."""
        editie = self._editie(request, object_id)
        profiel_form = ProfielForm(request.GET or None)
        bericht = self._mailvoorbeeld(editie, profiel_form)
        query = urlencode(request.GET, doseq=True)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "editie": editie,
            "title": gettext("Voorbeeld: %(titel)s") % {"titel": editie.titel},
            "profiel_form": profiel_form if request.GET else ProfielForm(),
            "profiel_tekst": profiel_form.profiel().beschrijving(),
            "tekst": bericht.body,
            "mail_url": reverse("admin:communicatie_editie_voorbeeldmail", args=[editie.pk])
            + (f"?{query}" if query else ""),
            "testmail_url": reverse("admin:communicatie_editie_testmail", args=[editie.pk]),
            "mag_testen": self._mag_versturen(request),
            "query": request.GET,
            "eigen_email": request.user.email,
        }
        return render(request, "admin/communicatie/editie/voorbeeld.html", context)

    def voorbeeldmail_view(self, request, object_id):
        editie = self._editie(request, object_id)
        bericht = self._mailvoorbeeld(editie, ProfielForm(request.GET or None))
        html = bericht.alternatives[0].content if bericht.alternatives else bericht.body
        return HttpResponse(html, content_type="text/html; charset=utf-8")

    def testmail_view(self, request, object_id):
        """POST: send the edition to oneself, with the offer for the chosen interests."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        editie = self._editie(request, object_id)
        if not self._mag_versturen(request):
            raise PermissionDenied
        profiel_form = ProfielForm(request.POST)
        try:
            nieuwsbrief.testmail_versturen(
                editie=editie, gebruiker=request.user, profiel=profiel_form.profiel()
            )
        except nieuwsbrief.NieuwsbriefFout as fout:
            self.message_user(request, str(fout), messages.ERROR)
        else:
            self.message_user(
                request,
                gettext("De testmail gaat naar %(email)s.") % {"email": request.user.email},
                messages.SUCCESS,
            )
        terug = reverse("admin:communicatie_editie_voorbeeld", args=[editie.pk])
        velden = {k: request.POST.getlist(k) for k in ("gemeenten", "leeftijden", "doelgroepen")}
        query = urlencode({k: v for k, v in velden.items() if v}, doseq=True)
        return redirect(f"{terug}?{query}" if query else terug)

    def versturen_view(self, request, object_id):
        """GET: what is about to happen, and a button; POST: start sending."""
        editie = self._editie(request, object_id)
        if not self._mag_versturen(request):
            raise PermissionDenied
        wijzig_url = reverse("admin:communicatie_editie_change", args=[editie.pk])
        if not editie.is_concept:
            self.message_user(
                request, gettext("Deze nieuwsbrief is al verstuurd of wordt verstuurd.")
            )
            return redirect(wijzig_url)
        if request.method == "POST":
            try:
                aantal = nieuwsbrief.editie_versturen_starten(editie=editie)
            except nieuwsbrief.NieuwsbriefFout as fout:
                self.message_user(request, str(fout), messages.ERROR)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "Versturen gestart naar %(n)d abonnee. De voortgang zie je hieronder.",
                        "Versturen gestart naar %(n)d abonnees. De voortgang zie je hieronder.",
                        aantal,
                    )
                    % {"n": aantal},
                    messages.SUCCESS,
                )
            return redirect(wijzig_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "editie": editie,
            "title": gettext("Versturen: %(titel)s") % {"titel": editie.titel},
            "aantal": Abonnee.objects.bevestigd().count(),
            "nu": timezone.now(),
            "voorbeeld_url": reverse("admin:communicatie_editie_voorbeeld", args=[editie.pk]),
        }
        return render(request, "admin/communicatie/editie/versturen.html", context)

    def hervatten_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        editie = self._editie(request, object_id)
        if not self._mag_versturen(request):
            raise PermissionDenied
        try:
            self._hervatten(request, editie)
        except nieuwsbrief.NieuwsbriefFout as fout:
            self.message_user(request, str(fout), messages.ERROR)
        return redirect(reverse("admin:communicatie_editie_change", args=[editie.pk]))


class BevestigdFilter(admin.SimpleListFilter):
    title = _("bevestigd")
    parameter_name = "bevestigd"

    def lookups(self, request, model_admin):
        return [("ja", _("bevestigd")), ("nee", _("nog niet bevestigd"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.bevestigd()
        if self.value() == "nee":
            return queryset.onbevestigd()
        return queryset


@admin.register(Abonnee)
class AbonneeAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["email", "bevestigd", "aangemaakt", "gemeenten_tekst"]
    list_filter = [BevestigdFilter, "gemeenten", "doelgroepen"]
    search_fields = ["email"]
    date_hierarchy = "aangemaakt"
    fields = ["email", "gemeenten", "doelgroepen", "leeftijden_tekst", "aangemaakt", "bevestigd_op"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("gemeenten")

    # Personal data: a coordinator sees it; a medewerker gets the module (it holds the
    # editions) but not this list. Nobody adds or changes a subscription by hand.
    def has_view_permission(self, request, obj=None):
        return self.bereik(request).alles and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        uitleg = gettext(
            "Alleen bevestigde abonnees krijgen de nieuwsbrief. Wie zich uitschrijft, wordt "
            "gewist. Vraagt iemand om gewist te worden? Vink het adres aan en kies "
            "“Geselecteerde abonnees verwijderen”."
        )
        return super().changelist_view(request, {"subtitle": uitleg, **(extra_context or {})})

    @admin.display(description=_("bevestigd"), boolean=True, ordering="bevestigd_op")
    def bevestigd(self, abonnee):
        return abonnee.is_bevestigd

    @admin.display(description=_("gemeenten"))
    def gemeenten_tekst(self, abonnee):
        return ", ".join(g.naam for g in abonnee.gemeenten.all())

    @admin.display(description=_("leeftijden van de kinderen"))
    def leeftijden_tekst(self, abonnee):
        return abonnee.leeftijden_tekst() or gettext("alle leeftijden")
