from django.core.management.base import BaseCommand

from aanbod.services import momenten_uitrollen
from locaties.services import haltebezoeken_uitrollen


class Command(BaseCommand):
    help = (
        "Zet herhalingen van activiteiten en haltes van het mobiele huis om in gedateerde "
        "momenten tot HVK_HORIZON_DAGEN vooruit. Dagelijks uitvoeren."
    )

    def handle(self, *args, **options):
        for naam, uitrollen in (
            ("momenten", momenten_uitrollen),
            ("bezoeken van het mobiele huis", haltebezoeken_uitrollen),
        ):
            gemaakt, verplaatst, gewist = uitrollen()
            self.stdout.write(
                f"{naam}: {gemaakt} nieuw, {verplaatst} bijgewerkt, {gewist} verwijderd"
            )
