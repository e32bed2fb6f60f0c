from django.shortcuts import get_object_or_404, render

from locaties.models import Locatie


def lijst(request):
    return render(request, "locaties/lijst.html", {"locaties": Locatie.objects.all()})


def detail(request, slug):
    locatie = get_object_or_404(Locatie, slug=slug)
    return render(request, "locaties/detail.html", {"locatie": locatie})
