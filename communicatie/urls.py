from django.urls import path

from communicatie import views

urlpatterns = [
    path("", views.home, name="home"),
]
