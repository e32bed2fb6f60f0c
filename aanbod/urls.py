from django.urls import path

from aanbod import views

app_name = "aanbod"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("kalender.ics", views.kalender, name="kalender"),
    path("kalender/<slug:gemeente>.ics", views.kalender_gemeente, name="kalender_gemeente"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/kalender.ics", views.kalender_activiteit, name="kalender_activiteit"),
]
