"""Helpers for tests that post admin forms."""


def fouten(response):
    """All error messages on an admin form page, inlines included."""
    context = response.context
    teksten = [str(e) for fs in context["adminform"].form.errors.values() for e in fs]
    teksten += [str(e) for e in context["adminform"].form.non_field_errors()]
    for inline in context.get("inline_admin_formsets", []):
        for form in inline.formset.forms:
            teksten += [str(e) for fs in form.errors.values() for e in fs]
    return " ".join(teksten)
