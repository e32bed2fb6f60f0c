from communicatie.models import Huisstijl


def laad():
    Huisstijl.objects.update_or_create(
        pk=1,
        defaults={
            "naam": "Huis van het Kind Kempenland",
            "ondertitel": "Eén Huis voor gezinnen in vijf gemeenten",
            "inleiding": (
                "Het Huis van het Kind Kempenland is er voor (aanstaande) ouders en gezinnen "
                "met kinderen en jongeren. Vijf gemeenten werken samen, zodat je in je eigen "
                "gemeente terechtkunt en ook het aanbod in de buurgemeenten kunt gebruiken."
            ),
            "kleur": "#1d5c8f",
        },
    )
    return ["Huisstijl: Huis van het Kind Kempenland."]
