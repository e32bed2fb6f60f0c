from django.urls import path

from aanbod import views

app_name = "aanbod"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<slug:slug>/", views.detail, name="detail"),
]
