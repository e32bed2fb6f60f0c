from django.urls import path

from aanbod import views, views_inschrijving

app_name = "aanbod"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("kalender.ics", views.kalender, name="kalender"),
    path("kalender/<slug:gemeente>.ics", views.kalender_gemeente, name="kalender_gemeente"),
    # Before the activity's slug: "inschrijving" is not an activity.
    path("inschrijving/<str:sleutel>/", views_inschrijving.inschrijving, name="inschrijving"),
    path("<slug:slug>/", views.detail, name="detail"),
    path(
        "<slug:slug>/<int:moment>/inschrijven/",
        views_inschrijving.inschrijven,
        name="inschrijven",
    ),
    path(
        "<slug:slug>/<int:moment>/ingeschreven/",
        views_inschrijving.ingeschreven,
        name="ingeschreven",
    ),
    path("<slug:slug>/kalender.ics", views.kalender_activiteit, name="kalender_activiteit"),
]
