"""The admin page "Persoonsgegevens van een inwoner": find, export and erase by e-mail address.

For coordinators only (``accounts.rechten.rol_van``): a medewerker or partner gets 403, and
someone who is not logged in goes to the admin's login like everywhere in the admin. The logic
is in ``accounts.persoonsgegevens``; these views parse the form and render.

The address travels in POST bodies only, never in a URL: URLs end up in the web server's access
log, the browser's history and Referer headers. ``sensitive_post_parameters`` keeps it out of
the error reports Django mails to the admins.

``aanhaken(site)`` adds the URLs to the admin site and the page to its list of apps (the index
and the side bar). The project uses Django's default site rather than a subclass, so both
are added to that instance.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters

from aanbod.services import InschrijvingFout
from accounts import persoonsgegevens
from accounts.rechten import ROL, rol_van
from communicatie.models import Vraag

# After an erasure the page is shown again (POST, redirect, GET) with the counts; the session
# carries them across the redirect, never the address.
SESSIE_GEWIST = "hvk_persoonsgegevens_gewist"


class ZoekFormulier(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de inwoner"),
        max_length=254,
        help_text=_(
            "Het adres waarmee de inwoner zich inschreef, een vraag stelde of de nieuwsbrief "
            "kreeg. Hoofdletters en spaties vooraan of achteraan tellen niet."
        ),
        error_messages={
            "required": _("Vul het e-mailadres van de inwoner in."),
            "invalid": _("Dit is geen geldig e-mailadres. Kijk het na, bv. naam@voorbeeld.be."),
            "max_length": _("Een e-mailadres is hoogstens 254 tekens lang."),
        },
    )

    def clean_email(self):
        return persoonsgegevens.normaliseer(self.cleaned_data["email"])


def _pagina(request, template, *, status=200, **context):
    return TemplateResponse(
        request,
        f"admin/persoonsgegevens/{template}",
        {
            **admin.site.each_context(request),
            "title": _("Persoonsgegevens van een inwoner"),
            **context,
        },
        status=status,
    )


@method_decorator(sensitive_post_parameters("email"), name="dispatch")
class PersoonsgegevensView(View):
    """The coordinator's alone: every method of every step asks first."""

    def dispatch(self, request, *args, **kwargs):
        if rol_van(request.user) != ROL.COORDINATOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def foute_invoer(self, request, form):
        return _pagina(request, "zoeken.html", form=form, status=400)


class ZoekenView(PersoonsgegevensView):
    """GET: the form (and, once, the counts of an erasure just done). POST: the results."""

    def get(self, request):
        return _pagina(
            request,
            "zoeken.html",
            form=ZoekFormulier(),
            gewist=request.session.pop(SESSIE_GEWIST, None),
        )

    def post(self, request):
        form = ZoekFormulier(request.POST)
        if not form.is_valid():
            return self.foute_invoer(request, form)
        gevonden = persoonsgegevens.opzoeken(email=form.cleaned_data["email"], door=request.user)
        return _pagina(
            request,
            "zoeken.html",
            form=form,
            gevonden=gevonden,
            onderdelen=gevonden.onderdelen(),
        )


class ExporterenView(PersoonsgegevensView):
    """POST: a JSON file with what the results page shows."""

    def post(self, request):
        form = ZoekFormulier(request.POST)
        if not form.is_valid():
            return self.foute_invoer(request, form)
        inhoud = persoonsgegevens.exporteren(email=form.cleaned_data["email"], door=request.user)
        response = HttpResponse(
            json.dumps(inhoud, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        naam = f"persoonsgegevens-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        # Personal data: no copy in any cache (the admin adds never_cache's headers as well).
        response["Cache-Control"] = "no-store"
        return response


class WissenView(PersoonsgegevensView):
    """POST without ``bevestigd``: what erasing will do. With ``bevestigd=ja``: erase."""

    def post(self, request):
        form = ZoekFormulier(request.POST)
        if not form.is_valid():
            return self.foute_invoer(request, form)
        email = form.cleaned_data["email"]
        if request.POST.get("bevestigd") != "ja":
            gevonden = persoonsgegevens.zoek(email)
            return _pagina(
                request,
                "bevestigen.html",
                title=_("Persoonsgegevens van een inwoner wissen"),
                gevonden=gevonden,
                komend=gevonden.komende_inschrijvingen(),
                open_vragen=[v for v in gevonden.vragen if v.status != Vraag.Status.BEANTWOORD],
            )
        try:
            gewist = persoonsgegevens.wis(email=email, door=request.user)
        except InschrijvingFout as fout:
            # A moment began while erasing (its registration can no longer be cancelled):
            # nothing was erased; trying again erases it without cancelling.
            messages.error(
                request, gettext("Er is niets gewist: %(fout)s Probeer opnieuw.") % {"fout": fout}
            )
            return redirect("admin:persoonsgegevens")
        request.session[SESSIE_GEWIST] = gewist.als_dict()
        return redirect("admin:persoonsgegevens")


# --- On the admin site ----------------------------------------------------------------------


def _in_app_lijst(request) -> dict:
    """The page as a section of the admin's list of apps (index and side bar)."""
    url = reverse("admin:persoonsgegevens")
    return {
        "name": gettext("Privacy van inwoners"),
        "app_label": "persoonsgegevens",
        "app_url": url,
        "has_module_perms": True,
        "models": [
            {
                "name": gettext("Persoonsgegevens van een inwoner"),
                "object_name": "Persoonsgegevens",
                "perms": {"add": False, "change": False, "delete": False, "view": True},
                "admin_url": url,
                "add_url": None,
                "view_only": True,
            }
        ],
    }


def aanhaken(site) -> None:
    """Add the page's URLs to ``site`` and, for coordinators, the page to its app list."""
    eigen_urls = site.get_urls
    eigen_app_lijst = site.get_app_list

    def get_urls():
        beheer = site.admin_view
        return [
            path(
                "persoonsgegevens/",
                beheer(ZoekenView.as_view()),
                name="persoonsgegevens",
            ),
            path(
                "persoonsgegevens/export/",
                beheer(ExporterenView.as_view()),
                name="persoonsgegevens_export",
            ),
            path(
                "persoonsgegevens/wissen/",
                beheer(WissenView.as_view()),
                name="persoonsgegevens_wissen",
            ),
            *eigen_urls(),
        ]

    def get_app_list(request, app_label=None):
        apps = eigen_app_lijst(request, app_label)
        if app_label is None and rol_van(request.user) == ROL.COORDINATOR:
            apps = sorted([*apps, _in_app_lijst(request)], key=lambda app: str(app["name"]).lower())
        return apps

    site.get_urls = get_urls
    site.get_app_list = get_app_list
