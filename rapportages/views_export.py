"""The report as files: a gemeente's PDF for the college, all figures as a workbook.

Both are for the people who may read the reports (``rapport_toegang``), cover the period in
the URL (``PeriodeForm``: anything invalid falls back to this year so far, never an error) and
are never kept in a shared cache.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from communicatie.models import Huisstijl
from gemeenten.models import Gemeente
from rapportages.forms import PeriodeForm
from rapportages.pdf import gemeenterapport_pdf
from rapportages.selectors import Periode, rapport
from rapportages.toegang import eigen_gemeente_ids, rapport_toegang
from rapportages.werkboek import cijfers_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bestand(inhoud: bytes, soort: str, naam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    # Figures per gemeente for logged-in people only: no shared or stored copies.
    response["Cache-Control"] = "private, no-store"
    return response


def _periode_in_naam(periode: Periode) -> str:
    return f"{periode.van:%Y-%m-%d}-{periode.tot:%Y-%m-%d}"


@rapport_toegang
def pdf(request, gemeente):
    gemeente = get_object_or_404(Gemeente, slug=gemeente)
    periode = PeriodeForm(request.GET or None).periode()
    inhoud = gemeenterapport_pdf(
        rapport=rapport(periode=periode),
        gemeente=gemeente,
        gemaakt_op=timezone.now(),
        huisstijl=Huisstijl.huidige(),
    )
    naam = f"rapport-{gemeente.slug}-{_periode_in_naam(periode)}.pdf"
    return _bestand(inhoud, "application/pdf", naam)


@rapport_toegang
def werkboek(request):
    periode = PeriodeForm(request.GET or None).periode()
    inhoud = cijfers_xlsx(
        rapport=rapport(periode=periode),
        gemaakt_op=timezone.now(),
        eerst=eigen_gemeente_ids(request.user),
        huisnaam=Huisstijl.huidige().naam,
    )
    return _bestand(inhoud, XLSX, f"cijfers-{_periode_in_naam(periode)}.xlsx")
