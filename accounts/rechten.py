"""Who may see and change which rows in the admin: one place decides, every admin asks it.

- A coordinator (superuser or role coördinator) may do everything.
- A gemeentelijk medewerker sees every row of the models that have a gemeente, but may add,
  change and delete only rows that belong to their own gemeenten and to no other (a local
  activity shared with another gemeente, or regional offer, stays read-only). Residents'
  personal data (``persoonsgegevens``: questions, registrations) they see only for their own
  gemeenten. Select boxes offer only their own gemeenten (and rows of their own gemeenten),
  and the field that ties a row to its gemeente may not be left empty, so no form can move a
  row into another gemeente or out to the whole area.
- A partner sees and keeps only the rows of its own organisation (its activities, their
  moments and the registrations for them) and nothing else. Other partners already linked to its
  activity stay: it may not remove them, add new ones, or remove itself.
- Anyone else (a mandataris, a user without a role) gets nothing here; it fails closed.

An admin declares how a row reaches its gemeente(n) (``gemeente_pad``) and, where partners
may work, its partner(s) (``partner_pad``). Without a ``gemeente_pad`` a model is the
coordinator's alone (medewerkers may read it); without a ``partner_pad`` partners do not see
it at all.

The mixin asks these rules everywhere Django's admin writes, not only on the change page:
editable columns of a list (``list_editable``), actions on selected rows (``delete_selected``
and every custom one) and the select boxes of a form, which keep links to other gemeenten or
partners that a person may not add or remove.
"""

import functools

from django import forms
from django.contrib import messages
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext

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


def rijen_voor_eigen_gemeenten(queryset: QuerySet, pad: str, gemeente_ids: set[int]) -> QuerySet:
    """Rows that reach at least one of ``gemeente_ids`` through ``pad`` (others may share them)."""
    return queryset.filter(pk__in=queryset.filter(**{f"{pad}__in": gemeente_ids}).values("pk"))


def slaat_andere_rijen_over(actie):
    """Mark an admin action that itself acts only on the rows the person may change and says
    which it skipped. Other actions are refused as a whole when the selection holds a row
    outside the person's scope (``BeperktBeheer.get_actions``)."""
    actie.slaat_andere_rijen_over = True
    return actie


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
    # Rows with residents' personal data (questions, registrations): a medewerker reads only
    # those that reach one of their own gemeenten, not every row as for the offer.
    persoonsgegevens = False

    def bereik(self, request) -> Bereik:
        return Bereik(request.user, gemeente_pad=self.gemeente_pad, partner_pad=self.partner_pad)

    def _alleen_lezen(self, bereik: Bereik) -> bool:
        return self.partner_alleen_lezen and bereik.rol == ROL.PARTNER

    def _leesbaar(self, bereik: Bereik, queryset: QuerySet) -> QuerySet:
        queryset = bereik.zichtbaar(queryset)
        if self.persoonsgegevens and bereik.rol == ROL.MEDEWERKER:
            ids = eigen_gemeente_ids(bereik.gebruiker)
            queryset = rijen_voor_eigen_gemeenten(queryset, self.gemeente_pad, ids)
        return queryset

    def wijzigbare_rijen(
        self, bereik: Bereik, queryset: QuerySet, recht: str = "change"
    ) -> QuerySet:
        """The rows of ``queryset`` the person may change (or delete), in one query."""
        if self._alleen_lezen(bereik):
            return queryset.none()
        if recht == "delete" and bereik.rol == ROL.MEDEWERKER and self.gemeente_pad == "pk":
            return queryset.none()
        return bereik.wijzigbaar(queryset)

    def has_module_permission(self, request):
        return self.bereik(request).mag_zien()

    def has_view_permission(self, request, obj=None):
        bereik = self.bereik(request)
        if not bereik.mag_zien():
            return False
        if obj is None or bereik.alles:
            return True
        if bereik.rol == ROL.MEDEWERKER and not self.persoonsgegevens:
            return True
        return self._leesbaar(bereik, type(obj)._default_manager.filter(pk=obj.pk)).exists()

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
        if obj is None:
            return not self._alleen_lezen(bereik) and bereik.mag_wijzigen(None)
        return self.wijzigbare_rijen(bereik, type(obj)._default_manager.filter(pk=obj.pk)).exists()

    def has_delete_permission(self, request, obj=None):
        bereik = self.bereik(request)
        if obj is None:
            if bereik.rol == ROL.MEDEWERKER and self.gemeente_pad == "pk":
                return False  # a medewerker keeps their gemeente's data but cannot remove it
            return not self._alleen_lezen(bereik) and bereik.mag_wijzigen(None)
        rij = type(obj)._default_manager.filter(pk=obj.pk)
        return self.wijzigbare_rijen(bereik, rij, "delete").exists()

    def get_queryset(self, request):
        if isinstance(self, InlineModelAdmin):
            # An inline's paths start at its parent, which its own admin already scoped.
            return super().get_queryset(request)
        return self._leesbaar(self.bereik(request), super().get_queryset(request))

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # A row outside someone's scope is simply not there for them: 404, not a hint.
        raise Http404

    # --- Rows at once: editable columns and actions --------------------------------------

    def rijen_zonder_recht(self, request, rijen, recht: str) -> set:
        """The pks of ``rijen`` (saved rows) the person may not change (``recht="change"``)
        or delete (``"delete"``): what ``has_<recht>_permission(request, rij)`` answers."""
        eigen_regel = getattr(BeperktBeheer, f"has_{recht}_permission")
        if getattr(type(self), f"has_{recht}_permission") is not eigen_regel:
            # This admin adds its own rule for a row: ask it, row by row.
            vraag = getattr(self, f"has_{recht}_permission")
            return {rij.pk for rij in rijen if not vraag(request, rij)}
        # The shared rule answers for all rows in one query instead of one per row.
        pks = {rij.pk for rij in rijen}
        bereik = self.bereik(request)
        if not pks or bereik.alles:
            return set()
        rijen = self.model._default_manager.filter(pk__in=pks)
        toegestaan = self.wijzigbare_rijen(bereik, rijen, recht).values_list("pk", flat=True)
        return pks - set(toegestaan)

    def get_changelist_formset(self, request, **kwargs):
        """Editable columns only for the rows the person may change; the others read-only.

        Django saves a list's forms for any row it shows, without asking about the row.
        """
        formset = super().get_changelist_formset(request, **kwargs)
        model_admin = self

        class BinnenBereikFormSet(formset):
            @cached_property
            def forms(self):
                formulieren = super().forms
                model_admin._andere_rijen_alleen_lezen(request, formulieren)
                return formulieren

        return BinnenBereikFormSet

    def _andere_rijen_alleen_lezen(self, request, formulieren):
        opgeslagen = [f.instance for f in formulieren if not f.instance._state.adding]
        verboden = self.rijen_zonder_recht(request, opgeslagen, "change")
        for form in formulieren:
            # A row that is not there for the person (or a new one) is not theirs either.
            if form.instance._state.adding or form.instance.pk in verboden:
                alleen_lezen(form)

    def get_actions(self, request):
        return {
            naam: (self._alleen_binnen_bereik(functie), naam, omschrijving)
            for naam, (functie, _naam, omschrijving) in super().get_actions(request).items()
        }

    def _alleen_binnen_bereik(self, actie):
        """Refuse the whole action when the selection holds a row the person may not touch.

        Which right a row needs follows the action's ``permissions``: "change" or "delete"
        per row; "view" holds for every row of the list; an action without ``permissions``
        needs "change" (it fails closed). Other permissions ("versturen") are about the
        whole model and were asked by Django already.
        """
        if getattr(actie, "slaat_andere_rijen_over", False):
            return actie
        gevraagd = getattr(actie, "allowed_permissions", None) or ("change",)
        if "view" in gevraagd:
            return actie
        rechten = [r for r in gevraagd if r in ("change", "delete")]
        if not rechten:
            return actie

        @functools.wraps(actie)
        def binnen_bereik(model_admin, request, queryset):
            rijen = list(queryset)
            verboden = set.intersection(
                *(model_admin.rijen_zonder_recht(request, rijen, recht) for recht in rechten)
            )
            if verboden:
                model_admin.message_user(
                    request, buiten_bereik_melding(len(verboden)), messages.ERROR
                )
                return None
            return actie(model_admin, request, queryset)

        return binnen_bereik

    # --- Forms: select boxes within the person's scope ------------------------------------

    def _keuzes(self, db_field, request, queryset):
        """Limit a select so that no choice moves a row out of the person's own scope."""
        beperkt = self._eigen_keuzes(db_field, request, queryset)
        return queryset if beperkt is None else beperkt

    def _eigen_keuzes(self, db_field, request, queryset) -> QuerySet | None:
        """The choices narrowed to the person's own scope, or None when this select is free."""
        bereik = self.bereik(request)
        if bereik.alles or bereik.rol is None:
            return None
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
        return None

    def _beperk_keuzes(self, veld, db_field, request):
        if veld is not None and hasattr(veld, "queryset"):
            beperkt = self._eigen_keuzes(db_field, request, veld.queryset)
            if beperkt is not None:
                veld.queryset = beperkt
                veld.binnen_bereik = True
        return veld

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        veld = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._beperk_keuzes(veld, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._beperk_keuzes(veld, db_field, request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        formulier = super().get_form(request, obj, change, **kwargs)
        bereik = self.bereik(request)
        if bereik.alles or bereik.rol is None:
            return formulier
        pad = self.gemeente_pad if bereik.rol == ROL.MEDEWERKER else self.partner_pad
        bereikveld = None if pad in (None, "pk") else pad.split("__")[0]
        return type(
            formulier.__name__, (BinnenBereikFormulier, formulier), {"bereikveld": bereikveld}
        )


def buiten_bereik_melding(aantal: int) -> str:
    return ngettext(
        "%(n)s gekozen rij valt buiten wat je mag wijzigen. Er is niets gewijzigd: kies "
        "alleen rijen van je eigen gemeente of organisatie.",
        "%(n)s gekozen rijen vallen buiten wat je mag wijzigen. Er is niets gewijzigd: kies "
        "alleen rijen van je eigen gemeente of organisatie.",
        aantal,
    ) % {"n": aantal}


def alleen_lezen(form) -> None:
    """Make a list row's form read-only; refuse a POST that tries to change it anyway.

    A browser sends nothing for a disabled field, so a value that differs from the stored one
    was typed in by hand: 403, and nothing is saved.
    """
    pk_naam = form._meta.model._meta.pk.name
    for naam, veld in form.fields.items():
        if naam == pk_naam:
            continue
        if form.is_bound and _ingestuurd(form, naam):
            waarde = veld.widget.value_from_datadict(form.data, form.files, form.add_prefix(naam))
            if veld.has_changed(form.get_initial_for_field(veld, naam), waarde):
                raise PermissionDenied
        veld.disabled = True


def _ingestuurd(form, naam) -> bool:
    sleutel = form.add_prefix(naam)
    return any(k == sleutel or k.startswith(f"{sleutel}_") for k in form.data)


class BinnenBereikFormulier(forms.ModelForm):
    """A form that keeps a row in the person's scope (made by ``BeperktBeheer.get_form``).

    - A select limited to the person's own choices still offers what the row already links
      to: a co-partner or another gemeente stays valid, so the row can be saved.
    - Those other links stay: the person may not remove them (only add their own).
    - The field that puts the row in the person's scope (``bereikveld``) keeps at least one
      of the person's own choices, so nobody saves a row out of their own reach.
    """

    bereikveld: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._keuzes_binnen_bereik = {}
        for naam, veld in self.fields.items():
            if not getattr(veld, "binnen_bereik", False):
                continue
            eigen = set(veld.queryset.values_list("pk", flat=True))
            gekoppeld = self._gekoppeld(naam)
            if gekoppeld - eigen:
                veld.queryset = veld.queryset.model._default_manager.filter(
                    pk__in=eigen | gekoppeld
                )
            self._keuzes_binnen_bereik[naam] = (eigen, gekoppeld)
            if naam == self.bereikveld and not isinstance(veld, forms.ModelMultipleChoiceField):
                veld.required = True

    def _gekoppeld(self, naam) -> set:
        """What the stored row links to through ``naam`` (never what a URL suggests)."""
        if self.instance._state.adding:
            return set()
        model_veld = self.instance._meta.get_field(naam)
        if model_veld.many_to_many:
            return set(getattr(self.instance, naam).values_list("pk", flat=True))
        waarde = getattr(self.instance, model_veld.attname)
        return set() if waarde is None else {waarde}

    def clean(self):
        cleaned_data = super().clean()
        for naam, (eigen, gekoppeld) in self._keuzes_binnen_bereik.items():
            veld = self.fields[naam]
            if not isinstance(veld, forms.ModelMultipleChoiceField):
                continue
            if naam not in cleaned_data or self.has_error(naam):
                continue
            gekozen = {rij.pk for rij in cleaned_data[naam]}
            weg = (gekoppeld - eigen) - gekozen
            if weg:
                namen = ", ".join(str(rij) for rij in veld.queryset.filter(pk__in=weg))
                self.add_error(
                    naam,
                    gettext(
                        "%(namen)s kun je hier niet weghalen: dat valt buiten wat je beheert. "
                        "Vraag het de coördinator."
                    )
                    % {"namen": namen},
                )
            elif naam == self.bereikveld and not gekozen & eigen:
                namen = ", ".join(str(rij) for rij in veld.queryset.filter(pk__in=eigen))
                self.add_error(
                    naam,
                    gettext(
                        "Kies ook %(namen)s: zonder valt dit buiten wat je beheert en kun je "
                        "het niet meer bijhouden."
                    )
                    % {"namen": namen},
                )
        return cleaned_data
