"""The role checklist of Bataljong's groeimodel (https://www.bataljong.be, "Groeimodel
intergemeentelijke samenwerking"), one short task per line, per phase and per role.

The wording stays close to the source; only the metaphors that name a person ("de tuinman
(ambtenaar)") are replaced by the role itself, so that a schepen reads a plain task.
"""

from django.db import migrations

ROLTAKEN = {
    "potgrond": {
        "schepen": [
            "Geef de ambtenaar mandaat om tijd te investeren in het voeden van de potgrond.",
            "Ga in gesprek met de ambtenaar over de thema's die aan bod komen, zodat je "
            "vanop de zijlijn mee de andere lokale besturen leert kennen.",
        ],
        "ambtenaar": [
            "Informeer je schepen en koppel lokaal terug.",
            "Maak aan je schepen zichtbaar wat je lokaal gebruikt dankzij de bovenlokale "
            "input: toon het en praat erover.",
            "Deel je eigen expertise en kennis met je regionale collega's en maak gebruik van "
            "die van hen.",
        ],
        "samen": [
            "Spreek je verwachtingen naar elkaar toe uit.",
            "Bekijk of de schepen eens wil samenkomen met andere schepenen van de regio om "
            "uit te wisselen en kennis te maken.",
        ],
    },
    "bloemenweide": {
        "schepen": [
            "Geef mee naar welke bloemensoort je voorkeur uitgaat: geef richting vanuit lokale "
            "beleidskeuzes en heb medezeggenschap over de acties.",
            "Neem een kijkje op de andere stukjes van de bloemenweide: wat groeit er bij de buren?",
            "Geef de ambtenaar ontwikkelings- en uitvoeringstijd om de bloemenweide te "
            "onderhouden en heb vertrouwen in zijn of haar keuzes.",
            "Neem je collega's van het college van burgemeester en schepenen mee, of toon "
            "hen de bloemenweide en de mogelijkheden die daarin zitten.",
        ],
        "ambtenaar": [
            "Bevraag je schepen naar zijn of haar mening; laat hem of haar mee kiezen en "
            "richting geven.",
            "Maak van je schepen een ambassadeur van de regio: houd hem of haar betrokken, "
            "neem hem of haar mee in het regionale verhaal en kies samen acties.",
            "Koppel regelmatig terug over de stand van zaken en toon wat er aan het groeien "
            "is, zodat je de investeringen makkelijker verantwoordt.",
            "Is je schepen niet zo'n bloemenmens? Zoek de andere bestuurders in het CBS die "
            "wel oog hebben voor een mooi boeket.",
            "Is het eerste boeket geen topper? Leer ervan en probeer een andere combinatie.",
        ],
        "samen": [
            "Maak gezamenlijke en gemandateerde keuzes en neem eigenaarschap.",
            "Spreek je verwachtingen naar elkaar toe uit.",
            "Bekijk samen hoe je het college van burgemeester en schepenen meeneemt en "
            "betrokken houdt.",
            "Toon resultaten en maak de samenwerking zichtbaar door middel van acties.",
        ],
    },
    "bloemenwinkel": {
        "schepen": [
            "Verdedig de intergemeentelijke samenwerking mee, bouw ze mee uit en wees "
            "ambassadeur van de structuur.",
            "Zorg ervoor dat het lokale en het bovenlokale meerjarenplan in elkaar haken en in "
            "geest niet los van elkaar staan.",
        ],
        "ambtenaar": [
            "Leer gezamenlijk vooruit te denken en op lange termijn te plannen.",
            "Zorg met je collega's voor de dagelijkse werking: goede afspraken met de "
            "partners, een goed onthaal en het gewenste aanbod klaar.",
            "Maak de samenwerking zichtbaar, om gezinnen te behouden en draagvlak te krijgen "
            "en te houden bij alle deelnemende bestuurders.",
            "Blijf werken aan de basis: een goed gevoede potgrond en verscheidene bloemen.",
        ],
        "samen": [
            "Bepaal ook in de winkel samen de richting; bestuur en beheer de zaak samen.",
            "Mandateer samen wie aanstuurt en bijstuurt en wie zorgt voor de procesopvolging "
            "en -aansturing.",
        ],
    },
}


def roltaken_aanmaken(apps, schema_editor):
    Roltaak = apps.get_model("gemeenten", "Roltaak")
    for fase, rollen in ROLTAKEN.items():
        for rol, taken in rollen.items():
            for volgorde, tekst in enumerate(taken, start=1):
                Roltaak.objects.update_or_create(
                    fase=fase, rol=rol, volgorde=volgorde, defaults={"tekst": tekst}
                )


def roltaken_verwijderen(apps, schema_editor):
    Roltaak = apps.get_model("gemeenten", "Roltaak")
    for fase, rollen in ROLTAKEN.items():
        for rol, taken in rollen.items():
            Roltaak.objects.filter(
                fase=fase, rol=rol, volgorde__in=range(1, len(taken) + 1)
            ).delete()


class Migration(migrations.Migration):
    dependencies = [("gemeenten", "0002_samenwerking")]

    operations = [migrations.RunPython(roltaken_aanmaken, roltaken_verwijderen)]
