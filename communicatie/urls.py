from django.urls import path

from communicatie.views import publiek

urlpatterns = [
    path("", publiek.home, name="home"),
]
