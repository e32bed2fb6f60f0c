from django.http import Http404


def werkboek(request):  # TEMPORARY: the XLSX export is being built
    raise Http404


def pdf(request, gemeente):  # TEMPORARY: the PDF export is being built
    raise Http404
