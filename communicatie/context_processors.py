from django.utils.functional import SimpleLazyObject

from communicatie.models import Huisstijl
from gemeenten.models import Gemeente


def huisstijl(request):
    """The brand and the participating gemeenten, looked up only when a template uses them."""
    return {
        "huisstijl": SimpleLazyObject(Huisstijl.huidige),
        "deelnemende_gemeenten": SimpleLazyObject(lambda: list(Gemeente.objects.all())),
    }
