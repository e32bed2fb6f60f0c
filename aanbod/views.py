from django.shortcuts import get_object_or_404, render

from aanbod.models import Activiteit


def lijst(request):
    return render(
        request, "aanbod/lijst.html", {"activiteiten": Activiteit.objects.gepubliceerd()[:50]}
    )


def detail(request, slug):
    activiteit = get_object_or_404(Activiteit.objects.gepubliceerd(), slug=slug)
    return render(request, "aanbod/detail.html", {"activiteit": activiteit})
