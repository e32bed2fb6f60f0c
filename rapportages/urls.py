from django.urls import path

from rapportages import views, views_export

app_name = "rapportages"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("cijfers.xlsx", views_export.werkboek, name="xlsx"),
    path("<slug:gemeente>/", views.gemeente, name="gemeente"),
    path("<slug:gemeente>/rapport.pdf", views_export.pdf, name="pdf"),
]
