from django.db import migrations

# The target groups of the glossary, in the order a parent's life runs.
DOELGROEPEN = [
    ("aanstaande-ouders", "Aanstaande ouders"),
    ("gezinnen-0-3", "Gezinnen met jonge kinderen (0-3 jaar)"),
    ("kinderen-3-12", "Kinderen (3-12 jaar)"),
    ("tieners-jongeren", "Tieners en jongeren (12-25 jaar)"),
    ("alle-ouders", "Alle ouders"),
    ("professionals", "Professionals"),
]


def doelgroepen_toevoegen(apps, schema_editor):
    Doelgroep = apps.get_model("aanbod", "Doelgroep")
    for volgorde, (slug, naam) in enumerate(DOELGROEPEN, start=1):
        Doelgroep.objects.get_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]

    operations = [migrations.RunPython(doelgroepen_toevoegen, migrations.RunPython.noop)]
