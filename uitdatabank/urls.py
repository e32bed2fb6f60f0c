from django.urls import path

from uitdatabank import views

app_name = "uitdatabank"
urlpatterns = [
    path("events/<slug:slug>.jsonld", views.event, name="event"),
    # The "@id" of an activity that began in this portal: it leads to the file above.
    path("events/<uuid:id>", views.event_id, name="event_id"),
    path("places/<slug:slug>.jsonld", views.plaats, name="plaats"),
    path("places/<uuid:id>", views.plaats_id, name="plaats_id"),
]
