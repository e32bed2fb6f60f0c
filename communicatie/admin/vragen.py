"""Admin for residents' questions."""

import json

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from communicatie.models import Vraag


@admin.register(Vraag)
class VraagAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"
    # A resident's name, contact details and question go to the gemeente it was asked of.
    persoonsgegevens = True

    list_display = ["aangemaakt", "gemeente", "naam", "status", "doorgestuurd"]
    list_display_links = ["aangemaakt", "naam"]
    list_editable = ["status"]
    list_filter = ["status", "gemeente"]
    list_select_related = ["gemeente"]
    search_fields = ["naam", "email", "vraag"]
    date_hierarchy = "aangemaakt"
    fields = [
        "gemeente",
        "naam",
        "email",
        "telefoon",
        "vraag",
        "status",
        "aangemaakt",
        "doorgestuurd_naar",
    ]
    # Contact details may be corrected on the resident's request; what they asked may not.
    readonly_fields = ["vraag", "aangemaakt", "doorgestuurd_naar"]
    actions = ["nu_wissen"]

    def has_add_permission(self, request):
        # Questions come from residents through the website, which also mails them on.
        return False

    def get_actions(self, request):
        # "Nu wissen" replaces Django's delete action; two ways to delete only confuse.
        acties = super().get_actions(request)
        acties.pop("delete_selected", None)
        return acties

    def changelist_view(self, request, extra_context=None):
        dagen = settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN
        uitleg = ngettext(
            "Vragen worden %(dagen)d dag bewaard en daarna vanzelf gewist. Vraagt een inwoner "
            "om zijn vraag eerder te wissen? Vink ze aan en kies “Nu wissen”.",
            "Vragen worden %(dagen)d dagen bewaard en daarna vanzelf gewist. Vraagt een inwoner "
            "om zijn vraag eerder te wissen? Vink ze aan en kies “Nu wissen”.",
            dagen,
        ) % {"dagen": dagen}
        return super().changelist_view(request, {"subtitle": uitleg, **(extra_context or {})})

    @admin.display(description=_("doorgestuurd naar"), ordering="doorgestuurd_naar")
    def doorgestuurd(self, vraag):
        return vraag.doorgestuurd_naar or gettext("niet verstuurd: zelf bezorgen")

    @admin.action(description=_("Nu wissen (op vraag van de inwoner)"), permissions=["delete"])
    def nu_wissen(self, request, queryset):
        # The mixin refuses a selection with another gemeente's question; this stays narrow
        # on its own, as a delete must.
        queryset = self.wijzigbare_rijen(self.bereik(request), queryset, "delete")
        self.log_deletions(request, queryset)
        aantal, _per_model = queryset.delete()
        self.message_user(
            request,
            ngettext("%(aantal)d vraag gewist.", "%(aantal)d vragen gewist.", aantal)
            % {"aantal": aantal},
            messages.SUCCESS,
        )

    # The admin log outlives the questions: it gets a number, never the resident's name.
    def log_change(self, request, obj, message):
        return self._log(request, [obj], CHANGE, message)[0]

    def log_deletions(self, request, queryset):
        return self._log(request, queryset, DELETION)

    def _log(self, request, vragen, actie, bericht=""):
        soort = ContentType.objects.get_for_model(Vraag)
        if isinstance(bericht, list):
            bericht = json.dumps(bericht)
        return [
            LogEntry.objects.create(
                user_id=request.user.pk,
                content_type_id=soort.pk,
                object_id=str(vraag.pk),
                object_repr=gettext("Vraag %(nummer)s") % {"nummer": vraag.pk},
                action_flag=actie,
                change_message=bericht,
            )
            for vraag in vragen
        ]
