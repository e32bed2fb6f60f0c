from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.utils import timezone


def komend_begin_vullen(apps, schema_editor):
    """Store each activity's next moment, as ``komend_begin_bijwerken`` does from now on."""
    Activiteit = apps.get_model("aanbod", "Activiteit")
    Moment = apps.get_model("aanbod", "Moment")
    volgend = (
        Moment.objects.filter(
            activiteit=OuterRef("pk"), geannuleerd=False, einde__gte=timezone.now()
        )
        .order_by("begin", "pk")
        .values("begin")[:1]
    )
    Activiteit.objects.update(komend_begin=Subquery(volgend))


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0004_inschrijving_persoonsgegevens_bereik"),
    ]

    operations = [
        migrations.AddField(
            model_name="activiteit",
            name="komend_begin",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="begin van het volgende moment",
            ),
        ),
        migrations.RunPython(komend_begin_vullen, migrations.RunPython.noop),
    ]
