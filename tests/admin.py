"""Helpers for tests that post admin forms."""

from django import forms


def fouten(response):
    """All error messages on an admin form page, inlines included."""
    context = response.context
    teksten = [str(e) for fs in context["adminform"].form.errors.values() for e in fs]
    teksten += [str(e) for e in context["adminform"].form.non_field_errors()]
    for inline in context.get("inline_admin_formsets", []):
        for form in inline.formset.forms:
            teksten += [str(e) for fs in form.errors.values() for e in fs]
    return " ".join(teksten)


def formulier_van(response) -> dict:
    """The POST data an admin change page would send back unchanged, inlines included.

    Lets a test change one field the way a person does: open the page, edit, save.
    """
    context = response.context
    formulieren = [context["adminform"].form]
    data = {}
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        formulieren += list(formset.forms)
        for veld in formset.management_form:
            data[veld.html_name] = veld.value()
    for form in formulieren:
        for veld in form:
            if isinstance(veld.field, forms.FileField):
                continue
            waarde = veld.value()
            if waarde is None or waarde is False:
                continue
            if waarde is True:
                waarde = "on"
            if isinstance(veld.field.widget, forms.MultiWidget):
                for index, deel in enumerate(veld.field.widget.decompress(waarde)):
                    data[f"{veld.html_name}_{index}"] = "" if deel is None else deel
                continue
            data[veld.html_name] = waarde
    return data
