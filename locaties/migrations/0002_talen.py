from django.db import migrations

# Languages parents in the area speak most, beside Dutch (ISO 639 codes).
TALEN = [
    ("nl", "Nederlands"),
    ("fr", "Frans"),
    ("en", "Engels"),
    ("de", "Duits"),
    ("ar", "Arabisch"),
    ("tr", "Turks"),
    ("pl", "Pools"),
    ("ro", "Roemeens"),
    ("bg", "Bulgaars"),
    ("uk", "Oekraïens"),
    ("ru", "Russisch"),
    ("es", "Spaans"),
    ("pt", "Portugees"),
    ("so", "Somalisch"),
    ("ti", "Tigrinya"),
    ("prs", "Dari"),
    ("ps", "Pasjtoe"),
    ("am", "Amhaars"),
    ("vgt", "Vlaamse Gebarentaal"),
]


def talen_toevoegen(apps, schema_editor):
    Taal = apps.get_model("locaties", "Taal")
    for code, naam in TALEN:
        Taal.objects.get_or_create(code=code, defaults={"naam": naam})


class Migration(migrations.Migration):
    dependencies = [("locaties", "0001_initial")]

    operations = [migrations.RunPython(talen_toevoegen, migrations.RunPython.noop)]
