from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from hvk import bench
from hvk.beveiliging import security_txt
from hvk.gezondheid import healthz
from opendata.api import api as opendata_api

admin.site.site_header = _("Beheer Huis van het Kind")
admin.site.site_title = _("Beheer Huis van het Kind")
admin.site.index_title = _("Overzicht")
# The admin login is allauth's: rate limits and the two-step login for staff.
admin.site.login = secure_admin_login(admin.site.login)

# A host name that is not ours gets a Dutch 404 with a link to the main site (hvk/fouten.py).
handler400 = "hvk.fouten.slechte_aanvraag"
# The database out of reach: 503 "try again"; any other error: 500 (hvk/fouten.py).
handler500 = "hvk.fouten.serverfout"

urlpatterns = [
    # For load balancers and monitoring: database and cache answer (hvk/gezondheid.py).
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("aanbod/", include("aanbod.urls")),
    path("locaties/", include("locaties.urls")),
    path("rapportages/", include("rapportages.urls")),
    # Events and places as UiTdatabank JSON-LD (docs/uitdatabank.md).
    path("uit/", include("uitdatabank.urls")),
    # The read-only open-data API, its OpenAPI schema and docs (docs/opendata.md).
    path("api/v1/", opendata_api.urls),
    # Last: the gemeente doors (/<slug>/) take what no other path took.
    path("", include("communicatie.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.HVK_BENCH:
    # `make bench`: the ceiling, a view that does nothing behind the same middleware.
    urlpatterns.append(path("bench/kaal/", bench.kaal, name="bench_kaal"))
