from django.http import Http404


def overzicht(request):  # TEMPORARY: the overview page is being built
    raise Http404


def gemeente(request, gemeente):  # TEMPORARY: the gemeente page is being built
    raise Http404
