"""The audit trail in the admin: read-only, for coordinators, in Dutch.

django-auditlog brings an admin of its own, but only in English (it ships no Dutch
translation) and with raw values (a gemeente's number, a status's code). This one shows the same
entries in Dutch with readable values, to coordinators only, and refuses every add, change and
delete: nobody rewrites the trail by hand (old entries go with ``manage.py audit_opruimen``).
"""

import copy

import auditlog.admin  # noqa: F401  (registers the library's admin, which this one replaces)
from auditlog.models import LogEntry
from auditlog.render import get_field_verbose_name
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ACTIES = {
    LogEntry.Action.CREATE: _("aangemaakt"),
    LogEntry.Action.UPDATE: _("gewijzigd"),
    LogEntry.Action.DELETE: _("verwijderd"),
    # Looking up or exporting a resident's personal data (accounts/persoonsgegevens.py).
    LogEntry.Action.ACCESS: _("ingezien"),
}
KOPPELINGEN = {"add": _("toegevoegd"), "delete": _("weggenomen")}


class ActieFilter(admin.SimpleListFilter):
    title = _("actie")
    parameter_name = "actie"

    def lookups(self, request, model_admin):
        return [(str(actie), naam) for actie, naam in ACTIES.items()]

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class SoortFilter(admin.SimpleListFilter):
    title = _("soort object")
    parameter_name = "soort"

    def lookups(self, request, model_admin):
        soorten = ContentType.objects.filter(pk__in=LogEntry.objects.values("content_type"))
        return sorted(((str(s.pk), capfirst(s.name)) for s in soorten), key=lambda s: s[1])

    def queryset(self, request, queryset):
        return queryset.filter(content_type_id=self.value()) if self.value() else queryset


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "actie", "object", "velden", "door"]
    list_filter = [ActieFilter, SoortFilter, ("actor", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["content_type", "actor"]
    search_fields = [
        "object_repr",
        "changes",
        "actor__email",
        "actor__first_name",
        "actor__last_name",
        "actor_email",
    ]
    search_help_text = _(
        "Zoek op de naam van het object, een oude of nieuwe waarde, of wie de wijziging deed."
    )
    date_hierarchy = "timestamp"
    # The trail grows large: counting all of it again under every search costs more than it says.
    show_full_result_count = False
    actions = None
    fields = ["tijdstip", "door", "actie", "object", "wijzigingen"]
    readonly_fields = fields

    # The trail covers every gemeente and every account: the coordinators' alone.
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("tijdstip"), ordering="timestamp")
    def tijdstip(self, regel):
        return date_format(timezone.localtime(regel.timestamp), "j F Y, H:i:s")

    @admin.display(description=_("actie"), ordering="action")
    def actie(self, regel):
        return ACTIES.get(regel.action, regel.get_action_display())

    @admin.display(description=_("object"), ordering="object_repr")
    def object(self, regel):
        soort = capfirst(regel.content_type.name)
        try:
            url = reverse(
                f"admin:{regel.content_type.app_label}_{regel.content_type.model}_change",
                args=[regel.object_pk],
            )
        except NoReverseMatch:
            return f"{soort}: {regel.object_repr}"
        return format_html('{}: <a href="{}">{}</a>', soort, url, regel.object_repr)

    @admin.display(description=_("gewijzigde velden"))
    def velden(self, regel):
        # A new or deleted row has all its fields in the entry: the detail shows them.
        if regel.action != LogEntry.Action.UPDATE:
            return ""
        return ", ".join(get_field_verbose_name(regel, veld) for veld in echte_wijzigingen(regel))

    @admin.display(description=_("door"), ordering="actor")
    def door(self, regel):
        if regel.actor:
            return str(regel.actor)
        # The person's account may be gone; the address written with the entry stays.
        return regel.actor_email or gettext("het systeem (geen ingelogde persoon)")

    @admin.display(description=_("wijzigingen"))
    def wijzigingen(self, regel):
        rijen = leesbare_wijzigingen(regel)
        if not rijen:
            return gettext("geen veldwijzigingen")
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            gettext("veld"),
            gettext("van"),
            gettext("naar"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rijen),
        )


def is_koppeling(wijziging) -> bool:
    """A change to a many-to-many field: the objects added or taken away, not old → new."""
    return isinstance(wijziging, dict) and wijziging.get("type") == "m2m"


def echte_wijzigingen(regel) -> dict:
    """The entry's changes without the reverse relations auditlog also writes on create and
    delete (as "app.Model.None", jazzband/django-auditlog#551): they say nothing."""
    model = regel.content_type.model_class()
    if model is None:  # a model that no longer exists
        return regel.changes_dict
    wijzigingen = {}
    for naam, wijziging in regel.changes_dict.items():
        try:
            veld = model._meta.get_field(naam)
        except FieldDoesNotExist:
            veld = None
        if veld is None or veld.concrete or not veld.auto_created:
            wijzigingen[naam] = wijziging
    return wijzigingen


def leesbare_wijzigingen(regel) -> list[tuple[str, str, str]]:
    """(field, from, to) as a person reads them: a choice's label, a related row's name, a
    local date and time, "ja"/"nee"; for a many-to-many field what was added or taken away."""
    wijzigingen = echte_wijzigingen(regel)
    velden = copy.copy(regel)
    velden.changes = {n: w for n, w in wijzigingen.items() if not is_koppeling(w)}
    if regel.content_type.model_class() is None:
        waarden = velden.changes
    else:
        waarden = velden.changes_display_dict  # keyed by the field's verbose name
    rijen = [
        (capfirst(naam), leesbaar(oud), leesbaar(nieuw)) for naam, (oud, nieuw) in waarden.items()
    ]
    rijen += [
        (
            capfirst(get_field_verbose_name(regel, naam)),
            "",
            f"{KOPPELINGEN.get(w['operation'], w['operation'])}: {', '.join(w['objects'])}",
        )
        for naam, w in wijzigingen.items()
        if is_koppeling(w)
    ]
    return rijen


def leesbaar(waarde) -> str:
    """A stored value as a person reads it, not as Python writes it."""
    tekst = "" if waarde is None else str(waarde)
    if tekst in ("", "None"):
        return gettext("(leeg)")
    return {"True": gettext("ja"), "False": gettext("nee")}.get(tekst, tekst)
