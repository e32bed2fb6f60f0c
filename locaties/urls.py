from django.urls import path

from locaties import views

app_name = "locaties"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<slug:slug>/", views.detail, name="detail"),
]
