"""Who may see and change which rows in the admin: one place decides, every admin asks it.

- A coordinator (superuser or role coördinator) may do everything.
- A gemeentelijk medewerker sees every row of the models that have a gemeente, but may add,
  change and delete only rows that belong to their own gemeenten and to no other (a local
  activity shared with another gemeente, or regional offer, stays read-only). Select boxes
  offer only their own gemeenten (and rows of their own gemeenten), so no form can move a row
  into another gemeente.
- A partner sees and keeps only the rows of its own organisation (its activities and their
  moments, registrations read-only) and nothing else.
- Anyone else (a mandataris, a user without a role) gets nothing here; it fails closed.

An admin declares how a row reaches its gemeente(n) (``gemeente_pad``) and, where partners
may work, its partner(s) (``partner_pad``). Without a ``gemeente_pad`` a model is the
coordinator's alone (medewerkers may read it); without a ``partner_pad`` partners do not see
it at all.
"""

from django.contrib.admin.options import InlineModelAdmin
from django.db.models import Model, QuerySet
from django.http import Http404

from accounts.models import Gebruiker
from gemeenten.models import Gemeente

ROL = Gebruiker.Rol


def rol_van(gebruiker) -> str | None:
    """The role that decides, or None when the person may not use the admin at all."""
    if not (gebruiker.is_authenticated and gebruiker.is_active and gebruiker.is_staff):
        return None
    if gebruiker.is_superuser or gebruiker.rol == ROL.COORDINATOR:
        return ROL.COORDINATOR
    if gebruiker.rol == ROL.MEDEWERKER:
        return ROL.MEDEWERKER
    if gebruiker.rol == ROL.PARTNER and gebruiker.partner_id:
        return ROL.PARTNER
    return None


def eigen_gemeente_ids(gebruiker) -> set[int]:
    """The gemeenten a medewerker acts for (cached on the user for the request)."""
    if not hasattr(gebruiker, "_eigen_gemeente_ids"):
        gebruiker._eigen_gemeente_ids = set(gebruiker.gemeenten.values_list("pk", flat=True))
    return gebruiker._eigen_gemeente_ids


def eigen_rijen(queryset: QuerySet, pad: str, gemeente_ids: set[int]) -> QuerySet:
    """Rows that reach at least one of ``gemeente_ids`` through ``pad`` and no other gemeente."""
    if pad == "pk":
        return queryset.filter(pk__in=gemeente_ids)
    andere = Gemeente.objects.exclude(pk__in=gemeente_ids)
    binnen = queryset.filter(**{f"{pad}__in": gemeente_ids}).values("pk")
    buiten = queryset.filter(**{f"{pad}__in": andere}).values("pk")
    return queryset.filter(pk__in=binnen).exclude(pk__in=buiten)


def partner_rijen(queryset: QuerySet, pad: str, partner_id: int) -> QuerySet:
    return queryset.filter(pk__in=queryset.filter(**{pad: partner_id}).values("pk"))


class Bereik:
    """What one person may do with the rows of one model, given how rows reach their scope."""

    def __init__(self, gebruiker, *, gemeente_pad: str | None, partner_pad: str | None):
        self.gebruiker = gebruiker
        self.rol = rol_van(gebruiker)
        self.gemeente_pad = gemeente_pad
        self.partner_pad = partner_pad

    @property
    def alles(self) -> bool:
        return self.rol == ROL.COORDINATOR

    def zichtbaar(self, queryset: QuerySet) -> QuerySet:
        if self.alles or self.rol == ROL.MEDEWERKER:
            return queryset
        if self.rol == ROL.PARTNER and self.partner_pad:
            return partner_rijen(queryset, self.partner_pad, self.gebruiker.partner_id)
        return queryset.none()

    def wijzigbaar(self, queryset: QuerySet) -> QuerySet:
        if self.alles:
            return queryset
        if self.rol == ROL.MEDEWERKER and self.gemeente_pad:
            return eigen_rijen(queryset, self.gemeente_pad, eigen_gemeente_ids(self.gebruiker))
        if self.rol == ROL.PARTNER and self.partner_pad:
            return partner_rijen(queryset, self.partner_pad, self.gebruiker.partner_id)
        return queryset.none()

    def mag_zien(self) -> bool:
        return (
            self.alles
            or self.rol == ROL.MEDEWERKER
            or bool(self.rol == ROL.PARTNER and self.partner_pad)
        )

    def mag_toevoegen(self) -> bool:
        if self.alles:
            return True
        if self.rol == ROL.MEDEWERKER:
            return bool(self.gemeente_pad) and self.gemeente_pad != "pk"
        return self.rol == ROL.PARTNER and bool(self.partner_pad)

    def mag_wijzigen(self, obj: Model | None) -> bool:
        if obj is None:
            return (
                self.alles
                or (self.rol in (ROL.MEDEWERKER, ROL.PARTNER) and self.mag_toevoegen())
                or (self.rol == ROL.MEDEWERKER and self.gemeente_pad == "pk")
            )
        return self.wijzigbaar(type(obj)._default_manager.filter(pk=obj.pk)).exists()


class BeperktBeheer:
    """Mixin for a ModelAdmin (or inline) that asks ``Bereik`` for every permission.

    For an inline, the paths start from the *parent* object, which Django passes as ``obj``.
    """

    gemeente_pad: str | None = None
    partner_pad: str | None = None
    # Partners may see these rows but not change them (e.g. registrations for their activity).
    partner_alleen_lezen = False
    # Partners keep their own rows up to date; whether they may also create new ones.
    partner_mag_toevoegen = True

    def bereik(self, request) -> Bereik:
        return Bereik(request.user, gemeente_pad=self.gemeente_pad, partner_pad=self.partner_pad)

    def _alleen_lezen(self, bereik: Bereik) -> bool:
        return self.partner_alleen_lezen and bereik.rol == ROL.PARTNER

    def has_module_permission(self, request):
        return self.bereik(request).mag_zien()

    def has_view_permission(self, request, obj=None):
        bereik = self.bereik(request)
        if not bereik.mag_zien():
            return False
        if obj is None or bereik.rol != ROL.PARTNER:
            return True
        return bereik.zichtbaar(type(obj)._default_manager.filter(pk=obj.pk)).exists()

    def has_add_permission(self, request, obj=None):
        bereik = self.bereik(request)
        if self._alleen_lezen(bereik):
            return False
        if obj is not None and bereik.rol != ROL.COORDINATOR:  # an inline on a parent row
            return bereik.mag_wijzigen(obj)
        if bereik.rol == ROL.PARTNER and not self.partner_mag_toevoegen:
            return False
        return bereik.mag_toevoegen()

    def has_change_permission(self, request, obj=None):
        bereik = self.bereik(request)
        return not self._alleen_lezen(bereik) and bereik.mag_wijzigen(obj)

    def has_delete_permission(self, request, obj=None):
        bereik = self.bereik(request)
        if bereik.rol == ROL.MEDEWERKER and self.gemeente_pad == "pk":
            return False  # a medewerker keeps their gemeente's data but cannot remove it
        return not self._alleen_lezen(bereik) and bereik.mag_wijzigen(obj)

    def get_queryset(self, request):
        if isinstance(self, InlineModelAdmin):
            # An inline's paths start at its parent, which its own admin already scoped.
            return super().get_queryset(request)
        return self.bereik(request).zichtbaar(super().get_queryset(request))

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # A row outside someone's scope is simply not there for them: 404, not a hint.
        raise Http404

    def _keuzes(self, db_field, request, queryset):
        """Limit a select so that no choice moves a row out of the person's own scope."""
        bereik = self.bereik(request)
        if bereik.alles or bereik.rol is None:
            return queryset
        gebruiker = request.user
        if bereik.rol == ROL.MEDEWERKER:
            if db_field.related_model is Gemeente:
                return queryset.filter(pk__in=eigen_gemeente_ids(gebruiker))
            pad = self.gemeente_pad or ""
            if pad.startswith(f"{db_field.name}__"):
                rest = pad.removeprefix(f"{db_field.name}__")
                return eigen_rijen(queryset, rest, eigen_gemeente_ids(gebruiker))
        if bereik.rol == ROL.PARTNER:
            pad = self.partner_pad or ""
            if pad == db_field.name:
                return queryset.filter(pk=gebruiker.partner_id)
            if pad.startswith(f"{db_field.name}__"):
                rest = pad.removeprefix(f"{db_field.name}__")
                return partner_rijen(queryset, rest, gebruiker.partner_id)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        veld = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if veld is not None and hasattr(veld, "queryset"):
            veld.queryset = self._keuzes(db_field, request, veld.queryset)
        return veld

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        if veld is not None and hasattr(veld, "queryset"):
            veld.queryset = self._keuzes(db_field, request, veld.queryset)
        return veld
