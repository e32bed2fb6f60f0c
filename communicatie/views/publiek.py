from django.shortcuts import render

from gemeenten.models import Gemeente


def home(request):
    """The shared Huis: who takes part and how to reach each gemeente's contact point."""
    return render(request, "communicatie/home.html", {"gemeenten": Gemeente.objects.all()})
